import type {
  ActionDispatcher,
  ActionDispatcherWithResult,
  ActionHandler,
  ActionPayloadMap,
  ActionRegisterConfig,
  ActionStatus,
  HandlerConfig,
} from '@context-action/core'
import type { App, MaybeRef, MaybeRefOrGetter, ShallowRef } from 'vue'
import { defineContext } from './context'
import { ActionRegister, describeValue } from './deps'
import { isDev } from './dev'
import { productionMessage } from './errors'
import type { ProviderComponent } from './provider'
import { useActionHandler } from './use-action-handler'
import { useActionStatus } from './use-action-status'

/** Options of `app.use(ActionContext, options)`. */
export interface ActionContextOptions<T extends ActionPayloadMap> {
  /** An existing register (e.g. a domain's) to provide instead of a new one; it is never disposed by the context. */
  register?: ActionRegister<T> | undefined
}

/** What `createActionContext` returns: ways to provide one register, and composables bound to the nearest one. */
export interface ActionContext<T extends ActionPayloadMap> {
  readonly name: string
  /**
   * Renders its default slot under one register: a new one per instance, disposed on unmount, or the `register` prop
   * (an existing register, e.g. a domain's, which stays alive).
   */
  Provider: ProviderComponent<{ register?: ActionRegister<T> | undefined }>
  /** Like rendering `Provider`, from `setup()`: provides `register` (or a new one, disposed on unmount) and returns it. */
  provide(register?: ActionRegister<T>): ActionRegister<T>
  /** `app.use(Ctx, options?)`: one register for the whole app (a new one, disposed with the app, or `options.register`). */
  install(app: App, options?: ActionContextOptions<T>): void
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
 * Composables bound to the nearest provided `ActionRegister` (a `Provider`, `provide()` or `app.use`), so two
 * subtrees never share handlers.
 * @example const App = createActionContext<AppActions>('App'); app.use(App); App.useActionHandler('save', save)
 */
export function createActionContext<T extends ActionPayloadMap>(name: string, config?: ActionRegisterConfig): ActionContext<T> {
  if (typeof name !== 'string' || name === '') {
    throw new TypeError(isDev ? `createActionContext: the name must be a non-empty string, got ${describeValue(name)}` : productionMessage('createActionContext', 5))
  }
  // onUnmounted runs after the children unmounted and unregistered their handlers; an existing register is never disposed.
  const context = defineContext<ActionRegister<T>, ActionContextOptions<T>, ActionRegister<T>>(
    name,
    'actions',
    ['register'],
    (existing) => existing ?? new ActionRegister<T>({ ...config, name: config?.name ?? name }),
    (register, existing) => {
      if (!existing) register.dispose()
    },
  )
  return {
    name,
    Provider: context.Provider,
    provide: context.provide,
    install: context.install,
    useActionRegister: () => context.use('useActionRegister'),
    // The register's own `dispatch`: the same function on every call.
    useActionDispatch: () => context.use('useActionDispatch').dispatch,
    useActionDispatchWithResult: () => context.use('useActionDispatchWithResult').dispatchWithResult,
    useActionHandler: (action, handler, handlerConfig) => useActionHandler(context.use('useActionHandler'), action, handler, handlerConfig),
    useActionStatus: (action) => useActionStatus(context.use('useActionStatus'), action),
  }
}
