import type { EqualityFn, ReadableStore } from '@context-action/core'
import { createSubscriber } from 'svelte/reactivity'
import { assertStore } from './errors'
import { slice } from './select'

/** A runes-friendly view of a store: read `current` in a template, `$derived` or `$effect`. */
export interface StoreValue<T> {
  readonly current: T
}

/**
 * Expose `store` (or a slice of it) as `{ current }` for runes code, `.svelte.ts` modules included.
 * Reading `current` inside an effect subscribes while that effect lives; elsewhere it just reads the value.
 * @example const name = useStoreValue(user, (u) => u.name) // {name.current}
 */
export function useStoreValue<T>(store: ReadableStore<T>): StoreValue<T>
export function useStoreValue<T, S>(store: ReadableStore<T>, selector: (value: T) => S, equals?: EqualityFn<S>): StoreValue<S>
export function useStoreValue<T, S>(store: ReadableStore<T>, selector?: (value: T) => S, equals: EqualityFn<S> = Object.is): StoreValue<T | S> {
  assertStore('useStoreValue', store)
  const source: ReadableStore<T | S> = selector === undefined ? store : slice('useStoreValue', store, selector, equals)
  const track = createSubscriber((update) => source.listen(update))
  return {
    get current() {
      track()
      return source.getValue()
    },
  }
}
