import type { ActionDispatcher, ActionDispatcherWithResult, ActionHandler, ActionPayloadMap, ActionRegisterConfig, HandlerConfig, UnregisterFunction } from '@context-action/core'
import { ActionRegister, assertFunction, assertRegister, onDestroy } from './deps.js'
import { defineContext } from './context.js'
import { registerHandler, statusOf, type ActionStatusStore, type MaybeGetter } from './action-hooks.svelte.js'
import { isDev } from '#dev'

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
   * if it is still running. It sees the latest props and state (runes are read at call time); `config` may be a
   * getter, and the handler is registered again when its result changes.
   */
  useActionHandler<K extends keyof A & string, R = unknown>(
    action: K,
    handler: ActionHandler<A[K], R>,
    config?: MaybeGetter<HandlerConfig<A[K]> | undefined>,
  ): UnregisterFunction
  useActionRegister(): ActionRegister<A>
  /** The action's status: `$status.pending` or `status.current.pending`; `action` may be a getter. */
  useActionStatus<K extends keyof A & string>(action: MaybeGetter<K>): ActionStatusStore
}

/**
 * Create a typed action context: one `ActionRegister` per provider subtree and the helpers to use it.
 * @example const App = createActionContext<{ save: { name: string } }>('App')
 */
export function createActionContext<A extends ActionPayloadMap>(name: string, config?: Omit<ActionRegisterConfig, 'name'>): ActionContext<A> {
  const context = defineContext<ActionRegister<A>>('createActionContext', name)
  // `read` uses no `this`: it is handed on as it is.
  const use = context.read
  return {
    name,
    provide(existing) {
      const fn = `${name}.provide`
      if (existing !== undefined) assertRegister(fn, existing)
      return context.write(fn, () => {
        const register = existing ?? new ActionRegister<A>({ ...config, name })
        if (existing === undefined) onDestroy(() => register.dispose())
        return register
      })
    },
    useActionDispatch: () => use('useActionDispatch').dispatch,
    useActionDispatchWithResult: () => use('useActionDispatchWithResult').dispatchWithResult,
    useActionHandler(action, handler, config) {
      const fn = 'useActionHandler'
      // Checked here, so that the error names this function rather than the register's.
      // What the check names only reaches a development message: production builds pass nothing.
      assertFunction(fn, isDev ? 'the handler' : '', handler)
      return registerHandler(use(fn), action, handler, config)
    },
    useActionRegister: () => use('useActionRegister'),
    useActionStatus: (action) => statusOf(use('useActionStatus'), action),
  }
}
