import type { EqualityFn, ReadableStore } from '@context-action/core'
import { shallowRef, toValue, type MaybeRefOrGetter, type ShallowRef } from 'vue'
import { isServerRendering } from './server'
import { assertFunction, assertStore } from './errors'
import { watchStore } from './watch-store'

/**
 * A read-only ref that follows a store, or a selected part of it, for the lifetime of the current scope.
 * With a selector the ref (and whatever renders it) changes only when the selection changes under `equals`.
 * Server rendering reads once without subscribing; outside any effect scope the subscription lasts as long as the store.
 * @example const name = useStoreValue(user, (u) => u.name)
 */
export function useStoreValue<T>(store: MaybeRefOrGetter<ReadableStore<T>>): Readonly<ShallowRef<T>>
export function useStoreValue<T, S>(
  store: MaybeRefOrGetter<ReadableStore<T>>,
  selector: (value: T) => S,
  equals?: EqualityFn<S>,
): Readonly<ShallowRef<S>>
export function useStoreValue<T, S>(
  store: MaybeRefOrGetter<ReadableStore<T>>,
  selector?: (value: T) => S,
  equals: EqualityFn<S> = Object.is,
): Readonly<ShallowRef<T | S>> {
  return followStore('useStoreValue', store, selector, equals)
}

/** `useStoreValue` for composables built on it, so errors name the composable the user called. */
export function followStore<T, S>(
  fn: string,
  store: MaybeRefOrGetter<ReadableStore<T>>,
  selector?: (value: T) => S,
  equals: EqualityFn<S> = Object.is,
): Readonly<ShallowRef<T | S>> {
  if (selector !== undefined) assertFunction(fn, 'the selector', selector)
  assertFunction(fn, 'equals', equals)
  const select = selector ?? ((value: T) => value as unknown as S)
  if (isServerRendering()) {
    const resolved = toValue(store)
    assertStore(fn, resolved)
    return shallowRef(select(resolved.getValue()))
  }
  const state = shallowRef<S>(undefined as S)
  let current: S
  let first = true
  watchStore(fn, store, (value) => {
    const next = select(value)
    // Compare with a local copy: reading `state.value` here could be tracked by a rendering component.
    if (first || !equals(current, next)) {
      first = false
      current = next
      state.value = next
    }
  })
  return state
}
