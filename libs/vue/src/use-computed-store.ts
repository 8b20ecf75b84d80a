import type { ComputedOptions, ReadableStore, StoreValues } from '@context-action/core'
import type { ComputedRef } from 'vue'
import { assertFunction, computed, describeValue, toRaw } from './deps'
import { readonlyInDev, type DeepReadonly } from './deep-readonly'
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
): ComputedRef<DeepReadonly<R>> {
  if (!Array.isArray(stores)) throw new TypeError(`useComputedStore: expected an array of stores, got ${describeValue(stores)}`)
  assertFunction('useComputedStore', 'compute', compute)
  const equals = options?.equals ?? Object.is
  assertFunction('useComputedStore', 'options.equals', equals)
  const inputs = stores.map((store) => followStore('useComputedStore', store))
  let current: R
  let computedOnce = false
  return computed(() => {
    const next = compute(...(inputs.map((input) => toRaw(input.value)) as StoreValues<S>))
    if (!computedOnce || !equals(current, next)) {
      computedOnce = true
      current = next
    }
    return readonlyInDev(current)
  })
}
