import {
  ActionRegister,
  describeValue,
  type ActionDispatcher,
  type ActionDispatcherWithResult,
  type ActionHandler,
  type ActionPayloadMap,
  type ActionRegisterConfig,
  type ActionStatus,
  type HandlerConfig,
} from '@context-action/core'
import { hasInjectionContext, inject, onUnmounted, provide, type InjectionKey, type MaybeRef, type MaybeRefOrGetter, type ShallowRef } from 'vue'
import { noProviderError, noSetupError } from './errors'
import { defineRegisterProvider } from './provider'
import { useActionDispatch, useActionDispatchWithResult } from './use-action-dispatch'
import { useActionHandler } from './use-action-handler'
import { useActionStatus } from './use-action-status'

export interface ActionContext<T extends ActionPayloadMap> {
  /**
   * Renders its default slot under one register: a new one per instance, disposed on unmount, or the `register` prop
   * (an existing register, e.g. a domain's, which stays alive).
   */
  Provider: ReturnType<typeof defineRegisterProvider<T>>
  useActionRegister(): ActionRegister<T>
  useActionDispatch(): ActionDispatcher<T>
  useActionDispatchWithResult(): ActionDispatcherWithResult<T>
  useActionHandler<K extends keyof T & string, R = unknown>(
    action: K,
    handler: MaybeRef<ActionHandler<T[K], R>>,
    config?: MaybeRefOrGetter<HandlerConfig<T[K]> | undefined>,
  ): () => void
  useActionStatus<K extends keyof T & string>(action: MaybeRefOrGetter<K>): Readonly<ShallowRef<ActionStatus>>
}

/**
 * Composables bound to the nearest `Provider`'s own `ActionRegister`, so two Provider subtrees never share handlers.
 * @example const App = createActionContext<AppActions>('App'); App.useActionHandler('save', save)
 */
export function createActionContext<T extends ActionPayloadMap>(name: string, config?: ActionRegisterConfig): ActionContext<T> {
  if (typeof name !== 'string' || name === '') throw new TypeError(`createActionContext: the name must be a non-empty string, got ${describeValue(name)}`)
  const key: InjectionKey<ActionRegister<T>> = Symbol(`${name}.actions`)
  const Provider = defineRegisterProvider<T>(`${name}ActionProvider`, (existing) => {
    const register = existing ?? new ActionRegister<T>({ ...config, name: config?.name ?? name })
    provide(key, register)
    // onUnmounted runs after the children unmounted and unregistered their handlers.
    if (existing === undefined) onUnmounted(() => register.dispose())
  })
  const use = (fn: string): ActionRegister<T> => {
    if (!hasInjectionContext()) throw noSetupError(`${name}.${fn}`, name)
    const register = inject(key, null)
    if (register === null) throw noProviderError(`${name}.${fn}`, name)
    return register
  }
  return {
    Provider,
    useActionRegister: () => use('useActionRegister'),
    useActionDispatch: () => useActionDispatch(use('useActionDispatch')),
    useActionDispatchWithResult: () => useActionDispatchWithResult(use('useActionDispatchWithResult')),
    useActionHandler: (action, handler, handlerConfig) => useActionHandler(use('useActionHandler'), action, handler, handlerConfig),
    useActionStatus: (action) => useActionStatus(use('useActionStatus'), action),
  }
}
