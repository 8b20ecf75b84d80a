import type { Store } from '@context-action/core'
import type { MaybeRefOrGetter, WritableComputedRef } from 'vue'
import { assertStore, computed, describeValue, toValue } from './deps'
import { toRawDeep, type DeepReadonly } from './deep-readonly'
import { isDev } from './dev'
import { productionMessage } from './errors'
import { followStore } from './use-store-value'

/**
 * One writable ref per top-level key of an object store's value; it also takes back the read-only value it reads. An
 * optional key stays optional: its ref exists only when the value has the key at the call.
 */
export type StoreRefs<T extends object> = { [K in keyof T]: WritableComputedRef<DeepReadonly<T[K]>, T[K] | DeepReadonly<T[K]>> }

/**
 * Writable refs for the top-level keys of an object store (like Pinia's `storeToRefs`), for `v-model` on fields.
 * A write replaces the object through `store.update`: a new object, listeners told once, the old one untouched.
 * The keys are those of the value when it is called.
 * @example const { name, email } = useStoreRefs(user) // <input v-model="name">
 */
export function useStoreRefs<T extends object>(store: MaybeRefOrGetter<Store<T>>): StoreRefs<T> {
  const source = toValue(store)
  assertStore('useStoreRefs', source)
  const value = source.getValue()
  // `?? 0` so null and undefined are refused with the rest (their prototype is not Object's).
  if (Object.getPrototypeOf(value ?? 0) !== Object.prototype) {
    throw new TypeError(isDev ? `useStoreRefs: the store's value must be a plain object, got ${describeValue(value)}` : productionMessage('useStoreRefs', 8))
  }
  // Checked before following, so a refused store is left without a listener.
  const state = followStore<T>('useStoreRefs', store)
  const field = (key: string) =>
    computed({
      get: () => (state.value as Record<string, unknown>)[key],
      // Read-only proxies in the new value (one read from a ref) are stored as plain data.
      set: (next) => toValue(store).update((current) => ({ ...current, [key]: toRawDeep(next) })),
    })
  return Object.fromEntries(Object.keys(value).map((key) => [key, field(key)])) as StoreRefs<T>
}
