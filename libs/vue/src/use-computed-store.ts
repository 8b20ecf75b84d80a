import type { ComputedOptions, ReadableStore, StoreValues } from '@context-action/core'
import type { ShallowRef } from 'vue'
import { createComputedStore, describeValue } from './deps'
import type { DeepReadonly } from './deep-readonly'
import { isDev } from './dev'
import { productionMessage } from './errors'
import { followStore } from './use-store-value'

/**
 * A read-only ref computed from `stores`, for the lifetime of the current scope; use it in a template like `computed()`.
 * `compute` is tracked like `computed()` too: a ref or prop it reads re-runs it. With `options.equals`, an equal
 * result keeps the previous value, so nothing re-renders.
 * @example const total = useComputedStore([price, quantity], (p, q) => p * q) // {{ total }}
 */
export function useComputedStore<const S extends readonly ReadableStore<any>[], R>(
  stores: S,
  compute: (...values: StoreValues<S>) => R,
  options?: Pick<ComputedOptions<R>, 'equals'>,
): Readonly<ShallowRef<DeepReadonly<R>>> {
  if (!Array.isArray(stores)) {
    throw new TypeError(isDev ? `useComputedStore: expected an array of stores, got ${describeValue(stores)}` : productionMessage('useComputedStore', 7))
  }
  // The core store gathers the inputs' values; the selector (tracked) computes from them.
  const inputs = createComputedStore(stores, (...values) => values as unknown as StoreValues<S>)
  return followStore('useComputedStore', inputs, typeof compute === 'function' ? (values) => compute(...values) : compute, options?.equals)
}
