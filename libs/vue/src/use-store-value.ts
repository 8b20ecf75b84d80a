import type { EqualityFn, ReadableStore } from '@context-action/core'
import type { MaybeRefOrGetter, ShallowRef } from 'vue'
import { assertFunction, assertStore, getCurrentScope, isRef, onScopeDispose, shallowRef, toValue, watch } from './deps'
import { isServerRendering } from './server'

/**
 * A read-only ref that follows a store, or a selected part of it, for the lifetime of the current scope.
 * With a selector the ref (and whatever renders it) changes only when the selection changes under `equals`.
 * Server rendering reads once and keeps no subscription; outside any effect scope the subscription lasts as long as the store.
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
  equals?: EqualityFn<S>,
): Readonly<ShallowRef<T | S>> {
  return followStore('useStoreValue', store, selector, equals)
}

/** `useStoreValue` for composables built on it, so errors name the composable the user called. */
export function followStore<T, S>(
  fn: string,
  source: MaybeRefOrGetter<ReadableStore<T>>,
  selector?: (value: T) => S,
  equals: EqualityFn<S> = Object.is,
): Readonly<ShallowRef<T | S>> {
  if (selector !== undefined) assertFunction(fn, 'the selector', selector)
  assertFunction(fn, 'equals', equals)
  const state = shallowRef<S>()
  const ssr = isServerRendering()
  let current: S
  let first = true
  const run = (value: T) => {
    const next = selector ? selector(value) : (value as unknown as S)
    // Compare with a local copy: reading `state.value` here could be tracked by a rendering component.
    if (first || !equals(current, next)) {
      first = false
      current = next
      state.value = next
    }
  }
  // `subscribe` runs `run` with the current value at once; on the server, that one run is all (nothing unmounts).
  const follow = (store: ReadableStore<T>, _: unknown, onCleanup: (cleanup: () => void) => void) => {
    assertStore(fn, store)
    onCleanup(store.subscribe(run))
  }
  // A ref or getter: follow whichever store it points at; flush 'sync', so the ref follows the new store before
  // anything reads it. A store: subscribe for the current effect scope, or, outside any, as long as the store lasts.
  if (!ssr && (isRef(source) || typeof source === 'function')) watch(source, follow, { immediate: true, flush: 'sync' })
  else follow(toValue(source), 0, (off) => (ssr ? off() : getCurrentScope() && onScopeDispose(off)))
  return state as Readonly<ShallowRef<S>>
}
