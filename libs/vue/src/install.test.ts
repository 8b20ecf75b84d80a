import { ActionRegister, createStoreManager } from '@context-action/core'
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { createApp, defineComponent, h } from 'vue'
import { AppActions, type TestActions } from './__tests__/actions'
import Counter from './__tests__/Counter.vue'
import SaveButton from './__tests__/SaveButton.vue'
import { AppStores } from './__tests__/stores'

describe('contexts without a Provider component', () => {
  it('app.use(Ctx) provides app-wide: a new register disposed with the app, stores seeded from options.state', async () => {
    let register!: ActionRegister<TestActions>
    const log: number[] = []
    const Host = defineComponent({
      setup() {
        register = AppActions.useActionRegister()
        AppActions.useActionHandler('save', (payload) => void log.push(payload.id))
        return () => h(SaveButton)
      },
    })
    const wrapper = mount(Host, { global: { plugins: [AppActions, [AppStores, { state: { count: 4 } }]] } })
    await wrapper.find('button').trigger('click')
    const text = wrapper.text()
    wrapper.unmount()
    const afterUnmount = await register.dispatch('save', { id: 9 }).catch((e: Error) => e.message)
    expect({ log, text, handlers: register.getHandlerCount('save'), afterUnmount }).toEqual({
      log: [4],
      text: 'save 4',
      handlers: 0,
      afterUnmount: 'ActionRegister.dispatch: register "AppActions" was disposed',
    })
  })

  it('app.use(Ctx, { register }) provides an existing register and leaves it alive after the app unmounts', async () => {
    const shared = new ActionRegister<TestActions>({ name: 'shared' })
    const log: string[] = []
    shared.register('save', (payload) => void log.push(`domain:${payload.id}`))
    const wrapper = mount(SaveButton, { global: { plugins: [[AppActions, { register: shared }], AppStores] } })
    await wrapper.find('button').trigger('click')
    wrapper.unmount()
    await shared.dispatch('save', { id: 1 })
    expect(log).toEqual(['domain:0', 'domain:1'])
  })

  it('provide() in setup() provides to the subtree like the Provider: a register per component, disposed on unmount', async () => {
    const registers: ActionRegister<TestActions>[] = []
    const Section = defineComponent({
      setup() {
        registers.push(AppActions.provide())
        AppStores.provide({ count: registers.length })
        return () => h(SaveButton)
      },
    })
    const wrapper = mount(() => [h(Section), h(Section)])
    const texts = wrapper.findAll('button').map((b) => b.text())
    const distinct = registers[0] !== registers[1]
    wrapper.unmount()
    expect({ texts, distinct, afterUnmount: registers.map((r) => r.getRegisteredActions().length) }).toEqual({
      texts: ['save 1', 'save 2'],
      distinct: true,
      afterUnmount: [0, 0],
    })
  })

  it('app.use(Ctx, { stores }), the stores prop and provide(stores) share existing stores as they are, between apps too', async () => {
    const shared = createStoreManager('AppStores', { count: { initialValue: 5 }, profile: { initialValue: { name: 'Lin', initialValue: 0 } } })
    const seen: unknown[] = []
    const Provides = defineComponent({
      setup() {
        seen.push(AppStores.provide(shared))
        return () => h(Counter, { label: 'provide' })
      },
    })
    // Two apps, as two custom elements or two islands of one page make.
    const first = mount(Counter, { props: { label: 'app' }, global: { plugins: [[AppStores, { stores: shared }]] } })
    const second = mount(() => [h(AppStores.Provider, { stores: shared }, () => h(Counter, { label: 'prop' })), h(Provides)])
    const counts = () => [first, second].flatMap((wrapper) => wrapper.findAll('.count').map((count) => count.text()))
    expect([counts(), seen[0] === shared]).toEqual([['5', '5', '5'], true])
    await first.find('.inc').trigger('click')
    await second.find('.inc').trigger('click')
    expect([counts(), shared.getStore('count').getValue()]).toEqual([['7', '7', '7'], 7])
    first.unmount()
    second.unmount()
    // Nobody listens any more, and the stores keep their values: the apps never owned them.
    expect([shared.getStore('count').getListenerCount(), shared.snapshot().count]).toEqual([0, 7])
  })

  it('a Provider inside an app-wide context gives its subtree a register of its own', async () => {
    const seen: ActionRegister<TestActions>[] = []
    const Probe = defineComponent({
      setup() {
        seen.push(AppActions.useActionRegister())
        return () => null
      },
    })
    const wrapper = mount(() => [h(Probe), h(AppActions.Provider, null, () => h(Probe))], { global: { plugins: [AppActions] } })
    expect(seen[0] === seen[1]).toBe(false)
    wrapper.unmount()
  })

  it('a second app.use(Ctx) is ignored by Vue itself (a dev warning), so the first options stay in force', () => {
    const first = new ActionRegister<TestActions>({ name: 'first' })
    const second = new ActionRegister<TestActions>({ name: 'second' })
    // Outside a component Vue warns on the console.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const app = createApp({})
    app.use(AppActions, { register: first }).use(AppActions, { register: second })
    const warnings = warn.mock.calls.map((call) => String(call[0]))
    warn.mockRestore()
    expect([app.runWithContext(() => AppActions.useActionRegister()).name, warnings]).toEqual(['first', ['[Vue warn]: Plugin has already been applied to target app.']])
  })

  it('installing the same context twice on one app is a clear error', () => {
    const app = createApp({})
    app.use(AppActions)
    expect(() => AppActions.install(app)).toThrow('AppActions.install: already installed on this app')
    expect(() => AppStores.install(app, { state: { count: 1 } })).not.toThrow()
    expect(() => AppStores.install(app)).toThrow('AppStores.install: already installed on this app')
  })
})
