import type { EqualityFn, ReadableStore } from '@context-action/core'
import type { MaybeRefOrGetter, ShallowRef } from 'vue'
import {
  assertFunction,
  assertStore,
  callWithErrorHandling,
  customRef,
  getCurrentInstance,
  getCurrentScope,
  queuePostFlushCb,
  ReactiveEffect,
  readonly,
  toValue,
  watch,
} from './deps'
import { isDev } from './dev'
import { follow, noop, readReactive } from './follow'
import { readonlyValue, type DeepReadonly } from './deep-readonly'
import { isServerRendering } from './server'

// As in dev.ts (module-scoped, so it does not clash with @types/node). The warning below tests it directly: an `if` on
// the imported `isDev` would leave an empty statement in production bundles.
declare const process: { env: { NODE_ENV?: string } }

/**
 * A read-only ref that follows a store, or a selected part of it, for the lifetime of the current scope.
 * The selector is tracked like `computed()`: a ref, prop or reactive it reads re-runs it. The ref (and whatever
 * renders it) changes only when the selection changes under `equals`. On the server it reads the store at each access.
 * @example const name = useStoreValue(user, (u) => u[props.field])
 */
export function useStoreValue<T>(store: MaybeRefOrGetter<ReadableStore<T>>): Readonly<ShallowRef<DeepReadonly<T>>>
export function useStoreValue<T, S>(
  store: MaybeRefOrGetter<ReadableStore<T>>,
  selector: (value: T) => S,
  equals?: EqualityFn<S>,
): Readonly<ShallowRef<DeepReadonly<S>>>
export function useStoreValue<T, S>(
  store: MaybeRefOrGetter<ReadableStore<T>>,
  selector?: (value: T) => S,
  equals?: EqualityFn<S>,
): Readonly<ShallowRef<DeepReadonly<T> | DeepReadonly<S>>> {
  return followStore('useStoreValue', store, selector, equals)
}

/** `useStoreValue` for composables built on it, so errors name the composable the user called. */
export function followStore<T, S = T>(
  fn: string,
  source: MaybeRefOrGetter<ReadableStore<T>>,
  selector?: (value: T) => S,
  equals: EqualityFn<S> = Object.is,
): Readonly<ShallowRef<DeepReadonly<S>>> {
  // What the checks name only reaches a development message: production builds pass nothing.
  if (selector !== undefined) assertFunction(fn, isDev ? 'the selector' : '', selector)
  assertFunction(fn, isDev ? 'equals' : '', equals)
  const storeOf = () => {
    const store = toValue(source)
    assertStore(fn, store)
    return store
  }
  // Stryker disable next-line ConditionalExpression,BlockStatement: Vue's server renderer stops a sync watcher after the render, so the client path also leaves no listener and renders the same HTML (ssr-state.test.ts); this saves the subscription
  if (isServerRendering()) {
    // Nothing unmounts on the server: no subscription. Reading at each access lets a store written in
    // onServerPrefetch or after an await in setup() reach the HTML.
    return customRef(() => ({
      get: () => {
        const value = storeOf().getValue()
        const selected = selector ? selector(value) : (value as unknown as S)
        return isDev ? readonlyValue(selected) : (selected as DeepReadonly<S>)
      },
      set: noop,
    }))
  }
  // Nothing would ever stop following the store (Vue's onScopeDispose warns the same way).
  if (process.env.NODE_ENV !== 'production' && !getCurrentScope()) {
    console.warn(`${fn}: called outside setup() and any effectScope(), so it follows the store until the page closes; call it in setup(), or in effectScope().run() and stop that scope`)
  }
  // A ref that only this composable writes: Vue code, or Pinia hydrating or patching a setup store that returns it,
  // cannot set a value the store does not hold (production ignores the write; development also warns, below).
  let shown: DeepReadonly<S>
  let changed!: () => void
  const state = customRef((track, trigger) => {
    changed = trigger
    return {
      get: () => {
        track()
        return shown
      },
      set: noop,
    }
  }) as ShallowRef<DeepReadonly<S>>
  let current: S
  let published = false
  // A selector that reads refs, props or reactives runs in its own effect, so they re-run it like computed() (directly:
  // only a changed selection reaches the renderer). One that reads none (the usual case) is a plain call.
  let value: T
  // Stryker disable next-line BooleanLiteral: starting tracked runs every selection in the effect: the same values, slower
  let tracked = false
  const effect = selector && new ReactiveEffect(() => selector(value))
  // In a component, a selector that throws on a change may belong to a row whose item the parent is about to remove (it
  // selects `list[props.index]`): selectors run on the write, before any component updates (`computed()` would wait).
  // So the writer is not told. After Vue's next flush (parents update first, and a removed row's scope is stopped by
  // then; a `$forceUpdate()` would still re-render it), a row that still follows the store selects again, and an error
  // then reaches Vue's error handler with the component. Outside components the writer gets the error, and so does a
  // `direct` call: the first selection (in setup), the one for another store, and that second try.
  const instance = getCurrentInstance()
  const scope = getCurrentScope()
  const follower = (next: T, track?: boolean, inPlace?: boolean, direct?: boolean): void => {
    try {
      let selected: S
      // Stryker disable next-line ConditionalExpression: running an untracked selector in its effect gives the same value (speed only)
      if (effect && (track || tracked)) {
        value = next
        selected = effect.run()
        // Stryker disable next-line AssignmentOperator: never latching `tracked` only makes each delivery find the reactive read again (detector, then a tracked re-run): the same values, slower
        tracked ||= readReactive(effect)
      } else {
        selected = selector ? selector(next) : (next as unknown as S)
      }
      // A value changed in place is published even when the selection is the same object (see `Follower`).
      if (!published || inPlace || !equals(current, selected)) {
        published = true
        current = selected
        // Read-only in development (an in-place write warns); the value itself in production (no cost).
        shown = isDev ? readonlyValue(selected) : (selected as DeepReadonly<S>)
        changed()
      }
    } catch (error) {
      if (direct || !instance) throw error
      // Stryker disable next-line BooleanLiteral: an untracked try gives the same value (`track` only decides whether the selector runs in its effect; speed)
      queuePostFlushCb(() => scope!.active && callWithErrorHandling(follower, instance, 15 /* ErrorCodes.COMPONENT_UPDATE */, [storeOf().getValue(), true, false, true]))
    }
  }
  // Only a tracked selector has dependencies to trigger this, so `value` is the store's latest value.
  // Stryker disable next-line BooleanLiteral: the scheduler runs only for an effect that read reactive state, so `tracked` is already true
  if (effect) effect.scheduler = () => follower(value, true)
  // `watch` so a ref or getter can point at another store; flush 'sync', so the ref follows it before anything reads it.
  watch(
    storeOf,
    (store, _, onCleanup) => {
      follower(store.getValue(), true, false, true)
      onCleanup(follow(store, follower))
    },
    { immediate: true, flush: 'sync' },
  )
  // The ref is typed read-only and ignores writes; in development a write to it (`v-model` on it) also warns. Its values
  // are read-only already, so `readonly()` adds nothing else; production builds return the ref itself.
  return isDev ? (readonly(state) as typeof state) : state
}
