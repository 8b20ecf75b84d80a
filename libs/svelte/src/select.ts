import type { EqualityFn, ReadableStore } from '@context-action/core'
import { assertFunction, createComputedStore } from './deps.js'
import { storeOf, type StoreInput } from './store-input.js'
import { isDev } from '#dev'

/**
 * A readable store of a slice of `store`: `$slice` in templates, notified only when the slice changes under `equals`.
 * It subscribes to `store` only while it has subscribers itself; its methods are safe to destructure. Created in
 * `$derived(select(...))`, it is re-created when the `$state` or props its selector reads change.
 * @example const name = select(user, (u) => u.name)
 */
export function select<T, S>(store: StoreInput<T>, selector: (value: T) => S, equals: EqualityFn<S> = Object.is): ReadableStore<S> {
  const fn = 'select'
  const source = storeOf(fn, store)
  // What the check names only reaches a development message: production builds pass nothing.
  assertFunction(fn, isDev ? 'the selector' : '', selector)
  assertFunction(fn, isDev ? 'equals' : '', equals)
  const slice = createComputedStore([source], selector, { name: `${source.name}.select`, equals })
  // Computed once now: inside `$derived(...)`, the state the selector reads becomes a dependency of that derived.
  slice.getValue()
  return slice
}
