import type {
  ActionDispatcher,
  ActionDispatcherWithResult,
  ActionHandler,
  ActionPayloadMap,
  ActionRegisterConfig,
  ActionStatus,
  HandlerConfig,
} from '@context-action/core'
import type { MaybeRef, MaybeRefOrGetter, ShallowRef } from 'vue'
import { defineContext } from './context'
import { ActionRegister, describeValue, onUnmounted } from './deps'
import { defineRegisterProvider } from './provider'
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
  const [provide, use] = defineContext<ActionRegister<T>>(name, 'actions')
  return {
    Provider: defineRegisterProvider<T>(`${name}ActionProvider`, (existing) => {
      const register = provide(existing ?? new ActionRegister<T>({ ...config, name: config?.name ?? name }))
      // onUnmounted runs after the children unmounted and unregistered their handlers.
      if (!existing) onUnmounted(() => register.dispose())
    }),
    useActionRegister: () => use('useActionRegister'),
    // The register's own `dispatch`: the same function on every call, like `useActionDispatch(register)`.
    useActionDispatch: () => use('useActionDispatch').dispatch,
    useActionDispatchWithResult: () => use('useActionDispatchWithResult').dispatchWithResult,
    useActionHandler: (action, handler, handlerConfig) => useActionHandler(use('useActionHandler'), action, handler, handlerConfig),
    useActionStatus: (action) => useActionStatus(use('useActionStatus'), action),
  }
}
