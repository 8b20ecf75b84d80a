import { ActionRegister, createStore } from '@context-action/core'
import { mount } from '@vue/test-utils'
import { expect, it, vi } from 'vitest'
import { createPinia, defineStore, setActivePinia } from 'pinia'
import { createApp, defineComponent, effectScope, isProxy, isReadonly, isRef } from 'vue'
import type { User } from './__tests__/fixtures'
import UserEditor from './__tests__/UserEditor.vue'
import { createActionContext } from './create-action-context'
import { createStoreContext } from './create-store-context'
import { useActionHandler } from './use-action-handler'
import { useComputedStore } from './use-computed-store'
import { useStoreModel } from './use-store-model'
import { useStoreRefs } from './use-store-refs'
import { useStoreValue } from './use-store-value'

// What a production build sees: `process.env.NODE_ENV` replaced by "production".
vi.mock('./dev', () => ({ isDev: false }))

it('in production useStoreValue hands out the stored object itself (no wrapping cost)', () => {
  const original = { items: [1, 2] }
  const store = createStore(original)
  const scope = effectScope()
  const value = scope.run(() => useStoreValue(store))!
  expect([value.value === original, isReadonly(value.value)]).toEqual([true, false])
  scope.stop()
})

it('in production too, useStoreModel with v-model on a field never changes the stored object', async () => {
  const original: User = { name: 'Ada', tags: [] }
  const user = createStore(original)
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  const wrapper = mount(UserEditor, { props: { user } })
  await wrapper.find('input').setValue('Grace')
  warn.mockRestore()
  expect({ stored: user.getValue(), same: user.getValue() === original, text: wrapper.find('p').text() }).toEqual({
    stored: { name: 'Ada', tags: [] },
    same: true,
    text: 'Ada',
  })
  wrapper.unmount()
})

it('in production useStoreValue returns the ref itself, not a read-only wrapper (no cost)', () => {
  const scope = effectScope()
  const value = scope.run(() => useStoreValue(createStore(1)))!
  scope.stop()
  expect([isRef(value), isReadonly(value)]).toEqual([true, false])
})

it('in production too, useStoreModel and useStoreRefs store plain data when given back the read-only values read', () => {
  const prefs = { dark: true }
  const settings = createStore({ name: 'a', prefs, copy: { dark: false } })
  const scope = effectScope()
  const [model, refs] = scope.run(() => [useStoreModel(settings), useStoreRefs(settings)] as const)!
  model.value = { ...model.value, name: 'b' }
  const afterModel = settings.getValue()
  refs.copy.value = model.value.prefs
  scope.stop()
  const stored = settings.getValue()
  expect({
    readOnly: isReadonly(model.value.prefs),
    model: [isProxy(afterModel.prefs), afterModel.prefs === prefs],
    refs: [isProxy(stored.copy), stored.copy === prefs],
    clone: structuredClone(stored),
  }).toEqual({
    readOnly: true,
    model: [false, true],
    refs: [false, true],
    clone: { name: 'b', prefs: { dark: true }, copy: { dark: true } },
  })
})

it('in production a write to the ref of useStoreValue or useComputedStore changes nothing: Pinia hydrating or patching a setup store that returns them cannot make them disagree with the store', () => {
  const count = createStore(1)
  const useCounter = defineStore('counter', () => ({ count: useStoreValue(count), label: useComputedStore([count], (n) => `#${n}`) }))
  const pinia = createPinia()
  // What `@pinia/nuxt` or any SSR state transfer does before the store is first used on the client.
  pinia.state.value.counter = { count: 42, label: 'stale' }
  setActivePinia(pinia)
  const counter = useCounter()
  const hydrated = [counter.count, counter.label]
  counter.$patch({ count: 7 })
  const patched = counter.count
  count.setValue(2)
  const later = [counter.count, counter.label]
  counter.$dispose()
  expect({ hydrated, patched, later, listeners: count.getListenerCount() }).toEqual({ hydrated: [1, '#1'], patched: 1, later: [2, '#2'], listeners: 0 })
})

it('in production a composable called outside any effect scope does not warn (the check is development-only)', () => {
  vi.stubEnv('NODE_ENV', 'production')
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  const value = useStoreValue(createStore(1))
  const calls = warn.mock.calls.length
  warn.mockRestore()
  vi.unstubAllEnvs()
  expect([calls, value.value]).toEqual([0, 1])
})

it('in production, bad input throws a short error naming the function and its code of docs/errors.md', () => {
  const caught = (run: () => unknown) => {
    try {
      run()
    } catch (error) {
      return `${(error as Error).constructor.name}: ${(error as Error).message}`
    }
    return 'nothing thrown'
  }
  const Stores = createStoreContext('Stores', { count: { initialValue: 0 } })
  const scope = effectScope()
  const thrown = scope.run(() => [
    caught(() => createActionContext('')),
    caught(() => useStoreRefs(createStore(1) as never)),
    caught(() => useComputedStore('nope' as never, () => 0)),
    caught(() => useActionHandler(new ActionRegister<{ save: void }>(), 'save', 'nope' as never)),
    caught(() => Stores.useStore('count')),
    caught(() => Stores.provide()),
  ])
  scope.stop()
  expect(thrown).toEqual([
    'TypeError: createActionContext: error vue-5 (https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#vue-5)',
    'TypeError: useStoreRefs: error vue-8 (https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#vue-8)',
    'TypeError: useComputedStore: error vue-7 (https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#vue-7)',
    'TypeError: useActionHandler: error vue-6 (https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#vue-6)',
    'Error: Stores.useStore: error vue-3 (https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#vue-3)',
    'Error: Stores.provide: error vue-1 (https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#vue-1)',
  ])
})

it('in production, a context with no provider or a second install throws a short error naming the function', () => {
  const Actions = createActionContext<{ save: void }>('Actions')
  let missing = ''
  const Child = defineComponent({
    setup() {
      try {
        Actions.useActionDispatch()
      } catch (error) {
        missing = (error as Error).message
      }
      return () => null
    },
  })
  const wrapper = mount(Child)
  const app = createApp({ render: () => null })
  Actions.install(app)
  let twice = ''
  try {
    Actions.install(app)
  } catch (error) {
    twice = (error as Error).message
  }
  wrapper.unmount()
  expect([missing, twice]).toEqual([
    'Actions.useActionDispatch: error vue-4 (https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#vue-4)',
    'Actions.install: error vue-2 (https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#vue-2)',
  ])
})
