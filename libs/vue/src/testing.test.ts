import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick } from 'vue'
import { AppActions, type TestActions } from './__tests__/actions'
import SaveButton from './__tests__/SaveButton.vue'
import { AppStores } from './__tests__/stores'
import { createActionContext } from './create-action-context'
import { createTestContexts } from './testing'

// A component that registers a handler writing a store, and renders SaveButton (dispatch, status, a store value).
const Saver = defineComponent({
  setup() {
    const count = AppStores.useStore('count')
    AppActions.useActionHandler('save', (payload) => count.setValue(payload.id + 100))
    return () => h(SaveButton)
  },
})

describe('createTestContexts', () => {
  it('provides seeded stores and a recording register; with stub, the handlers components register are spies that do nothing', async () => {
    const contexts = createTestContexts({ createSpy: vi.fn })
    const stores = contexts.stores(AppStores, { count: 3 })
    const actions = contexts.actions(AppActions, { stub: true })
    const wrapper = mount(Saver, { global: { plugins: [contexts] } })
    await wrapper.find('button').trigger('click')
    expect({
      text: wrapper.text(),
      dispatches: actions.dispatches,
      stubCalls: vi.mocked(actions.stubs.save![0]).mock.calls.map((call) => call[0]),
      count: stores.getStore('count').getValue(),
    }).toEqual({
      text: 'save 3',
      dispatches: [{ action: 'save', payload: { id: 3 } }],
      stubCalls: [{ id: 3 }],
      // Stubbed: the component's handler did not run.
      count: 3,
    })
    wrapper.unmount()
  })

  it('without stub the components\' handlers run; the test adds handlers of its own (spies) and writes the stores', async () => {
    const contexts = createTestContexts({ createSpy: vi.fn })
    const stores = contexts.stores(AppStores)
    const actions = contexts.actions(AppActions, { handlers: { reset: () => {} } })
    const wrapper = mount(Saver, { global: { plugins: [contexts] } })
    stores.getStore('count').setValue(5)
    await nextTick()
    await wrapper.find('button').trigger('click')
    await actions.register.dispatch('reset')
    await nextTick()
    expect({ text: wrapper.text(), resets: vi.mocked(actions.handlers.reset!).mock.calls.length, dispatched: actions.dispatches.map((d) => d.action) }).toEqual({
      text: 'save 105',
      resets: 1,
      dispatched: ['save', 'reset'],
    })
    wrapper.unmount()
  })

  it("gives the component the context's own register (its config), stubs only the listed actions, tells how dispatches ended", async () => {
    const Latest = createActionContext<TestActions>('Latest', { registry: { defaultConcurrency: 'takeLatest' } })
    const contexts = createTestContexts({ createSpy: vi.fn })
    contexts.stores(AppStores)
    const actions = contexts.actions(Latest, { stub: ['reset'] })
    const ran: string[] = []
    const signals: AbortSignal[] = []
    const Component = defineComponent({
      setup() {
        Latest.useActionHandler('save', (_, controller) => {
          signals.push(controller.signal)
          ran.push('save')
          return new Promise<void>((resolve) => setTimeout(resolve, 1))
        })
        Latest.useActionHandler('reset', () => void ran.push('reset'))
        return () => null
      },
    })
    expect(() => actions.register).toThrow("createTestContexts.actions: Latest's register is made when a component mounts with these contexts; declare it, then mount")
    const wrapper = mount(Component, { global: { plugins: [contexts] } })
    const { register } = actions
    // takeLatest, as in the app: the second save aborts the first one's signal.
    await Promise.all([register.dispatch('save', { id: 1 }), register.dispatch('save', { id: 2 }), register.dispatch('reset')])
    expect({
      name: register.name,
      concurrency: register.getActionConcurrency('save'),
      aborted: signals.map((signal) => signal.aborted),
      ran,
      stubbed: Object.keys(actions.stubs),
      outcomes: actions.dispatches.map((d) => `${d.action} ${d.outcome}`),
    }).toEqual({
      name: 'Latest',
      concurrency: 'takeLatest',
      aborted: [true, false],
      ran: ['save', 'save'],
      stubbed: ['reset'],
      outcomes: ['save aborted', 'save completed', 'reset completed'],
    })
    wrapper.unmount()
    // Disposed with the app, as the app's own register is.
    await expect(register.dispatch('reset')).rejects.toThrow('register "Latest" was disposed')
  })

  it('names what is wrong: a bad createSpy, a context of the other kind or none, stores read before mounting', () => {
    const errors: string[] = []
    const capture = (run: () => unknown) => {
      try {
        run()
      } catch (e) {
        errors.push((e as Error).message)
      }
    }
    capture(() => createTestContexts({ createSpy: 5 as never }))
    const contexts = createTestContexts()
    capture(() => contexts.actions(AppStores as never))
    capture(() => contexts.stores(AppStores).manager)
    capture(() => contexts.stores(null as never))
    capture(() => contexts.stores(AppActions as never))
    capture(() => contexts.actions(undefined as never))
    expect(errors).toEqual([
      'createTestContexts: createSpy must be a spy factory such as vi.fn, got 5',
      'createTestContexts.actions: expected a context from createActionContext, got an object',
      'createTestContexts.stores: AppStores is provided when a component mounts with these contexts; declare it, then mount',
      'createTestContexts.stores: expected a context from createStoreContext, got null',
      'createTestContexts.stores: expected a context from createStoreContext, got an object',
      'createTestContexts.actions: expected a context from createActionContext, got undefined',
    ])
  })
})
