import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { defineComponent, effectScope, h, nextTick } from 'vue'
import { ActionRegister } from '@context-action/core'
import { AppActions, type TestActions } from './__tests__/actions'
import Isolation from './__tests__/Isolation.vue'
import { AppStores } from './__tests__/stores'
import type { Found } from './__tests__/Probe.vue'

describe('createActionContext', () => {
  it('isolates Providers: a dispatch reaches only its own subtree, and each register is disposed on unmount', async () => {
    const left: Found = {}
    const right: Found = {}
    const log: string[] = []
    const wrapper = mount(Isolation, { props: { left, right, log } })
    await left.register!.dispatch('save', { id: 1 })
    await right.register!.dispatch('save', { id: 2 })
    const counts = [left.register!.getHandlerCount('save'), right.register!.getHandlerCount('save')]
    wrapper.unmount()
    await nextTick()
    expect({ log, counts, after: [left.register!.getHandlerCount('save'), right.register!.getHandlerCount('save')] }).toEqual({
      log: ['left:1', 'left2:1', 'right:2'],
      counts: [2, 1],
      after: [0, 0],
    })
  })

  it('provides an existing register given as a prop, and leaves it alive on unmount', async () => {
    const shared = new ActionRegister<TestActions>({ name: 'shared' })
    const log: string[] = []
    const Child = defineComponent({
      setup() {
        AppActions.useActionHandler('save', (payload) => void log.push(`child:${payload.id}`))
        return () => null
      },
    })
    const wrapper = mount(() => h(AppActions.Provider, { register: shared }, { default: () => h(Child) }))
    await shared.dispatch('save', { id: 7 })
    wrapper.unmount()
    shared.register('save', (payload) => void log.push(`after:${payload.id}`))
    await shared.dispatch('save', { id: 8 })
    expect(log).toEqual(['child:7', 'after:8'])
  })

  it('gives the same dispatch function on every call within a Provider', () => {
    const seen: unknown[] = []
    const Child = defineComponent({
      setup() {
        seen.push(AppActions.useActionDispatch(), AppActions.useActionDispatch(), AppActions.useActionRegister())
        return () => null
      },
    })
    const wrapper = mount(() => h(AppActions.Provider, null, { default: () => h(Child) }))
    expect([seen[0] === seen[1], typeof seen[0]]).toEqual([true, 'function'])
    wrapper.unmount()
  })

  it('follows the action status while a dispatch runs', async () => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const pending: boolean[] = []
    let dispatch!: ReturnType<typeof AppActions.useActionDispatch>
    const Child = defineComponent({
      setup() {
        AppActions.useActionHandler('save', () => gate)
        dispatch = AppActions.useActionDispatch()
        const status = AppActions.useActionStatus('save')
        return () => (pending.push(status.value.pending), null)
      },
    })
    const wrapper = mount(() => h(AppActions.Provider, null, { default: () => h(Child) }))
    const running = dispatch('save', { id: 1 })
    await nextTick()
    release()
    await running
    await nextTick()
    expect(pending).toEqual([false, true, false])
    wrapper.unmount()
  })

  it("names each context's Provider component after the context, as Vue devtools and warnings show it", () => {
    expect([AppActions.Provider.name, AppStores.Provider.name]).toEqual(['AppActionsProvider', 'AppStoresProvider'])
  })

  it('throws a clear error naming the context outside a Provider and outside setup', () => {
    const errors: string[] = []
    const capture = (fn: () => unknown) => {
      try {
        fn()
      } catch (e) {
        errors.push((e as Error).message)
      }
    }
    const Orphan = defineComponent({
      setup() {
        capture(() => AppActions.useActionDispatch())
        capture(() => AppActions.useActionHandler('save', () => {}))
        capture(() => AppActions.useActionStatus('save'))
        return () => null
      },
    })
    mount(Orphan).unmount()
    capture(() => effectScope().run(() => AppActions.useActionRegister()))
    expect(errors).toEqual([
      'AppActions.useActionDispatch: no <AppActions.Provider> above this component (or AppActions.provide() in a parent, app.use(AppActions)); the component that calls AppActions.provide() uses what it returns, and code run through app.runWithContext() (Pinia stores, router guards) sees only app.use(AppActions)',
      'AppActions.useActionHandler: no <AppActions.Provider> above this component (or AppActions.provide() in a parent, app.use(AppActions)); the component that calls AppActions.provide() uses what it returns, and code run through app.runWithContext() (Pinia stores, router guards) sees only app.use(AppActions)',
      'AppActions.useActionStatus: no <AppActions.Provider> above this component (or AppActions.provide() in a parent, app.use(AppActions)); the component that calls AppActions.provide() uses what it returns, and code run through app.runWithContext() (Pinia stores, router guards) sees only app.use(AppActions)',
      'AppActions.useActionRegister: call it inside setup() of a component rendered under <AppActions.Provider> (not in an event handler or a timer, nor after an await in a setup() function other than <script setup>), or inside app.runWithContext() of an app that ran app.use(AppActions)',
    ])
  })
})
