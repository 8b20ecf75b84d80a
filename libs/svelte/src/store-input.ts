import type { ReadableStore, Subscribable } from '@context-action/core'
import { fromReadable, isReadable } from './deps.js'
import { notAStore } from './errors.js'

/** What the helpers accept as a store: a core store, or any store with Svelte's store contract (`writable`, `toStore(...)`, a SvelteKit store). */
export type StoreInput<T> = Subscribable<T>

/** A store input that can be written with `set`; property syntax keeps `set` invariant, so read-only stores never match. */
export type WritableInput<T> = StoreInput<T> & { readonly set: (value: NoInfer<T>) => void }

/** The core store behind `input` (a foreign store is followed through `fromReadable`), or a clear error naming `fn`. */
export function storeOf<T>(fn: string, input: StoreInput<T>): ReadableStore<T> {
  if (!isReadable(input)) throw notAStore(fn, input)
  return fromReadable(input)
}
