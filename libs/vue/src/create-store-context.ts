import type { Store, StoreDefinitions, StoreManager } from '@context-action/core'
import { createStoreManager, validateStoreDefinitions } from './deps'
import { defineContext } from './context'
import { defineProvider, type ProviderComponent } from './provider'

export interface StoreContext<V extends Record<string, unknown>> {
  /** Renders its default slot; each instance owns its own stores. */
  Provider: ProviderComponent
  /** The nearest Provider's store for `key`. */
  useStore<K extends keyof V & string>(key: K): Store<V[K]>
  useStoreManager(): StoreManager<V>
}

/**
 * Declarative stores per Provider subtree: `definitions` maps each key to `{ initialValue, equals? }`.
 * @example const App = createStoreContext('App', { count: { initialValue: 0 } }); const count = App.useStore('count')
 */
export function createStoreContext<V extends Record<string, unknown>>(name: string, definitions: StoreDefinitions<V>): StoreContext<V> {
  validateStoreDefinitions('createStoreContext', definitions)
  const [provide, use] = defineContext<StoreManager<V>>(name, 'stores')
  return {
    Provider: defineProvider(`${name}StoreProvider`, () => provide(createStoreManager(name, definitions))),
    useStore: (key) => use('useStore').getStore(key),
    useStoreManager: () => use('useStoreManager'),
  }
}
