import type { Store } from '@context-action/core'
import type { MaybeRefOrGetter, WritableComputedRef } from 'vue'
import { computed, toValue } from './deps'
import { followStore } from './use-store-value'

/**
 * A writable ref over a store for `v-model`: reads follow the store, writes go through `setValue`.
 * @example const name = useStore(nameStore) // <input v-model="name">
 */
export function useStore<T>(store: MaybeRefOrGetter<Store<T>>): WritableComputedRef<T> {
  const state = followStore<T, T>('useStore', store)
  return computed({
    get: () => state.value,
    set: (value) => toValue(store).setValue(value),
  })
}
