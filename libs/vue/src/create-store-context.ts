import { createStoreManager, validateStoreDefinitions, type Store, type StoreDefinitions, type StoreManager } from '@context-action/core'
import { hasInjectionContext, inject, provide, type InjectionKey } from 'vue'
import { noProviderError, noSetupError } from './errors'
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
  const key: InjectionKey<StoreManager<V>> = Symbol(`${name}.stores`)
  validateStoreDefinitions('createStoreContext', definitions)
  const Provider = defineProvider(`${name}StoreProvider`, () => provide(key, createStoreManager(name, definitions)))
  const useStoreManager = (fn = `${name}.useStoreManager`): StoreManager<V> => {
    if (!hasInjectionContext()) throw noSetupError(fn, name)
    const manager = inject(key, null)
    if (manager === null) throw noProviderError(fn, name)
    return manager
  }
  return {
    Provider,
    useStore: (storeKey) => useStoreManager(`${name}.useStore`).getStore(storeKey),
    useStoreManager: () => useStoreManager(),
  }
}
