import type { Store } from '@context-action/core'
import type { MaybeRefOrGetter, WritableComputedRef } from 'vue'
import { computed, toValue } from './deps'
import type { DeepReadonly } from './deep-readonly'
import { followStore } from './use-store-value'

/**
 * A writable ref over a whole store for `v-model`: reads follow the store (read-only values), writes go through `setValue`.
 * For one field of an object store use `useStoreRefs`.
 * @example const name = useStoreModel(nameStore) // <input v-model="name">
 */
export function useStoreModel<T>(store: MaybeRefOrGetter<Store<T>>): WritableComputedRef<DeepReadonly<T>, T> {
  const state = followStore<T>('useStoreModel', store)
  return computed({
    get: () => state.value,
    set: (value: T) => toValue(store).setValue(value),
  })
}
