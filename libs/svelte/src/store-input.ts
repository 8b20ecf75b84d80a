import type { ReadableStore } from '@context-action/core'
import { assertStore } from './deps.js'

/** What the helpers accept as a store. */
export type StoreInput<T> = ReadableStore<T>

/** A store input that can be written with `set`; property syntax keeps `set` invariant, so read-only stores never match. */
export type WritableInput<T> = StoreInput<T> & { readonly set: (value: NoInfer<T>) => void }

/** The core store behind `input`, or a clear error naming `fn`. */
export function storeOf<T>(fn: string, input: StoreInput<T>): ReadableStore<T> {
  assertStore(fn, input)
  return input
}
