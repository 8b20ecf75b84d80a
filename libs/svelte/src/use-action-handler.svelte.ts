import { shallowEqual, type ActionHandler, type ActionPayloadMap, type ActionRegister, type HandlerConfig, type UnregisterFunction } from '@context-action/core'
import { onDestroy, untrack } from 'svelte'

/** A value, or a getter whose result may change (it reads props or `$state`). */
export type MaybeGetter<T> = T | (() => T)

const read = <T>(value: MaybeGetter<T>): T => (typeof value === 'function' ? (value as () => T)() : value)

/**
 * Register `handler` until the calling component is destroyed; with a getter for `action` or `config`, register
 * again whenever its result changes (a config counts as changed when it is not shallowly equal).
 */
export function registerHandler<A extends ActionPayloadMap, K extends keyof A & string, R>(
  register: ActionRegister<A>,
  action: MaybeGetter<K>,
  handler: ActionHandler<A[K], R>,
  config?: MaybeGetter<HandlerConfig<A[K]> | undefined>,
): UnregisterFunction {
  let current = { action: read(action), config: read(config) }
  let off = register.register(current.action, handler, current.config)
  let stopped = false
  const stop = () => {
    stopped = true
    off()
  }
  if (typeof action === 'function' || typeof config === 'function') {
    $effect.pre(() => {
      const next = { action: read(action), config: read(config) }
      if (stopped || (next.action === current.action && shallowEqual(next.config, current.config))) return
      untrack(() => {
        off()
        current = next
        off = register.register(next.action, handler, next.config)
      })
    })
  }
  onDestroy(stop)
  return stop
}
