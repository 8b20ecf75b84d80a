import type { EqualityFn, ReadableStore } from '@context-action/core'
import type { MaybeRefOrGetter, ShallowRef } from 'vue'
import { assertFunction, assertStore, customRef, ReactiveEffect, shallowRef, toValue, watch } from './deps'
import { readonlyInDev, type DeepReadonly } from './deep-readonly'
import { isServerRendering } from './server'

/**
 * A read-only ref that follows a store, or a selected part of it, for the lifetime of the current scope.
 * The selector is tracked like `computed()`: a ref, prop or reactive it reads re-runs it. The ref (and whatever
 * renders it) changes only when the selection changes under `equals`. On the server it reads the store at each access.
 * @example const name = useStoreValue(user, (u) => u[props.field])
 */
export function useStoreValue<T>(store: MaybeRefOrGetter<ReadableStore<T>>): Readonly<ShallowRef<DeepReadonly<T>>>
export function useStoreValue<T, S>(
  store: MaybeRefOrGetter<ReadableStore<T>>,
  selector: (value: T) => S,
  equals?: EqualityFn<S>,
): Readonly<ShallowRef<DeepReadonly<S>>>
export function useStoreValue<T, S>(
  store: MaybeRefOrGetter<ReadableStore<T>>,
  selector?: (value: T) => S,
  equals?: EqualityFn<S>,
): Readonly<ShallowRef<DeepReadonly<T> | DeepReadonly<S>>> {
  return followStore('useStoreValue', store, selector, equals)
}

/** `useStoreValue` for composables built on it, so errors name the composable the user called. */
export function followStore<T, S = T>(
  fn: string,
  source: MaybeRefOrGetter<ReadableStore<T>>,
  selector?: (value: T) => S,
  equals: EqualityFn<S> = Object.is,
): Readonly<ShallowRef<DeepReadonly<S>>> {
  if (selector !== undefined) assertFunction(fn, 'the selector', selector)
  assertFunction(fn, 'equals', equals)
  const select = (value: T) => (selector ? selector(value) : value) as S
  const storeOf = () => {
    const store = toValue(source)
    assertStore(fn, store)
    return store
  }
  if (isServerRendering()) {
    // Nothing unmounts on the server: no subscription. Reading at each access lets a store written in
    // onServerPrefetch or after an await in setup() reach the HTML.
    return customRef(() => ({ get: () => readonlyInDev(select(storeOf().getValue())), set: () => {} }))
  }
  const state = shallowRef() as ShallowRef<DeepReadonly<S>>
  let current: S
  let published = false
  const publish = (next: S) => {
    if (!published || !equals(current, next)) {
      published = true
      current = next
      state.value = readonlyInDev(next)
    }
  }
  // With a selector: run it in an effect, so the refs, props and reactives it reads re-run it like computed();
  // a new store value re-runs it directly (no scheduler, so only a changed selection reaches the renderer).
  let value = storeOf().getValue()
  const selection = selector ? new ReactiveEffect(() => select(value)) : undefined
  if (selection) selection.scheduler = () => publish(selection.run())
  const listener = (next: T) => {
    value = next
    publish(selection ? selection.run() : (next as unknown as S))
  }
  // `watch` so a ref or getter can point at another store; flush 'sync', so the ref follows it before anything reads it.
  watch(storeOf, (store, _, onCleanup) => onCleanup(store.subscribe(listener)), { immediate: true, flush: 'sync' })
  return state
}
