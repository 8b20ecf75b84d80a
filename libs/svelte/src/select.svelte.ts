import { createComputedStore, type EqualityFn, type ReadableStore } from '@context-action/core'
import { assertFunction, assertStore } from './errors'

/**
 * A readable store of a slice of `store`: `$slice` in templates, notified only when the slice changes under `equals`.
 * It subscribes to `store` only while it has subscribers itself; its methods are safe to destructure.
 * @example const name = select(user, (u) => u.name)
 */
export function select<T, S>(store: ReadableStore<T>, selector: (value: T) => S, equals: EqualityFn<S> = Object.is): ReadableStore<S> {
  return slice('select', store, selector, equals)
}

/** `select` for helpers built on it, so errors name the function the user called. */
export function slice<T, S>(fn: string, store: ReadableStore<T>, selector: (value: T) => S, equals: EqualityFn<S>): ReadableStore<S> {
  assertStore(fn, store)
  assertFunction(fn, 'the selector', selector)
  assertFunction(fn, 'equals', equals)
  return createComputedStore([store], selector, { name: `${store.name}.select`, equals })
}
