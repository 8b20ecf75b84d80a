import type { ReadableStore, Unsubscribe } from '../stores/store'

/**
 * Map of action name to payload type; use `void` for actions without a payload. Any object type fits,
 * and only its declared names can be registered or dispatched.
 * @example interface AppActions extends ActionPayloadMap { save: { id: string }; reset: void }
 */
// An index signature here would make every string a valid action name of every interface extending it.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ActionPayloadMap {}

/** How a dispatch runs its handlers: one after another, all at once, or until the first one settles. */
export type ExecutionMode = 'sequential' | 'parallel' | 'race'

/**
 * What happens when an action is dispatched while an earlier dispatch of it still runs.
 * - `parallel` (default): dispatches are independent.
 * - `takeLatest`: the running dispatch is aborted (its signals fire, no further handler starts).
 * - `takeFirst`: the new dispatch is dropped while one runs.
 * - `queue`: the new dispatch starts when the earlier ones have finished.
 */
export type ConcurrencyPolicy = 'parallel' | 'takeLatest' | 'takeFirst' | 'queue'

/** Handed to each handler invocation. */
export interface PipelineController<TPayload = unknown, TResult = unknown> {
  /** Stop the pipeline after this handler; the dispatch resolves with `aborted: true`. Not an error. */
  abort(reason?: string): void
  /** Replace the payload seen by later handlers (and by `getPayload`). */
  modifyPayload(modifier: (payload: TPayload) => TPayload): void
  getPayload(): TPayload
  /** Continue with the first later handler whose priority is ≤ `priority`; only forward, so it never loops. */
  jumpToPriority(priority: number): void
  /** End the pipeline successfully with `value` as the result. */
  return(value: TResult): void
  setResult(value: TResult): void
  getResults(): TResult[]
  /** Replace the last result with `merger(earlier, last)`; with no results yet it appends `merger([], undefined)`. */
  mergeResult(merger: (earlier: TResult[], last: TResult | undefined) => TResult): void
  /** Aborted when this dispatch is aborted or superseded, or when this handler is unregistered or its register cleared. */
  readonly signal: AbortSignal
}

/** A function registered for an action: receives the payload and the controller of its run. */
export type ActionHandler<TPayload = unknown, TResult = unknown> = (
  payload: TPayload,
  controller: PipelineController<TPayload, TResult>,
) => TResult | void | Promise<TResult | void>

/** Options of one registered handler (priority, id, once, filters, timing). */
export interface HandlerConfig<TPayload = unknown> {
  /** Higher runs first; equal priorities keep registration order. Default 0. */
  priority?: number | undefined
  /** Identity for filters and stats; registering the same id again on the same action replaces the handler. */
  id?: string | undefined
  /** Unregister after the first time this handler actually runs (exactly once, also under concurrent dispatches). */
  once?: boolean | undefined
  /** Sequential mode: `true` (default) makes later handlers wait for this one; `false` lets them start at once (it is still awaited, and its error still fails the dispatch). */
  blocking?: boolean | undefined
  /** Skip this handler when it returns false. Receives the current payload. */
  condition?: ((payload: TPayload) => boolean) | undefined
  /** Skip this handler when it returns false. Receives the current payload. */
  validation?: ((payload: TPayload) => boolean) | undefined
  /** Trailing-edge debounce (ms) for every dispatch of this action, unless the dispatch sets its own. */
  debounce?: number | undefined
  /** Leading-edge throttle (ms) for every dispatch of this action, unless the dispatch sets its own. */
  throttle?: number | undefined
  tags?: string[] | undefined
  category?: string | undefined
  description?: string | undefined
  /** Milliseconds after which the handler's `controller.signal` aborts with a `TimeoutError` and the handler fails. */
  timeout?: number | undefined
  /** Times a failing handler runs again, after `registry.retryDelay` (at most `registry.maxRetries`). */
  retries?: number | undefined
  /** Matched by `filter.environment` (not compared with `NODE_ENV`). */
  environment?: 'development' | 'production' | 'test' | undefined
  /** Matched by `filter.feature`. */
  feature?: string | undefined
  // Kept and returned by introspection only, as upstream declares them (see docs/differences.md).
  middleware?: boolean | undefined
  version?: string | undefined
  returnType?: 'value' | 'merge' | 'collect' | undefined
  dependencies?: string[] | undefined
  conflicts?: string[] | undefined
  metrics?: { collectTiming?: boolean | undefined; collectErrors?: boolean | undefined; customMetrics?: Record<string, any> | undefined } | undefined
  metadata?: Record<string, any> | undefined
}

/** Removes what registered it; calling it again does nothing. */
export type UnregisterFunction = () => void

/** A registered handler as introspection returns it (a copy: changing it changes nothing). */
export interface HandlerRegistration<TPayload = unknown> {
  action: string
  id: string
  priority: number
  handler: ActionHandler<TPayload, any>
  config: HandlerConfig<TPayload> & { id: string; priority: number }
}

/** Selects the handlers a dispatch runs, by tags, category or id. */
export interface HandlerFilter {
  tags?: string[] | undefined
  category?: string | undefined
  handlerIds?: string[] | undefined
  excludeTags?: string[] | undefined
  excludeCategory?: string | undefined
  excludeHandlerIds?: string[] | undefined
  environment?: 'development' | 'production' | 'test' | undefined
  feature?: string | undefined
  custom?: ((config: Readonly<HandlerConfig> & { id: string; priority: number }) => boolean) | undefined
}

/** How `dispatchWithResult` combines the handlers' results into `result`. */
export type ResultStrategy = 'first' | 'last' | 'all' | 'merge' | 'custom'

/** Options of one dispatch, overriding the action's and the handlers' defaults. */
export interface DispatchOptions {
  /** Milliseconds each handler without a `timeout` of its own may run (see `HandlerConfig.timeout`). */
  timeout?: number | undefined
  /** Retries for each handler without `retries` of its own (see `HandlerConfig.retries`). */
  retries?: number | undefined
  /** As upstream: a fresh `AbortController` for this dispatch, linked to `signal`, handed to `onControllerCreated`; `allowHandlerAbort` aborts it when a handler calls `controller.abort`. */
  autoAbort?: { enabled: boolean; onControllerCreated?: ((controller: AbortController) => void) | undefined; allowHandlerAbort?: boolean | undefined } | undefined
  executionMode?: ExecutionMode | undefined
  concurrency?: ConcurrencyPolicy | undefined
  signal?: AbortSignal | undefined
  filter?: HandlerFilter | undefined
  debounce?: number | undefined
  throttle?: number | undefined
  result?: {
    collect?: boolean | undefined
    strategy?: ResultStrategy | undefined
    merger?: ((results: unknown[]) => unknown) | undefined
    maxResults?: number | undefined
    /** `dispatchWithResult`: the same as `timeout`, which wins. */
    timeout?: number | undefined
  } | undefined
}

/** How one handler's run in a dispatch ended. */
export type HandlerOutcome = 'completed' | 'failed' | 'skipped' | 'aborted'

/** One handler's run in a dispatch, as `ExecutionResult` reports it. */
export interface HandlerExecution {
  id: string
  priority: number
  outcome: HandlerOutcome
  duration: number
}

/** What `dispatchWithResult` resolves with: whether the dispatch succeeded, its results and each handler's run. */
export interface ExecutionResult<R = unknown> {
  success: boolean
  aborted: boolean
  abortReason?: string | undefined
  terminated: boolean
  result?: R | undefined
  results: R[]
  execution: {
    duration: number
    handlersExecuted: number
    handlersSkipped: number
    handlersFailed: number
    startTime: number
    endTime: number
  }
  handlers: HandlerExecution[]
  errors: Array<{ handlerId: string; error: Error; timestamp: number }>
}

/** Readable per-action status, for spinners and error messages in views. */
export interface ActionStatus {
  /** Dispatches of this action currently running. */
  running: number
  pending: boolean
  lastError: unknown
  lastAbortReason: string | undefined
}

/** An event of a dispatch's life, as `observe` reports it. */
export type DispatchEvent =
  | { type: 'start'; dispatchId: number; action: string; payload: unknown; time: number }
  | { type: 'handler'; dispatchId: number; action: string; handlerId: string; priority: number; outcome: HandlerOutcome; duration: number; error?: unknown }
  /** `handlerId`: the handler that called `controller.abort`; undefined when a signal, a newer dispatch or an unregister aborted it. */
  | { type: 'abort'; dispatchId: number; action: string; reason: string | undefined; handlerId?: string | undefined }
  | { type: 'error'; dispatchId: number; action: string; handlerId: string; error: unknown }
  | {
      type: 'end'
      dispatchId: number
      action: string
      outcome: 'completed' | 'aborted' | 'failed' | 'dropped'
      duration: number
      handlers: HandlerExecution[]
      /** Why a `dropped` dispatch was refused (`'Throttled execution'`, …); an aborted one tells it in its `abort` event. */
      reason?: string | undefined
    }

/** A function given to `observe`, called with every dispatch event. */
export type DispatchObserver = (event: DispatchEvent) => void

/** Options of an `ActionRegister`: its name, registry behaviour and defaults for dispatches. */
export interface ActionRegisterConfig {
  name?: string | undefined
  registry?: {
    /** Log every dispatch event with `console.debug`. */
    debug?: boolean | undefined
    /** `false` keeps a `once` handler that ran registered (it does not run again) until it is unregistered. Default `true`. */
    autoCleanup?: boolean | undefined
    /** Upper bound of `retries` (handler or dispatch). */
    maxRetries?: number | undefined
    /** Milliseconds before a failed handler is retried. Default 0. */
    retryDelay?: number | undefined
    maxHandlers?: number | undefined
    defaultExecutionMode?: ExecutionMode | undefined
    defaultConcurrency?: ConcurrencyPolicy | undefined
    /** Dispatching an action that has no handler rejects instead of resolving. */
    strict?: boolean | undefined
  } | undefined
}

/** Arguments after the action name: payload-less actions take no payload. */
export type DispatchArgs<P> = 0 extends 1 & P
  ? [payload?: any, options?: DispatchOptions]
  : [P] extends [void]
    ? [payload?: undefined, options?: DispatchOptions]
    : // A payload that may be undefined may be left out, as an optional parameter of that type may.
      undefined extends P
      ? [payload?: P, options?: DispatchOptions]
      : [payload: P, options?: DispatchOptions]

/** The typed `dispatch` function: stable, safe to pass around. */
export type ActionDispatcher<T extends ActionPayloadMap> = <K extends keyof T & string>(
  action: K,
  ...args: DispatchArgs<T[K]>
) => Promise<void>

/** The typed `dispatchWithResult` function: dispatches and resolves with the `ExecutionResult`. */
export type ActionDispatcherWithResult<T extends ActionPayloadMap> = <K extends keyof T & string, R = unknown>(
  action: K,
  ...args: DispatchArgs<T[K]>
) => Promise<ExecutionResult<R>>

/** Introspection of one action: its handlers by priority and, when recorded, its execution statistics. */
export interface ActionStatsSummary {
  action: string
  handlerCount: number
  totalHandlers: number
  handlersByPriority: Array<{ priority: number; handlers: Array<{ id: string; tags: string[]; category?: string | undefined; description?: string | undefined; version?: string | undefined; metadata?: Record<string, any> | undefined }> }>
  executionStats?: { totalExecutions: number; averageDuration: number; successRate: number; errorCount: number; abortCount: number } | undefined
}

/** Introspection of a whole register: its actions, handler counts and execution modes. */
export interface ActionRegistryInfo {
  name: string
  totalActions: number
  totalHandlers: number
  registeredActions: string[]
  actionExecutionModes: Map<string, ExecutionMode>
  defaultExecutionMode: ExecutionMode
}

/** The members the Vue and Svelte bindings rely on (implemented by `ActionRegister`). */
export interface ActionRegisterLike<T extends ActionPayloadMap> {
  readonly name: string
  register<K extends keyof T & string, R = unknown>(action: K, handler: ActionHandler<T[K], R>, config?: HandlerConfig<T[K]>): UnregisterFunction
  dispatch: ActionDispatcher<T>
  dispatchWithResult: ActionDispatcherWithResult<T>
  getActionStatus<K extends keyof T & string>(action: K): ReadableStore<ActionStatus>
  observe(observer: DispatchObserver): Unsubscribe
  getHandlerCount<K extends keyof T & string>(action: K): number
  clearAll(): void
  dispose(): void
}
