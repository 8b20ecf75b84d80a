import { getContext, setContext, type Component } from 'svelte'
import { inComponent, missingProvider } from './errors'
import { providerOf, type ProviderProps } from './provider'
import { createStoreManager, validateStoreDefinitions, type Store, type StoreDefinitions, type StoreManager } from '@context-action/core'

/** What `createStoreContext` returns. */
export interface StoreContext<V extends Record<string, unknown>> {
  readonly name: string
  /** Renders its children with a fresh set of stores for that subtree. */
  readonly Provider: Component<ProviderProps>
  /** Like rendering `Provider`, from a component's script: creates this subtree's stores and returns their manager. */
  provide(): StoreManager<V>
  /** The nearest provider's store named `key`. */
  useStore<K extends keyof V & string>(key: K): Store<V[K]>
  useStoreManager(): StoreManager<V>
}

/**
 * Declare stores once; every `Provider` (or `provide()`) gets its own instances.
 * @example const App = createStoreContext('App', { user: { initialValue: { name: '' } } })
 */
export function createStoreContext<V extends Record<string, unknown>>(name: string, definitions: StoreDefinitions<V>): StoreContext<V> {
  validateStoreDefinitions('createStoreContext', definitions)
  const key = Symbol(name)
  const provide = () => inComponent(`${name}.provide`, () => setContext(key, createStoreManager(name, definitions)))
  const manager = (fn: string) => {
    const found = inComponent(`${name}.${fn}`, () => getContext<StoreManager<V> | undefined>(key))
    if (found === undefined) throw missingProvider(fn, name)
    return found
  }
  return {
    name,
    Provider: providerOf(provide),
    provide,
    useStore: (store) => manager('useStore').getStore(store),
    useStoreManager: () => manager('useStoreManager'),
  }
}
