import type { Store } from '@context-action/core'
import type { MaybeRefOrGetter, WritableComputedRef } from 'vue'
import { computed, toValue } from './deps'
import { readonlyValue, toRawDeep, type DeepReadonly } from './deep-readonly'
import { followStore } from './use-store-value'

/**
 * A writable ref over a whole store for `v-model`: reads follow the store (read-only values, also in production), writes
 * go through `setValue`.
 * For one field of an object store use `useStoreRefs`.
 * @example const name = useStoreModel(nameStore) // <input v-model="name">
 */
export function useStoreModel<T>(store: MaybeRefOrGetter<Store<T>>): WritableComputedRef<DeepReadonly<T>, T | DeepReadonly<T>> {
  const state = followStore<T>('useStoreModel', store)
  return computed({
    // Read-only in production too: vue-tsc does not catch v-model="user.name" on a read-only field, and that write
    // must never reach the stored object.
    get: () => readonlyValue(state.value) as DeepReadonly<T>,
    // It takes back what it reads (`{ ...model.value, name }`): the read-only proxies in it are stored as plain data.
    set: (value) => toValue(store).setValue(toRawDeep(value) as T),
  })
}
