import type { ReadableStore } from '@context-action/core'
import { ReactiveEffect } from './deps'

/**
 * One component (or scope) following a store: runs its selector over `value` and publishes a changed selection.
 * With `track` (or once its selector has read a ref, prop or reactive) it runs the selector in its own effect.
 * `inPlace`: the store's value is the object it held, changed in place (`set` of the held value), so the selection
 * is published even if it equals the last one.
 */
export type Follower<T> = (value: T, track?: boolean, inPlace?: boolean) => void

/** The followers of one store, with the value last delivered to them and the store subscription they share. */
interface Hub<T> extends Set<Follower<T>> {
  last: T
  off(): void
}

const hubs = new WeakMap<ReadableStore<any>, Hub<any>>()

/**
 * Whether the effect's latest run read a ref, prop or reactive. Vue 3.5 (and 3.6) keep an effect's dependencies in its
 * `deps` list, which their typings leave out; were it ever missing, every run counts as tracked (correct, slower).
 */
// Stryker disable next-line ConditionalExpression,BooleanLiteral,StringLiteral: counting every run as tracked is the documented fallback: correct, only slower
export const readReactive = (effect: ReactiveEffect<unknown>): boolean => !('deps' in effect) || effect.deps !== undefined

export const noop = (): void => {}
// Untracked selectors run inside this one effect: a single run per store change (not one per follower) tells whether
// any of them read reactive state, so the usual selector, which reads none, costs a plain call. Its deps are only ever
// those of its latest run (Vue drops the rest), and its scheduler does nothing.
const detector = /* @__PURE__ */ new ReactiveEffect<void>(noop)
detector.scheduler = noop

/**
 * Tells every follower `value`. A throwing follower does not stop the others; the first error is re-thrown after all
 * were told. Never re-entered: the core defers a write made while it notifies until this has returned.
 */
function deliver<T>(hub: Hub<T>, value: T): void {
  // The core tells again of the value it told last only when that object was changed in place.
  const inPlace = value === hub.last
  let failure: [unknown] | undefined
  const tell = (track?: boolean) => {
    for (const follower of hub) {
      try {
        follower(value, track, inPlace)
      } catch (error) {
        failure ??= [error]
      }
    }
  }
  hub.last = value
  detector.fn = tell
  detector.run()
  // Drop the closure (it holds the value); when some selector read reactive state for the first time, drop the
  // detector's deps too and tell everyone again, tracked, so each of those gets its own effect.
  detector.fn = noop
  // Stryker disable next-line ConditionalExpression: telling everyone again, tracked, when no selector read reactive state gives the same values (speed only)
  if (readReactive(detector)) {
    detector.run()
    tell(true)
  }
  if (failure) throw failure[0]
}

/**
 * Adds `follower` to the followers of `store`: one core subscription per store, however many components follow it.
 * A follower that joins while the store holds a value its followers have not been told yet (mid-batch) listens on its
 * own, so the core tells it about a write it saw being undone. Returns the function that removes it.
 */
export function follow<T>(store: ReadableStore<T>, follower: Follower<T>): () => void {
  let hub = hubs.get(store) as Hub<T> | undefined
  if (hub === undefined) {
    const created = Object.assign(new Set<Follower<T>>(), { last: store.getValue(), off: noop })
    created.off = store.listen((value) => deliver(created, value))
    hubs.set(store, (hub = created))
  } else if (!Object.is(hub.last, store.getValue())) {
    return store.listen((value, previous) => follower(value, true, value === previous))
  }
  const followers = hub.add(follower)
  return () => {
    followers.delete(follower)
    if (followers.size === 0) {
      hubs.delete(store)
      followers.off()
    }
  }
}
