import type { Store, StoreDefinitions, StoreManager, StoreState } from '@context-action/core'
import { createStoreManager, validateStoreDefinitions } from './deps.js'
import { defineContext } from './context.js'

/** What `createStoreContext` returns. Render `<Provider context={...}>` to provide it. */
export interface StoreContext<V extends object> {
  readonly name: string
  /**
   * From a component's script, like rendering `<Provider context={...}>`: creates this subtree's stores, writes
   * `state` (a `snapshot()`, for instance from a server render) into them before any child renders, returns their manager.
   * Given a manager instead (from `createStores()`, `useStoreManager()` or the core's `createStoreManager`), provides
   * those stores as they are: subtrees, roots made with `mount()` and custom elements then share them.
   */
  provide(state?: StoreState<V> | StoreManager<V>): StoreManager<V>
  /** The nearest provider's store named `key`. */
  useStore<K extends keyof V & string>(key: K): Store<V[K]>
  useStoreManager(): StoreManager<V>
  /**
   * Fresh stores of this context that no component provides, `state` written into them: a server load's (see
   * `loadState` of `@context-action/svelte/kit`), a script's or a test's. Callable anywhere.
   */
  createStores(state?: StoreState<V>): StoreManager<V>
}

/** Whether `value` looks like a context from `createStoreContext` (for helpers that take one). */
export const isStoreContext = (value: unknown): value is StoreContext<Record<string, unknown>> =>
  typeof (value as Partial<StoreContext<Record<string, unknown>>> | null)?.createStores === 'function' && typeof (value as StoreContext<Record<string, unknown>>).provide === 'function'

const isStoreManager = <V extends object>(value: StoreState<V> | StoreManager<V> | undefined): value is StoreManager<V> =>
  typeof value?.getStore === 'function'

/**
 * Declare stores once; every provider gets its own instances.
 * @example const App = createStoreContext('App', { user: { initialValue: { name: '' } } })
 */
export function createStoreContext<V extends object>(name: string, definitions: StoreDefinitions<V>): StoreContext<V> {
  const context = defineContext<StoreManager<V>>('createStoreContext', name)
  validateStoreDefinitions('createStoreContext', definitions)
  const create = (state?: StoreState<V>) => {
    const manager = createStoreManager(name, definitions)
    if (state !== undefined) manager.hydrate(state)
    return manager
  }
  // `read` uses no `this`: it is handed on as it is.
  const manager = context.read
  return {
    name,
    // A manager is told from a snapshot by its `getStore` method: a snapshot is plain data.
    provide: (state) => context.write(`${name}.provide`, () => (isStoreManager(state) ? state : create(state))),
    useStore: (store) => manager('useStore').getStore(store),
    useStoreManager: () => manager('useStoreManager'),
    createStores: create,
  }
}
