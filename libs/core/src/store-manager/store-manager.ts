import { batch } from '../stores/batch'
import { type EqualityFn } from '../stores/equality'
import { argumentError, assertOptional, describe } from '../shared/errors'
import { createStore, type Store } from '../stores/store'

/** How one store of a store context starts: always the `{ initialValue }` form, so data is never mistaken for config. */
export interface StoreDefinition<T> {
  initialValue: T
  equals?: EqualityFn<T> | undefined
}

/** `{ key: { initialValue } }` for a map of store value types. */
export type StoreDefinitions<V extends object> = { [K in keyof Required<V>]: StoreDefinition<V[K]> }

/**
 * Values to write into new stores: a `Partial` of the values (a `snapshot()`, for instance), as the adapters' store
 * contexts take them. Never a manager: without `getStore?: never`, a manager would pass for the values of a context
 * with a store called `name`.
 */
export type StoreState<V extends object> = Partial<V> & { getStore?: never }

/** The stores of one provider: created from the definitions, reset in place (never swapped for new instances). */
export interface StoreManager<V extends object> {
  readonly name: string
  readonly keys: ReadonlyArray<keyof V & string>
  getStore<K extends keyof V & string>(key: K): Store<V[K]>
  /** Write the initial value back into the same store instance. */
  reset(key: keyof V & string): void
  /** Reset every store in one batch, so listeners never see a half-reset state. */
  resetAll(): void
  /** A plain object of every store's current value, keyed like the definitions: what a server render hands to the client. */
  snapshot(): V
  /**
   * Write a snapshot's values into the stores in one batch. A key left out keeps its value;
   * an unknown key or a non-object is a clear error, thrown before anything is written.
   */
  hydrate(snapshot: Partial<V>): void
}

/** Throws a clear error, naming `fn`, unless `definitions` is `{ key: { initialValue, equals? } }`. */
export function validateStoreDefinitions(fn: string, definitions: unknown): void {
  if (definitions === null || typeof definitions !== 'object' || Array.isArray(definitions)) {
    throw argumentError(fn, `definitions must be an object like { user: { initialValue: … } }, got ${describe(definitions)}`)
  }
  for (const [key, definition] of Object.entries(definitions)) {
    if (definition === null || typeof definition !== 'object' || !('initialValue' in definition)) {
      throw argumentError(fn, `definition "${key}" must be an object with an initialValue, e.g. { ${key}: { initialValue: … } }, got ${describe(definition)}`)
    }
    assertOptional(fn, `definition "${key}".equals`, (definition as StoreDefinition<unknown>).equals, 'function')
  }
}

/**
 * One store per definition, named `<name>.<key>`, for a provider to own; framework-free, so every binding shares it.
 * @example const manager = createStoreManager('App', { count: { initialValue: 0 } }); manager.getStore('count').setValue(1)
 */
export function createStoreManager<V extends object>(name: string, definitions: StoreDefinitions<V>): StoreManager<V> {
  validateStoreDefinitions('createStoreManager', definitions)
  const keys = Object.keys(definitions) as Array<keyof V & string>
  const stores = new Map<string, Store<unknown>>(
    keys.map((key) => [
      key,
      createStore<unknown>(`${name}.${key}`, definitions[key].initialValue, { equals: definitions[key].equals as EqualityFn<unknown> | undefined }),
    ]),
  )
  const getStore = <K extends keyof V & string>(key: K): Store<V[K]> => {
    const store = stores.get(key)
    if (store === undefined) throw argumentError(`${name}.getStore`, `unknown store "${String(key)}"; known stores: ${keys.join(', ') || '(none)'}`)
    return store as Store<V[K]>
  }
  const reset = (key: keyof V & string): void => getStore(key).setValue(definitions[key].initialValue)
  const snapshot = (): V => Object.fromEntries(keys.map((key) => [key, getStore(key).getValue()])) as V
  const hydrate = (values: Partial<V>): void => {
    const fn = `${name}.hydrate`
    if (values === null || typeof values !== 'object' || Array.isArray(values)) {
      throw argumentError(fn, `snapshot must be an object like { ${keys[0] ?? 'key'}: … }, got ${describe(values)}`)
    }
    const entries = Object.entries(values)
    for (const [key] of entries) {
      if (!stores.has(key)) throw argumentError(fn, `unknown store "${key}" in the snapshot; known stores: ${keys.join(', ') || '(none)'}`)
    }
    batch(() => entries.forEach(([key, value]) => stores.get(key)!.setValue(value)))
  }
  return { name, keys, getStore, reset, resetAll: () => batch(() => keys.forEach(reset)), snapshot, hydrate }
}
