import type { ReadableStore } from '@context-action/core'
import { getCurrentScope, isRef, onScopeDispose, toValue, watch, type MaybeRefOrGetter } from 'vue'

/**
 * Subscribe `run` to a store (or to whichever store a ref/getter points at) for the current effect scope.
 * Outside any scope the subscription lasts as long as the store does.
 */
export function watchStore<T>(source: MaybeRefOrGetter<ReadableStore<T>>, run: (value: T) => void): void {
  if (isRef(source) || typeof source === 'function') {
    // flush 'sync': the ref must follow the new store before anything reads it.
    watch(source, (store, _, onCleanup) => onCleanup(store.subscribe(run)), { immediate: true, flush: 'sync' })
    return
  }
  const off = source.subscribe(run)
  if (getCurrentScope()) onScopeDispose(off)
}
