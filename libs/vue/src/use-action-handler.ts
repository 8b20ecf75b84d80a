import type { ActionHandler, ActionPayloadMap, ActionRegisterLike, HandlerConfig } from '@context-action/core'
import type { MaybeRef, MaybeRefOrGetter } from 'vue'
import { assertRegister, getCurrentScope, onScopeDispose, shallowEqual, toValue, unref, watch } from './deps'
import { isDev } from './dev'
import { productionMessage } from './errors'
import { isServerRendering } from './server'

/**
 * Register a handler on `register` for the lifetime of the current scope; returns a function that unregisters early.
 * The registered handler always calls the latest `handler` (pass a ref to swap it); a `config` ref, getter or reactive
 * object re-registers on change, keeping `config.id` (like unmounting, that aborts the signal of a run in progress).
 * Not registered during server rendering, where nothing unmounts.
 * @example useActionHandler(register, 'save', async (payload, controller) => { await api.save(payload, controller.signal) })
 */
export function useActionHandler<T extends ActionPayloadMap, K extends keyof T & string, R = unknown>(
  register: ActionRegisterLike<T>,
  action: K,
  handler: MaybeRef<ActionHandler<T[K], R>>,
  config?: MaybeRefOrGetter<HandlerConfig<T[K]> | undefined>,
): () => void {
  assertRegister('useActionHandler', register)
  if (typeof unref(handler) !== 'function') {
    throw new TypeError(isDev ? `useActionHandler: the handler for "${action}" must be a function or a ref to one, got ${typeof unref(handler)}` : productionMessage('useActionHandler', 6))
  }
  if (isServerRendering()) return () => {}
  const latest: ActionHandler<T[K], R> = (payload, controller) => unref(handler)(payload, controller)
  let off: (() => void) | undefined
  let current: HandlerConfig<T[K]> | undefined
  const apply = (next: HandlerConfig<T[K]> | undefined): undefined => {
    if (off !== undefined && shallowEqual(current, next)) return
    off?.()
    current = next
    off = register.register(action, latest, next)
  }
  // A ref, getter or reactive config re-registers on change; spread so a reactive object is tracked key by key.
  const stopWatch = watch(() => ({ ...toValue(config) }), apply, { immediate: true, flush: 'sync' })
  const stop = () => {
    stopWatch()
    off?.()
    off = undefined
  }
  if (getCurrentScope()) onScopeDispose(stop)
  return stop
}
