import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, effectScope, h } from 'vue'
import { AppStores } from './__tests__/stores'
import TwoCounters from './__tests__/TwoCounters.vue'
import Counter from './__tests__/Counter.vue'
import { createStoreContext } from './create-store-context'

const counts = (wrapper: ReturnType<typeof mount>) => wrapper.findAll('.count').map((c) => c.text())

describe('createStoreContext', () => {
  it('gives each Provider its own stores, shared by the components under it', async () => {
    const wrapper = mount(TwoCounters)
    await wrapper.findAll('.inc')[0].trigger('click')
    await wrapper.findAll('.inc')[1].trigger('click')
    await wrapper.findAll('.inc')[2].trigger('click')
    expect(counts(wrapper)).toEqual(['2', '2', '1'])
    wrapper.unmount()
  })

  it('resets to the initial values on the same store instances the components hold', async () => {
    let seen: unknown[] = []
    const Spy = defineComponent({
      setup() {
        const manager = AppStores.useStoreManager()
        const count = AppStores.useStore('count')
        seen = [manager.getStore('count') === count, manager.keys]
        count.setValue(7)
        AppStores.useStore('profile').setValue({ name: 'Grace', initialValue: 2 })
        return () => null
      },
    })
    const wrapper = mount(() => h(AppStores.Provider, null, { default: () => [h(Spy), h(Counter, { label: 'x' })] }))
    expect([wrapper.find('.count').text(), wrapper.find('.name').text()]).toEqual(['7', 'Grace'])
    await wrapper.find('.reset').trigger('click')
    expect([...seen, wrapper.find('.count').text(), wrapper.find('.name').text()]).toEqual([true, ['count', 'profile'], '0', 'Ada'])
    wrapper.unmount()
  })

  it('keeps a data object with an initialValue key as data', () => {
    let profile: unknown
    const Spy = defineComponent({
      setup: () => {
        profile = AppStores.useStore('profile').getValue()
        return () => null
      },
    })
    mount(() => h(AppStores.Provider, null, { default: () => h(Spy) })).unmount()
    expect(profile).toEqual({ name: 'Ada', initialValue: 1 })
  })

  it('throws clear errors outside a Provider, outside setup, and for unknown keys or bad definitions', () => {
    const errors: string[] = []
    const capture = (fn: () => unknown) => {
      try {
        fn()
      } catch (e) {
        errors.push((e as Error).message)
      }
    }
    const Orphan = defineComponent({ setup: () => (capture(() => AppStores.useStore('count')), () => null) })
    const Unknown = defineComponent({ setup: () => (capture(() => AppStores.useStore('nope' as 'count')), () => null) })
    mount(Orphan).unmount()
    mount(() => h(AppStores.Provider, null, { default: () => h(Unknown) })).unmount()
    capture(() => effectScope().run(() => AppStores.useStoreManager()))
    capture(() => createStoreContext('Bad', { count: 0 } as never))
    expect(errors).toEqual([
      'AppStores.useStore: no <AppStores.Provider> above this component (or AppStores.provide() in a parent, app.use(AppStores)); the component that calls AppStores.provide() uses what it returns, and code run through app.runWithContext() (Pinia stores, router guards) sees only app.use(AppStores)',
      'AppStores.getStore: unknown store "nope"; known stores: count, profile',
      'AppStores.useStoreManager: call it inside setup() of a component rendered under <AppStores.Provider> (not in an event handler or a timer, nor after an await in a setup() function other than <script setup>), or inside app.runWithContext() of an app that ran app.use(AppStores)',
      'createStoreContext: definition "count" must be an object with an initialValue, e.g. { count: { initialValue: … } }, got 0',
    ])
  })
})
