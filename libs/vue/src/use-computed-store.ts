import type { ComputedOptions, ComputedStore, ReadableStore, StoreValues } from '@context-action/core'
import type { ShallowRef } from 'vue'
import { assertFunction, createComputedStore, describeValue } from './deps'
import { useStoreValue } from './use-store-value'

export interface UseComputedStoreReturn<R> {
  /** The computed store; pass it on to children or other composables. */
  store: ComputedStore<R>
  /** Its value, followed for the lifetime of the current scope. */
  value: Readonly<ShallowRef<R>>
}

/**
 * A computed store over `stores` whose subscription ends with the current scope, plus its value as a ref.
 * @example const { value: total } = useComputedStore([price, quantity], (p, q) => p * q)
 */
export function useComputedStore<const S extends readonly ReadableStore<any>[], R>(
  stores: S,
  compute: (...values: StoreValues<S>) => R,
  options?: ComputedOptions<R>,
): UseComputedStoreReturn<R> {
  if (!Array.isArray(stores)) throw new TypeError(`useComputedStore: expected an array of stores, got ${describeValue(stores)}`)
  assertFunction('useComputedStore', 'compute', compute)
  const store = createComputedStore(stores, compute, options)
  return { store, value: useStoreValue(store) }
}
