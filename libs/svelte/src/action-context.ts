import { ActionRegister, describeValue, type ActionDispatcher, type ActionDispatcherWithResult, type ActionHandler } from '@context-action/core'
import type { ActionPayloadMap, ActionRegisterConfig, ActionStatus, HandlerConfig, ReadableStore, UnregisterFunction } from '@context-action/core'
import { getContext, onDestroy, setContext, type Component } from 'svelte'
import { inComponent, missingProvider } from './errors'
import { providerOf, type ProviderProps } from './provider'

/** What `createActionContext` returns; the same names as the Vue binding. */
export interface ActionContext<A extends ActionPayloadMap> {
  readonly name: string
  /** Renders its children under one register: a new one disposed on destroy, or the `register` prop (not disposed). */
  readonly Provider: Component<ProviderProps<{ register?: ActionRegister<A> }>>
  /** Like rendering `Provider`, from a component's script; returns the register. */
  provide(register?: ActionRegister<A>): ActionRegister<A>
  /** The nearest register's `dispatch` (stable). */
  useActionDispatch(): ActionDispatcher<A>
  useActionDispatchWithResult(): ActionDispatcherWithResult<A>
  /**
   * Register `handler` for the calling component's lifetime: unregistered on destroy, which aborts its `controller.signal`
   * if it is still running. The function is registered once; it sees the latest props and state because runes are read at call time.
   */
  useActionHandler<K extends keyof A & string, R = unknown>(action: K, handler: ActionHandler<A[K], R>, config?: HandlerConfig<A[K]>): UnregisterFunction
  useActionRegister(): ActionRegister<A>
  /** The action's status store: `$status.pending`, `$status.lastError`. */
  useActionStatus<K extends keyof A & string>(action: K): ReadableStore<ActionStatus>
}

/**
 * Create a typed action context: a provider owning one `ActionRegister` per subtree and the helpers to use it.
 * @example const App = createActionContext<{ save: { name: string } }>('App')
 */
export function createActionContext<A extends ActionPayloadMap>(name: string, config?: Omit<ActionRegisterConfig, 'name'>): ActionContext<A> {
  if (typeof name !== 'string' || name === '') throw new TypeError(`createActionContext: the name must be a non-empty string, got ${describeValue(name)}`)
  const key = Symbol(name)
  const provide = (existing?: ActionRegister<A>) =>
    inComponent(`${name}.provide`, () => {
      const register = existing ?? new ActionRegister<A>({ ...config, name })
      if (existing === undefined) onDestroy(() => register.dispose())
      return setContext(key, register)
    })
  const use = (fn: string) => {
    const register = inComponent(`${name}.${fn}`, () => getContext<ActionRegister<A> | undefined>(key))
    if (register === undefined) throw missingProvider(fn, name)
    return register
  }
  return {
    name,
    Provider: providerOf((props) => provide(props.register)),
    provide,
    useActionDispatch: () => use('useActionDispatch').dispatch,
    useActionDispatchWithResult: () => use('useActionDispatchWithResult').dispatchWithResult,
    useActionHandler(action, handler, config) {
      const unregister = use('useActionHandler').register(action, handler, config)
      inComponent(`${name}.useActionHandler`, () => onDestroy(unregister))
      return unregister
    },
    useActionRegister: () => use('useActionRegister'),
    useActionStatus: (action) => use('useActionStatus').getActionStatus(action),
  }
}
