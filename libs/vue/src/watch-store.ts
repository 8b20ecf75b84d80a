import type { ReadableStore } from '@context-action/core'
import { getCurrentScope, isRef, onScopeDispose, watch, type MaybeRefOrGetter } from 'vue'
import { assertStore } from './errors'

/**
 * Subscribe `run` to a store (or to whichever store a ref/getter points at) for the current effect scope.
 * Outside any scope the subscription lasts as long as the store does.
 */
export function watchStore<T>(fn: string, source: MaybeRefOrGetter<ReadableStore<T>>, run: (value: T) => void): void {
  if (isRef(source) || typeof source === 'function') {
    // flush 'sync': the ref must follow the new store before anything reads it.
    const follow = (store: ReadableStore<T>, _: unknown, onCleanup: (cleanup: () => void) => void) => {
      assertStore(fn, store)
      onCleanup(store.subscribe(run))
    }
    watch(source, follow, { immediate: true, flush: 'sync' })
    return
  }
  assertStore(fn, source)
  const off = source.subscribe(run)
  if (getCurrentScope()) onScopeDispose(off)
}
