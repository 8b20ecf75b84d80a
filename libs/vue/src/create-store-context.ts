import type { Store, StoreDefinitions, StoreManager, StoreState } from '@context-action/core'
import type { App } from 'vue'
import { defineContext } from './context'
import { createStoreManager, validateStoreDefinitions } from './deps'
import type { ProviderComponent } from './provider'

/** Options of `app.use(StoreContext, options)`, and the props of its `Provider`: one or the other. */
export type StoreContextOptions<V extends object> =
  | {
      /** Initial values of new stores (e.g. a server render's `snapshot()`), written before anything renders. */
      state?: StoreState<V> | undefined
      stores?: undefined
    }
  | {
      /**
       * Existing stores to provide as they are (a manager from `useStoreManager()`, a `provide()` or the core's
       * `createStoreManager`): two apps, custom elements or subtrees then share them.
       */
      stores?: StoreManager<V> | undefined
      state?: undefined
    }

/** What `createStoreContext` returns: ways to provide one set of stores, and the lookups of the nearest one. */
export interface StoreContext<V extends object> {
  readonly name: string
  /**
   * Renders its default slot; each instance owns its own stores, hydrated from the `state` prop before its children
   * render, or provides the `stores` prop (an existing manager) as it is.
   */
  Provider: ProviderComponent<StoreContextOptions<V>>
  /**
   * Like rendering `Provider`, from `setup()`: creates this subtree's stores, hydrated from `state`, and returns their
   * manager; or, given a manager, provides it as it is.
   */
  provide(state?: StoreState<V> | StoreManager<V>): StoreManager<V>
  /** `app.use(Ctx, { state })`: one set of stores for the whole app; `app.use(Ctx, { stores })`: existing ones. */
  install(app: App, options?: StoreContextOptions<V>): void
  /** The nearest provided store for `key` (the store itself: pass it to `useStoreValue`, `useStoreRefs`, …). */
  useStore<K extends keyof V & string>(key: K): Store<V[K]>
  useStoreManager(): StoreManager<V>
}

/**
 * Declarative stores per subtree or app: `definitions` maps each key to `{ initialValue, equals? }`.
 * @example const App = createStoreContext('App', { count: { initialValue: 0 } }); const count = useStoreValue(App.useStore('count'))
 */
export function createStoreContext<V extends object>(name: string, definitions: StoreDefinitions<V>): StoreContext<V> {
  validateStoreDefinitions('createStoreContext', definitions)
  const context = defineContext<StoreManager<V>, StoreContextOptions<V>, StoreState<V> | StoreManager<V>>(name, 'stores', ['state', 'stores'], (state) => {
    // A manager is told from a snapshot by its `getStore` method: a snapshot is plain data.
    if (typeof state?.getStore === 'function') return state as StoreManager<V>
    const manager = createStoreManager(name, definitions)
    if (state !== undefined) manager.hydrate(state as Partial<V>)
    return manager
  })
  return {
    name,
    Provider: context.Provider,
    provide: context.provide,
    install: context.install,
    useStore: (key) => context.use('useStore').getStore(key),
    useStoreManager: () => context.use('useStoreManager'),
  }
}
