import { ActionRegister, assertRegister, describeValue, type ActionDispatcher, type ActionDispatcherWithResult, type ActionHandler } from '@context-action/core'
import type { ActionPayloadMap, ActionRegisterConfig, HandlerConfig, UnregisterFunction } from '@context-action/core'
import { onDestroy } from 'svelte'
import { ENTRY, readContext, writeContext, type ContextEntry } from './context.js'
import { registerHandler, type MaybeGetter } from './use-action-handler.svelte.js'
import { statusOf, type ActionStatusStore } from './use-action-status.svelte.js'

/** What `createActionContext` returns; the same names as the Vue binding. Render `<Provider context={...}>` to provide it. */
export interface ActionContext<A extends ActionPayloadMap> {
  readonly name: string
  /** From a component's script, like rendering `<Provider context={...}>`: a new register disposed on destroy, or `register` (not disposed). */
  provide(register?: ActionRegister<A>): ActionRegister<A>
  /** The nearest register's `dispatch` (stable). */
  useActionDispatch(): ActionDispatcher<A>
  useActionDispatchWithResult(): ActionDispatcherWithResult<A>
  /**
   * Register `handler` for the calling component's lifetime: unregistered on destroy, which aborts its `controller.signal`
   * if it is still running. It sees the latest props and state (runes are read at call time); `action` and `config`
   * may be getters, and the handler is registered again when their result changes.
   */
  useActionHandler<K extends keyof A & string, R = unknown>(
    action: MaybeGetter<K>,
    handler: ActionHandler<A[K], R>,
    config?: MaybeGetter<HandlerConfig<A[K]> | undefined>,
  ): UnregisterFunction
  useActionRegister(): ActionRegister<A>
  /** The action's status: `$status.pending` or `status.current.pending`; `action` may be a getter. */
  useActionStatus<K extends keyof A & string>(action: MaybeGetter<K>): ActionStatusStore
  readonly [ENTRY]: ContextEntry<ActionRegister<A>, ActionRegister<A>>
}

/**
 * Create a typed action context: one `ActionRegister` per provider subtree and the helpers to use it.
 * @example const App = createActionContext<{ save: { name: string } }>('App')
 */
export function createActionContext<A extends ActionPayloadMap>(name: string, config?: Omit<ActionRegisterConfig, 'name'>): ActionContext<A> {
  if (typeof name !== 'string' || name === '') throw new TypeError(`createActionContext: the name must be a non-empty string, got ${describeValue(name)}`)
  const key = Symbol(name)
  const use = (fn: string) => readContext<ActionRegister<A>>(fn, name, key)
  return {
    name,
    provide(existing) {
      const fn = `${name}.provide`
      if (existing !== undefined) assertRegister(fn, existing)
      return writeContext(fn, key, () => {
        const register = existing ?? new ActionRegister<A>({ ...config, name })
        if (existing === undefined) onDestroy(() => register.dispose())
        return register
      })
    },
    useActionDispatch: () => use('useActionDispatch').dispatch,
    useActionDispatchWithResult: () => use('useActionDispatchWithResult').dispatchWithResult,
    useActionHandler: (action, handler, config) => registerHandler(use('useActionHandler'), action, handler, config),
    useActionRegister: () => use('useActionRegister'),
    useActionStatus: (action) => statusOf(use('useActionStatus'), action),
    [ENTRY]: (register) => [key, register ?? new ActionRegister<A>({ ...config, name })],
  }
}
