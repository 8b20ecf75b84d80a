import { ActionRegister, createStore } from '@context-action/core'
import { mount } from '@vue/test-utils'
import { expect, it } from 'vitest'
import { defineComponent, h, nextTick, shallowRef } from 'vue'
import { useActionHandler } from '../use-action-handler'
import { useActionStatus } from '../use-action-status'
import { useStoreRefs } from '../use-store-refs'
import { useStoreValue } from '../use-store-value'
import { AppActions, type TestActions } from './actions'
import Harness from './Harness.vue'
import { AppStores } from './stores'
import type { Found } from './Probe.vue'
import { counts, createShared } from './shared'

it('leaves no listener and no handler behind after 10,000 mounts and unmounts of a component using every composable (useStoreValue, useStoreModel, useStoreRefs, useComputedStore, handlers, status)', async () => {
  const shared = createShared()
  const found: Found = {}
  const wrapper = mount(Harness, { props: { shared, found, show: false } })
  const before = counts(shared, found)
  await wrapper.setProps({ show: true })
  const mounted = counts(shared, found)
  await wrapper.find('button').trigger('click')
  for (let i = 0; i < 10_000; i++) {
    await wrapper.setProps({ show: false })
    await wrapper.setProps({ show: true })
  }
  await wrapper.setProps({ show: false })
  expect({ before, mounted, after: counts(shared, found) }).toEqual({
    before: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    // Both composables following `items` share one core subscription (src/follow.ts); a leaked follower keeps it.
    mounted: [1, 1, 1, 1, 1, 2, 1, 1, 1, 1, 1],
    after: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  })
  wrapper.unmount()
}, 60_000)

it('leaves nothing behind after 10,000 mounts that each unmount while their handler is still running', async () => {
  const register = new ActionRegister<{ slow: number }>({ name: 'inflight' })
  const status = register.getActionStatus('slow')
  let abortedByUnmount = 0
  const Slow = defineComponent({
    setup() {
      // The handler waits until its signal is aborted, which only unmounting does.
      useActionHandler(register, 'slow', (_, controller) =>
        new Promise<void>((resolve) => controller.signal.addEventListener('abort', () => (abortedByUnmount++, resolve()))),
      )
      const pending = useActionStatus(register, 'slow')
      return () => h('p', String(pending.value.pending))
    },
  })
  const results: Array<Promise<{ aborted: boolean; handlers: Array<{ outcome: string }> }>> = []
  for (let i = 0; i < 10_000; i++) {
    const wrapper = mount(Slow)
    results.push(register.dispatchWithResult('slow', i))
    wrapper.unmount()
  }
  const settled = await Promise.all(results)
  const outcomes = new Set(settled.map((r) => r.handlers.map((h) => h.outcome).join()))
  expect({
    abortedByUnmount,
    outcomes: [...outcomes],
    handlers: register.getHandlerCount('slow'),
    info: register.getRegistryInfo().totalHandlers,
    actions: register.getRegisteredActions(),
    statusListeners: status.getListenerCount(),
    running: status.getValue().running,
  }).toEqual({ abortedByUnmount: 10_000, outcomes: ['completed'], handlers: 0, info: 0, actions: [], statusListeners: 0, running: 0 })
}, 60_000)

it('leaves nothing behind after 10,000 mounts of a component that provides both contexts with provide() and uses them below', async () => {
  const shared = createStore({ name: 'Ada', email: 'ada@example.org' })
  const registers: ActionRegister<TestActions>[] = []
  const Child = defineComponent({
    setup() {
      AppActions.useActionHandler('save', () => {})
      const { name } = useStoreRefs(shared)
      const count = useStoreValue(AppStores.useStore('count'))
      return () => h('p', `${name.value} ${count.value}`)
    },
  })
  const Host = defineComponent({
    setup() {
      registers.push(AppActions.provide())
      AppStores.provide({ count: registers.length })
      return () => h(Child)
    },
  })
  const show = shallowRef(false)
  const wrapper = mount(() => (show.value ? h(Host) : null))
  for (let i = 0; i < 10_000; i++) {
    show.value = true
    await nextTick()
    show.value = false
    await nextTick()
  }
  wrapper.unmount()
  // A disposed register refuses new handlers; one still accepting them was never disposed.
  const accepts = (register: ActionRegister<TestActions>) => {
    try {
      register.register('reset', () => {})()
      return true
    } catch {
      return false
    }
  }
  const handlers = registers.reduce((sum, register) => sum + register.getHandlerCount('save'), 0)
  expect({ mounts: registers.length, undisposed: registers.filter(accepts).length, handlers, listeners: shared.getListenerCount() }).toEqual({
    mounts: 10_000,
    undisposed: 0,
    handlers: 0,
    listeners: 0,
  })
}, 60_000)
