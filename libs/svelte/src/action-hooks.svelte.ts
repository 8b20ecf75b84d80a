import type { ActionHandler, ActionPayloadMap, ActionRegister, ActionStatus, HandlerConfig, ReadableStore, UnregisterFunction } from '@context-action/core'
import { BROWSER, fromReadable, onDestroy, shallowEqual, toStore, untrack } from './deps.js'
import { useStoreValue, type StoreValue } from './use-store-value.js'

/** A value, or a getter whose result may change (it reads props or `$state`). */
export type MaybeGetter<T> = T | (() => T)

const read = <T>(value: MaybeGetter<T>): T => (typeof value === 'function' ? (value as () => T)() : value)

/**
 * Register `handler` until the calling component is destroyed; with a getter for `config`, register again whenever
 * its result is no longer shallowly equal (like the Vue binding, the action itself is fixed).
 */
export function registerHandler<A extends ActionPayloadMap, K extends keyof A & string, R>(
  register: ActionRegister<A>,
  action: K,
  handler: ActionHandler<A[K], R>,
  config?: MaybeGetter<HandlerConfig<A[K]> | undefined>,
): UnregisterFunction {
  let last = read(config)
  let off = register.register(action, handler, last)
  let stopped = false
  if (typeof config === 'function') {
    $effect.pre(() => {
      const next = config()
      untrack(() => {
        if (stopped || shallowEqual(last, next)) return
        off()
        last = next
        off = register.register(action, handler, next)
      })
    })
  }
  const stop = () => {
    stopped = true
    off()
  }
  // Unregistered when the calling component, or the effect calling this, is destroyed: an effect or a legacy `$:` block
  // that runs again also stops what its previous run registered. `onDestroy` would never run in a legacy-mode component
  // once it is set up (called from `onMount` or a `$:` block). The server runs no effects: there `onDestroy` stops it at
  // the end of the render.
  if (BROWSER) $effect.pre(() => stop)
  else onDestroy(stop)
  return stop
}

/** An action's status: a store (`$status.pending`) that also has `current` for runes code (`status.current.pending`). */
export type ActionStatusStore = ReadableStore<ActionStatus> & StoreValue<ActionStatus>

/** The status store of `action`; with a getter, it follows whichever action the getter names. */
export function statusOf<A extends ActionPayloadMap, K extends keyof A & string>(register: ActionRegister<A>, action: MaybeGetter<K>): ActionStatusStore {
  const store = $derived(register.getActionStatus(read(action)))
  const view = $derived(useStoreValue(store))
  const current = () => view.current
  return {
    // `$status` subscribes once, so with a getter the store it subscribes to must itself follow the getter. Without
    // one the action is fixed, and so is its store: reading `store` once is meant.
    // svelte-ignore state_referenced_locally
    ...(typeof action === 'function' ? fromReadable(toStore(current)) : store),
    get current() {
      return current()
    },
  }
}