import { ActionRegister, describeValue, type ActionHandler, type ActionPayloadMap, type Store, type StoreManager } from '@context-action/core'
import type { Component, ComponentProps } from 'svelte'
import type { ActionContext } from './action-context.js'
import type { StoreContext } from './store-context.js'
import TestHost from './TestHost.svelte'

/** Makes a spy that calls `implementation`, like `vi.fn` or `jest.fn`: the package depends on no test runner. */
export type CreateSpy = <F extends (...args: any[]) => any>(implementation?: F) => F

/** The stores a test provided: the manager exists once the component is rendered. */
export interface TestStores<V extends Record<string, unknown>> {
  readonly manager: StoreManager<V>
  getStore<K extends keyof V & string>(key: K): Store<V[K]>
}

/** Options of `TestContexts.actions`. */
export interface TestActionsOptions<A extends ActionPayloadMap> {
  /** Handlers the test registers (made spies with `createSpy`). */
  handlers?: { [K in keyof A & string]?: ActionHandler<A[K], unknown> }
  /** Register a spy that does nothing in place of every handler the rendered components register. */
  stub?: boolean
}

/** The register a test provided, with what happened on it. */
export interface TestActions<A extends ActionPayloadMap> {
  readonly register: ActionRegister<A>
  /** Every dispatch so far, in order. */
  readonly dispatches: Array<{ action: keyof A & string; payload: unknown }>
  /** The test's handlers, as registered (spies with `createSpy`). */
  readonly handlers: { [K in keyof A & string]?: ActionHandler<A[K], unknown> }
  /** With `stub`: the spies registered in place of the components' handlers, per action, in registration order. */
  readonly stubs: { [K in keyof A & string]?: Array<ActionHandler<A[K], unknown>> }
}

/** What `createTestContexts` returns: declare the contexts a test provides, then render with `wrap`. */
export interface TestContexts {
  /** Provide `context` with fresh stores, `state` written into them before anything renders. */
  stores<V extends Record<string, unknown>>(context: StoreContext<V>, state?: Partial<V>): TestStores<V>
  /** Provide `context` with a register of the test's own that records dispatches. */
  actions<A extends ActionPayloadMap>(context: ActionContext<A>, options?: TestActionsOptions<A>): TestActions<A>
  /** What to pass to `render`: `render(...contexts.wrap(Component, props))`; `rerender(props)` reaches `Component`. */
  wrap<C extends Component<any>>(component: C, props?: ComponentProps<C>): [Component<any>, { props: Record<string, unknown> }]
}

/**
 * Render components inside store and action contexts in tests, without a wrapper component of your own.
 * @example const t = createTestContexts({ createSpy: vi.fn }); const todo = t.actions(Todo); render(...t.wrap(SaveButton))
 */
export function createTestContexts(options: { createSpy?: CreateSpy } = {}): TestContexts {
  const spy: CreateSpy = options.createSpy ?? ((implementation) => implementation ?? ((() => {}) as never))
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
        if (manager === undefined) throw new Error(`createTestContexts.stores: ${context.name} is provided when the component renders; render it first`)
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
      const register = new ActionRegister<A>({ name: context.name })
      const dispatches: TestActions<A>['dispatches'] = []
      const handlers: TestActions<A>['handlers'] = {}
      const stubs: TestActions<A>['stubs'] = {}
      register.observe((event) => {
        if (event.type === 'start') dispatches.push({ action: event.action as keyof A & string, payload: event.payload })
      })
      const add = register.register.bind(register)
      for (const [action, handler] of Object.entries(settings.handlers ?? {}) as Array<[keyof A & string, ActionHandler<any, unknown>]>) {
        const made = spy(handler)
        handlers[action] = made
        add(action, made)
      }
      if (settings.stub) {
        // Components register through this method; the test's own handlers went through `add`.
        register.register = (action, _handler, config) => {
          const stub = spy()
          ;(stubs[action] ??= []).push(stub)
          return add(action, stub, config)
        }
      }
      setups.push(() => context.provide(register))
      return { register, dispatches, handlers, stubs }
    },
    wrap(component, props) {
      const setup = () => setups.forEach((run) => run())
      return [TestHost, { props: { ...props, contextActionTarget: component, contextActionSetup: setup } }]
    },
  }
}
