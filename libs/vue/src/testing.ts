import { ActionRegister, describeValue, type ActionHandler, type ActionPayloadMap, type Store, type StoreManager } from '@context-action/core'
import type { App } from 'vue'
import type { ActionContext } from './create-action-context'
import type { StoreContext } from './create-store-context'

/** Makes a spy that calls `implementation`, like `vi.fn` or `jest.fn`: the package depends on no test runner. */
export type CreateSpy = <F extends (...args: any[]) => any>(implementation?: F) => F

/** The stores a test provided: the manager exists once the component is mounted. */
export interface TestStores<V extends Record<string, unknown>> {
  readonly manager: StoreManager<V>
  getStore<K extends keyof V & string>(key: K): Store<V[K]>
}

/** Options of `TestContexts.actions`. */
export interface TestActionsOptions<A extends ActionPayloadMap> {
  /** Handlers the test registers (made spies with `createSpy`). */
  handlers?: { [K in keyof A & string]?: ActionHandler<A[K], unknown> }
  /** Register a spy that does nothing in place of every handler the mounted components register. */
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

/** What `createTestContexts` returns: declare the contexts a test provides, then mount with it as a plugin. */
export interface TestContexts {
  /** Vue plugin: `mount(Component, { global: { plugins: [contexts] } })` provides every declared context app-wide. */
  install(app: App): void
  /** Provide `context` with fresh stores, `state` written into them before anything renders. */
  stores<V extends Record<string, unknown>>(context: StoreContext<V>, state?: Partial<V>): TestStores<V>
  /** Provide `context` with a register of the test's own that records dispatches. */
  actions<A extends ActionPayloadMap>(context: ActionContext<A>, options?: TestActionsOptions<A>): TestActions<A>
}

/**
 * Mount components inside store and action contexts in tests (like `@pinia/testing`): seeded stores, recorded
 * dispatches, handlers stubbed with spies; the same names as `@context-action/svelte/testing`.
 * @example const t = createTestContexts({ createSpy: vi.fn }); const todo = t.actions(Todo, { stub: true }); mount(SaveButton, { global: { plugins: [t] } })
 */
export function createTestContexts(options: { createSpy?: CreateSpy } = {}): TestContexts {
  const createSpy = options.createSpy ?? ((implementation) => implementation ?? ((() => {}) as never))
  if (typeof createSpy !== 'function') throw new TypeError(`createTestContexts: createSpy must be a spy factory such as vi.fn, got ${describeValue(createSpy)}`)
  const setups: Array<(app: App) => void> = []
  const check = (fn: string, context: unknown, method: string) => {
    if (typeof (context as Record<string, unknown> | null)?.[method] !== 'function') {
      throw new TypeError(`createTestContexts.${fn}: expected a context from create${fn === 'stores' ? 'Store' : 'Action'}Context, got ${describeValue(context)}`)
    }
  }
  return {
    install(app) {
      setups.forEach((setup) => setup(app))
    },
    stores(context, state) {
      check('stores', context, 'useStore')
      let manager: StoreManager<any> | undefined
      setups.push((app) => {
        app.use(context, { state })
        manager = app.runWithContext(() => context.useStoreManager())
      })
      const provided = () => {
        if (manager === undefined) throw new Error(`createTestContexts.stores: ${context.name} is provided when the component mounts; mount it first`)
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
        const made = createSpy(handler)
        handlers[action] = made
        add(action, made)
      }
      if (settings.stub) {
        // Components register through this method; the test's own handlers went through `add`.
        register.register = (action, _handler, config) => {
          const stub = createSpy()
          stubs[action] = [...(stubs[action] ?? []), stub]
          return add(action, stub, config)
        }
      }
      setups.push((app) => app.use(context, { register }))
      return { register, dispatches, handlers, stubs }
    },
  }
}
