import { batch, createStore, type EqualityFn, type Store } from '@context-action/core'

/** How one store of a store context starts: its initial value and, optionally, its equality. */
export interface StoreDefinition<T> {
  initialValue: T
  equals?: EqualityFn<T>
}

/** Definitions keyed by store name, typed from the values they hold. */
export type StoreDefinitions<V extends Record<string, unknown>> = { [K in keyof V]: StoreDefinition<V[K]> }

/** The stores of one provider: created from the definitions, reset in place (never swapped for new instances). */
export interface StoreManager<V extends Record<string, unknown>> {
  readonly name: string
  readonly keys: readonly (keyof V & string)[]
  getStore<K extends keyof V & string>(key: K): Store<V[K]>
  /** Write the initial value back into the same store instance. */
  reset(key: keyof V & string): void
  /** Reset every store in one batch, so listeners never see a half-reset state. */
  resetAll(): void
}

export function assertStoreDefinitions(fn: string, definitions: unknown): void {
  if (definitions === null || typeof definitions !== 'object' || Array.isArray(definitions)) {
    throw new TypeError(`${fn}: definitions must be an object like { user: { initialValue: … } }`)
  }
  for (const [key, definition] of Object.entries(definitions)) {
    if (definition === null || typeof definition !== 'object' || !('initialValue' in definition)) {
      throw new TypeError(`${fn}: definition "${key}" must be an object with an initialValue, e.g. { ${key}: { initialValue: … } }`)
    }
  }
}

/** Create one set of stores from `definitions`. Framework-free; each provider calls it once. */
export function createStoreManager<V extends Record<string, unknown>>(name: string, definitions: StoreDefinitions<V>): StoreManager<V> {
  const keys = Object.keys(definitions) as (keyof V & string)[]
  const stores = new Map<string, Store<any>>()
  for (const key of keys) {
    const { initialValue, equals } = definitions[key]
    // The (name, initial, options) form: with (initial, options) a string initial value would be read as a name.
    stores.set(key, createStore(`${name}.${key}`, initialValue, { equals }))
  }
  const getStore = <K extends keyof V & string>(key: K): Store<V[K]> => {
    const store = stores.get(key)
    if (store === undefined) throw new TypeError(`${name}.getStore: unknown store "${String(key)}"; known stores: ${keys.join(', ')}`)
    return store
  }
  const reset = (key: keyof V & string) => getStore(key).setValue(definitions[key].initialValue)
  return { name, keys, getStore, reset, resetAll: () => batch(() => keys.forEach(reset)) }
}
