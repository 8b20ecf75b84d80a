import type { EqualityFn } from '@context-action/core'
import { assertFunction, isWritableStore, untrack } from './deps.js'
import { createSubscriber } from 'svelte/reactivity'
import { readOnly } from './errors.js'
import { storeOf, type StoreInput, type WritableInput } from './store-input.js'
import { isDev } from '#dev'

/** A runes-friendly view of a store: read `current` in a template, `$derived` or `$effect`. */
export interface StoreValue<T> {
  readonly current: T
}

/** `StoreValue` of a writable store: assigning `current` writes through the store's `set`, like Svelte's `fromStore`. */
export interface WritableStoreValue<T> {
  current: T
}

/**
 * Expose `store` (or a slice of it) as `{ current }` for runes code, `.svelte.ts` modules included.
 * Reading `current` inside an effect subscribes while that effect lives; the selector runs in that effect, so the
 * `$state` and props it reads are followed too, and the effect re-runs only when the selected value changes.
 * @example const name = useStoreValue(user, (u) => u.name) // {name.current}
 */
export function useStoreValue<T>(store: WritableInput<T>): WritableStoreValue<T>
export function useStoreValue<T>(store: StoreInput<T>): StoreValue<T>
export function useStoreValue<T, S>(store: StoreInput<T>, selector: (value: T) => S, equals?: EqualityFn<S>): StoreValue<S>
export function useStoreValue<T, S>(store: StoreInput<T>, selector?: (value: T) => S, equals: EqualityFn<S> = Object.is): WritableStoreValue<T | S> {
  const fn = 'useStoreValue'
  const source = storeOf(fn, store)
  // What the check names only reaches a development message: production builds pass nothing.
  if (selector !== undefined) assertFunction(fn, isDev ? 'the selector' : '', selector)
  assertFunction(fn, isDev ? 'equals' : '', equals)
  const pick = selector ?? ((value: T) => value as unknown as S)
  let known = false
  let selected: S
  // Keeps the last selection unless the new one differs under `equals`, and says whether it changed.
  const choose = (value: T): boolean => {
    const next = pick(value)
    if (known && equals(selected, next)) return false
    known = true
    selected = next
    return true
  }
  // Untracked: a write made inside some effect must not make that effect depend on what the selector reads. A selector
  // that throws here may be a row's whose item its parent is about to remove (`list[index]`): as with `$derived`, the
  // writer is not told; the reading effect selects again if it still runs, and meets the error there. A value that is
  // its own previous one was changed in place (Svelte's `$store.field = v` on a class instance): the reading effect
  // runs again, whatever was selected, as it would for Svelte's own stores.
  const track = createSubscriber((update) =>
    source.listen((value, previous) => {
      try {
        if (!untrack(() => choose(value)) && value !== previous) return
      } catch {}
      update()
    }),
  )
  return {
    get current() {
      track()
      // Selected here, in the reading effect, so whatever state the selector reads is tracked by that effect.
      choose(source.getValue())
      return selected
    },
    set current(value) {
      // A store of the core is its own source; its computed stores have a `set` too, which always throws. Called as a
      // method: another library's store may need its `this`.
      if (selector || !(source === store ? isWritableStore(store) : typeof (store as Partial<WritableInput<T>>).set === 'function')) throw readOnly()
      ;(store as WritableInput<T>).set(value as unknown as T)
    },
  }
}
