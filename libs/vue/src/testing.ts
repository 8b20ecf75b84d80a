import { ActionRegister, describeValue, type ActionPayloadMap, type StoreManager } from '@context-action/core'
import type { App } from 'vue'
import type { ActionContext } from './create-action-context'
import type { StoreContext } from './create-store-context'

/** A spy factory such as `vi.fn` or `jest.fn`: called with no argument for a stub, or with the function to call through. */
export type CreateSpy = (implementation?: (...args: any[]) => any) => (...args: any[]) => any

export interface TestingContextsOptions {
  /** The action contexts to provide, each with a fresh register. */
  actions?: ActionContext<any>[]
  /** The store contexts to provide, each with fresh stores. */
  stores?: StoreContext<any>[]
  /** Values to seed, by store context name: `{ Cart: { items: [...] } }`; written with the manager's `hydrate`. */
  initialState?: Record<string, Record<string, unknown>>
  /** True (default): handlers that components register are replaced by spies that do nothing; false: spies that call through. */
  stubActions?: boolean
  /** Makes the spies (e.g. `vi.fn`); by default the global `vi.fn` or `jest.fn`. */
  createSpy?: CreateSpy
}

/** One recorded dispatch. */
export interface RecordedDispatch {
  context: string
  action: string
  payload: unknown
}

export interface TestingContexts {
  /** Vue plugin: `mount(Component, { global: { plugins: [testing] } })`. */
  install(app: App): void
  /** Every dispatch on the provided registers, in order. */
  readonly dispatches: RecordedDispatch[]
  /** The register provided for `context` (dispatch on it, or register handlers of your own). */
  register<T extends ActionPayloadMap>(context: ActionContext<T>): ActionRegister<T>
  /** The stores provided for `context`. */
  stores<V extends Record<string, unknown>>(context: StoreContext<V>): StoreManager<V>
  /** The spies standing for the handlers components registered for `action`, in registration order. */
  handlers(context: ActionContext<any>, action: string): Array<(...args: any[]) => any>
}

/** The test framework's spy factory, when it exposes one globally. */
function globalSpy(): CreateSpy | undefined {
  const scope = globalThis as { vi?: { fn?: CreateSpy }; jest?: { fn?: CreateSpy } }
  return scope.vi?.fn ?? scope.jest?.fn
}

/**
 * Provides action and store contexts to a component under test, like `@pinia/testing`'s `createTestingPinia`:
 * handlers stubbed with spies, dispatches recorded, stores seeded.
 * @example const testing = createTestingContexts({ actions: [Cart], stores: [CartStores], createSpy: vi.fn }); mount(CartView, { global: { plugins: [testing] } })
 */
export function createTestingContexts(options: TestingContextsOptions = {}): TestingContexts {
  const fn = 'createTestingContexts'
  if (options.createSpy !== undefined && typeof options.createSpy !== 'function') {
    throw new TypeError(`${fn}: createSpy must be a spy factory such as vi.fn, got ${describeValue(options.createSpy)}`)
  }
  const createSpy = options.createSpy ?? globalSpy()
  if (createSpy === undefined) throw new TypeError(`${fn}: pass createSpy (e.g. vi.fn); no global vi.fn or jest.fn was found`)
  const stub = options.stubActions ?? true
  const dispatches: RecordedDispatch[] = []
  const registers = new Map<ActionContext<any>, ActionRegister<any>>()
  const managers = new Map<StoreContext<any>, StoreManager<any>>()
  const spies = new Map<string, Array<(...args: any[]) => any>>()
  const known = (kind: string, name: string, found: unknown) => {
    if (found === undefined) throw new Error(`${fn}: ${name} is not among the ${kind} given to ${fn}, or the plugin is not installed yet`)
    return found
  }

  const testingRegister = (context: ActionContext<any>) => {
    const register = new ActionRegister<ActionPayloadMap>({ name: context.name })
    const original = register.register.bind(register)
    register.register = (action, handler, config) => {
      const spy = stub ? createSpy() : createSpy(handler)
      const key = `${context.name}:${action}`
      spies.set(key, [...(spies.get(key) ?? []), spy])
      return original(action, spy, config)
    }
    register.observe((event) => {
      if (event.type === 'start') dispatches.push({ context: context.name, action: event.action, payload: event.payload })
    })
    return register
  }

  return {
    install(app) {
      for (const context of options.actions ?? []) {
        const register = testingRegister(context)
        registers.set(context, register)
        app.use(context, { register })
      }
      for (const context of options.stores ?? []) {
        app.use(context, { state: options.initialState?.[context.name] })
        managers.set(context, app.runWithContext(() => context.useStoreManager()))
      }
    },
    dispatches,
    register: (context) => known('action contexts', context.name, registers.get(context)) as ActionRegister<any>,
    stores: (context) => known('store contexts', context.name, managers.get(context)) as StoreManager<any>,
    handlers: (context, action) => spies.get(`${context.name}:${action}`) ?? [],
  }
}
