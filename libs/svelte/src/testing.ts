import { describeValue, type ActionPayloadMap, type Store, type StoreManager } from '@context-action/core'
import { createTestRecorder, spyFactory, type CreateSpy, type RecordedDispatch, type TestActions, type TestActionsOptions } from '@context-action/core/testing'
import type { Component, ComponentProps } from 'svelte'
import type { ActionContext } from './action-context.js'
import type { StoreContext } from './store-context.js'
import TestHost from './TestHost.svelte'

export type { CreateSpy, RecordedDispatch, TestActions, TestActionsOptions }

/** The stores a test provided: the manager exists once the component is rendered. */
export interface TestStores<V extends object> {
  readonly manager: StoreManager<V>
  getStore<K extends keyof V & string>(key: K): Store<V[K]>
}

/** What `createTestContexts` returns: declare the contexts a test provides, then render with `wrap`. */
export interface TestContexts {
  /** Provide `context` with fresh stores, `state` written into them before anything renders. */
  stores<V extends object>(context: StoreContext<V>, state?: Partial<V>): TestStores<V>
  /**
   * Provide `context` with a register made as the app makes it (its `createActionContext` config included), on which
   * the test records dispatches, registers its handlers and stubs the components' (`register` exists once rendered).
   */
  actions<A extends ActionPayloadMap>(context: ActionContext<A>, options?: TestActionsOptions<A>): TestActions<A>
  /**
   * What to pass to `render`: `render(...contexts.wrap(Component, props))`; `rerender(props)` reaches `Component`. Typed
   * as `Component` itself (the host passes every prop on to it), so `rerender` checks the props against it.
   */
  wrap<C extends Component<any>>(component: C, props?: ComponentProps<C>): [C, { props: ComponentProps<C> }]
}

/**
 * Render components inside store and action contexts in tests, without a wrapper component of your own.
 * @example const t = createTestContexts({ createSpy: vi.fn }); const todo = t.actions(Todo); render(...t.wrap(SaveButton))
 */
export function createTestContexts(options: { createSpy?: CreateSpy } = {}): TestContexts {
  const createSpy = spyFactory('createTestContexts', options.createSpy)
  const setups: Array<() => void> = []
  const check = (fn: string, context: unknown, method: string) => {
    if (typeof (context as Record<string, unknown> | null)?.[method] !== 'function') {
      throw new TypeError(`createTestContexts.${fn}: expected a context from create${fn === 'stores' ? 'Store' : 'Action'}Context, got ${describeValue(context)}`)
    }
  }
  return {
    stores(context, state) {
      check('stores', context, 'useStore')
      let manager: StoreManager<any> | undefined
      setups.push(() => {
        manager = context.provide(state)
      })
      const provided = () => {
        if (manager === undefined) throw new Error(`createTestContexts.stores: ${context.name} is provided when a component renders with these contexts; declare it, then render`)
        return manager
      }
      return {
        get manager() {
          return provided()
        },
        getStore: (key) => provided().getStore(key),
      }
    },
    actions<A extends ActionPayloadMap>(context: ActionContext<A>, settings: TestActionsOptions<A> = {}) {
      check('actions', context, 'useActionDispatch')
      const { actions, attach } = createTestRecorder<A>(
        'createTestContexts.actions',
        { ...settings, createSpy },
        `${context.name}'s register is made when a component renders with these contexts; declare it, then render`,
      )
      // The context's own register, disposed with the rendered component: the test runs with the app's settings.
      setups.push(() => attach(context.provide()))
      return actions
    },
    wrap(component, props) {
      const setup = () => setups.forEach((run) => run())
      return [TestHost as unknown as typeof component, { props: { ...props, contextActionTarget: component, contextActionSetup: setup } as ComponentProps<typeof component> }]
    },
  }
}
