import type {
  ActionDispatcher,
  ActionDispatcherWithResult,
  ActionHandler,
  ActionPayloadMap,
  ActionRegisterConfig,
  ActionRegisterLike,
  ActionRegistryInfo,
  ActionStatsSummary,
  ActionStatus,
  ConcurrencyPolicy,
  DispatchObserver,
  DispatchOptions,
  ExecutionMode,
  HandlerConfig,
  HandlerRegistration,
  UnregisterFunction,
} from './action-types'
import { ActionStatsBook } from './action-stats'
import { ActionStatusBook } from './action-status'
import { Dispatcher, type DispatchHost } from './dispatcher'
import { assertAction, assertConcurrency, assertExecutionMode } from './dispatch-options'
import { assertCount, assertDelay, assertFunction, assertName, assertOptional, assertShape, stateError } from '../shared/errors'
import { Guard } from './guard'
import { HandlerList } from './handler-list'
import { readHandlerConfig, Registration, type RegistrationHost } from './handler-registration'
import type { ReadableStore, Unsubscribe } from '../stores/store'


const CONFIG_KEYS = new Set(['name', 'registry'])
const REGISTRY_KEYS = new Set(['maxHandlers', 'defaultExecutionMode', 'defaultConcurrency', 'strict', 'debug', 'autoCleanup', 'maxRetries', 'retryDelay'])

/** Every key of `T` present and defined. */
type Defined<T> = { [K in keyof T]-?: Exclude<T[K], undefined> }

function readConfig(config: unknown): Defined<NonNullable<ActionRegisterConfig['registry']>> & { name: string } {
  const fn = 'new ActionRegister'
  if (config === undefined) config = {}
  assertShape(fn, 'config', config, CONFIG_KEYS)
  if (config.name !== undefined) assertName(fn, 'name', config.name)
  const r = config.registry ?? {}
  assertShape(fn, 'registry', r, REGISTRY_KEYS)
  assertCount(fn, 'registry.maxHandlers', r.maxHandlers, 1)
  assertExecutionMode(fn, 'registry.defaultExecutionMode', r.defaultExecutionMode, true)
  assertConcurrency(fn, 'registry.defaultConcurrency', r.defaultConcurrency, true)
  for (const key of ['strict', 'debug', 'autoCleanup']) assertOptional(fn, `registry.${key}`, r[key], 'boolean')
  assertCount(fn, 'registry.maxRetries', r.maxRetries, 0)
  assertDelay(fn, 'registry.retryDelay', r.retryDelay)
  return {
    name: config.name ?? 'ActionRegister',
    maxHandlers: r.maxHandlers ?? Infinity,
    defaultExecutionMode: r.defaultExecutionMode ?? 'sequential',
    defaultConcurrency: r.defaultConcurrency ?? 'parallel',
    strict: r.strict ?? false,
    debug: r.debug ?? false,
    autoCleanup: r.autoCleanup ?? true,
    maxRetries: r.maxRetries ?? Infinity,
    retryDelay: r.retryDelay ?? 0,
  }
}

/**
 * Typed action pipeline: handlers registered per action run by priority on every dispatch.
 * @example
 * const actions = new ActionRegister<{ save: { id: string }; reset: void }>({ name: 'app' })
 * const off = actions.register('save', async ({ id }, { signal }) => { await fetch(`/api/items/${id}`, { method: 'PUT', signal }) })
 * await actions.dispatch('save', { id: '1' })
 */
export class ActionRegister<T extends ActionPayloadMap = Record<string, any>> implements ActionRegisterLike<T> {
  readonly name: string
  private readonly settings: ReturnType<typeof readConfig>
  private readonly table = new Map<string, HandlerList>()
  private readonly modes = new Map<string, ExecutionMode>()
  private readonly policies = new Map<string, ConcurrencyPolicy>()
  private readonly guard = new Guard()
  private readonly stats = new ActionStatsBook()
  private readonly status: ActionStatusBook
  private readonly observers = new Set<DispatchObserver>()
  private readonly dispatcher: Dispatcher
  private readonly host: RegistrationHost = {
    claimed: (registration) => {
      if (registration.spent && this.settings.autoCleanup) this.remove(registration)
    },
  }
  private ids = 0
  private disposed = false

  constructor(config?: ActionRegisterConfig) {
    this.settings = readConfig(config)
    this.name = this.settings.name
    this.status = new ActionStatusBook(this.name)
    // The register is its dispatcher's host; `DispatchHost` lists the (mostly private) members the dispatcher reads.
    this.dispatcher = new Dispatcher(this as unknown as DispatchHost)
    if (this.settings.debug) this.observe((event) => console.debug(`[${this.name}] ${event.type} "${event.action}"`, event))
  }

  /** Run the handlers of `action`; rejects with the first handler error. Safe to destructure. */
  readonly dispatch: ActionDispatcher<T> = ((action: string, payload?: unknown, options?: DispatchOptions) =>
    this.dispatcher.dispatch('ActionRegister.dispatch', action, payload, options, false, 'void')) as ActionDispatcher<T>

  /** Run the handlers of `action` and describe what happened; handler errors are reported, not thrown. Safe to destructure. */
  readonly dispatchWithResult: ActionDispatcherWithResult<T> = ((action: string, payload?: unknown, options?: DispatchOptions) =>
    this.dispatcher.dispatch('ActionRegister.dispatchWithResult', action, payload, options, true, 'result')) as ActionDispatcherWithResult<T>

  register<K extends keyof T & string, R = unknown>(action: K, handler: ActionHandler<T[K], R>, config?: HandlerConfig<T[K]>): UnregisterFunction {
    const fn = 'ActionRegister.register'
    if (this.disposed) throw stateError(fn, `register "${this.name}" was disposed`)
    assertAction(fn, action)
    assertFunction(fn, 'handler', handler)
    const list = this.table.get(action) ?? new HandlerList()
    const info = readHandlerConfig(config, () => {
      // Generated ids skip the ids users chose, so a generated one never replaces their handler.
      let id: string
      do id = `handler_${++this.ids}`
      while (list.chosen.has(id))
      return id
    })
    const chosen = (config as HandlerConfig | undefined)?.id !== undefined
    const replaced = chosen ? list.chosen.get(info.id) : undefined
    if (replaced === undefined && list.size >= this.settings.maxHandlers) {
      throw stateError(fn, `action "${action}" already has ${list.size} handlers (registry.maxHandlers); unregister one or raise the limit`)
    }
    const registration = new Registration(action, handler as ActionHandler<any, any>, info, this.host)
    this.table.set(action, list)
    list.add(registration, chosen)
    if (replaced !== undefined) {
      this.remove(replaced)
      replaced.cancel('Handler replaced')
    }
    return () => {
      this.remove(registration)
      registration.cancel('Handler unregistered')
    }
  }

  private remove(registration: Registration): void {
    if (!registration.active) return
    registration.active = false
    const list = this.table.get(registration.action)!
    list.delete(registration)
    if (list.size === 0) this.forget(registration.action)
  }

  getHandlerCount<K extends keyof T & string>(action: K): number {
    return this.table.get(action)?.size ?? 0
  }

  hasHandlers<K extends keyof T & string>(action: K): boolean {
    return this.table.has(action)
  }

  /** Actions with at least one handler. */
  getRegisteredActions(): Array<keyof T & string> {
    return [...this.table.keys()] as Array<keyof T & string>
  }

  clearAction<K extends keyof T & string>(action: K): void {
    for (const registration of this.table.get(action)?.snapshot() ?? []) registration.active = false
    this.dispatcher.cancel((r) => r.action === action, `Action "${action}" cleared`)
    this.forget(action)
    this.guard.clear(action)
  }

  /** The last handler of `action` is gone: nothing kept for it may outlive it (dynamic action names would leak). */
  private forget(action: string): void {
    this.table.delete(action)
    this.dispatcher.forget(action)
  }

  /** Remove every handler, abort the signals of running handlers and cancel debounce/throttle timers. Modes, policies and stats stay. */
  clearAll(): void {
    this.clear('Register cleared')
  }

  private clear(reason: string): void {
    for (const list of this.table.values()) for (const registration of list.snapshot()) registration.active = false
    this.table.clear()
    this.dispatcher.cancel(() => true, reason)
    this.dispatcher.forgetAll()
    this.guard.clear()
  }

  /** `clearAll()`, then refuse every later `register` and `dispatch`. */
  dispose(): void {
    this.disposed = true
    this.clear('Register disposed')
    this.observers.clear()
  }

  getName(): string {
    return this.name
  }

  /** The registry settings with their defaults (a copy). */
  getRegistryConfig(): Omit<ReturnType<typeof readConfig>, 'name'> {
    const { name, ...registry } = this.settings
    return registry
  }

  /** Whether `registry.debug` logs every dispatch event. */
  isDebugEnabled(): boolean {
    return this.settings.debug
  }

  getRegistryInfo(): ActionRegistryInfo {
    let totalHandlers = 0
    for (const list of this.table.values()) totalHandlers += list.size
    return {
      name: this.name,
      totalActions: this.table.size,
      totalHandlers,
      registeredActions: [...this.table.keys()],
      actionExecutionModes: new Map(this.modes),
      defaultExecutionMode: this.settings.defaultExecutionMode,
    }
  }

  /**
   * Handlers and execution statistics of `action`; `null` when it has neither. `averageDuration` averages the
   * dispatches whose duration was measured: every dispatch once the statistics have been read (any action), and those
   * an observer watched or `dispatchWithResult` made (a dispatch nobody watches does not read the clock).
   */
  getActionStats<K extends keyof T & string>(action: K): ActionStatsSummary | null {
    const list = this.table.get(action)?.snapshot() ?? []
    const executionStats = this.stats.get(action)
    if (list.length === 0 && executionStats === undefined) return null
    const handlersByPriority: ActionStatsSummary['handlersByPriority'] = []
    for (const { id, priority, info } of list) {
      let group = handlersByPriority.at(-1)
      if (group?.priority !== priority) handlersByPriority.push((group = { priority, handlers: [] }))
      group.handlers.push({ id, tags: [...info.tags], category: info.category, description: info.description, version: info.version, metadata: info.metadata })
    }
    return { action, handlerCount: list.length, totalHandlers: list.length, handlersByPriority, ...(executionStats && { executionStats }) }
  }

  getAllActionStats(): ActionStatsSummary[] {
    return this.getRegisteredActions().map((action) => this.getActionStats(action)!)
  }

  getHandlersByTag(tag: string): Map<keyof T & string, HandlerRegistration[]> {
    return this.collect((r) => r.info.tags.includes(tag))
  }

  getHandlersByCategory(category: string): Map<keyof T & string, HandlerRegistration[]> {
    return this.collect((r) => r.info.category === category)
  }

  private collect(which: (registration: Registration) => boolean): Map<keyof T & string, HandlerRegistration[]> {
    const found = new Map<keyof T & string, HandlerRegistration[]>()
    for (const [action, list] of this.table) {
      const matching = list.snapshot().filter(which).map((r) => r.describe())
      if (matching.length > 0) found.set(action as keyof T & string, matching)
    }
    return found
  }

  setActionExecutionMode<K extends keyof T & string>(action: K, mode: ExecutionMode): void {
    assertAction('ActionRegister.setActionExecutionMode', action)
    assertExecutionMode('ActionRegister.setActionExecutionMode', 'mode', mode)
    this.modes.set(action, mode)
  }

  getActionExecutionMode<K extends keyof T & string>(action: K): ExecutionMode {
    return this.modes.get(action) ?? this.settings.defaultExecutionMode
  }

  removeActionExecutionMode<K extends keyof T & string>(action: K): void {
    this.modes.delete(action)
  }

  setActionConcurrency<K extends keyof T & string>(action: K, policy: ConcurrencyPolicy): void {
    assertAction('ActionRegister.setActionConcurrency', action)
    assertConcurrency('ActionRegister.setActionConcurrency', 'policy', policy)
    this.policies.set(action, policy)
  }

  getActionConcurrency<K extends keyof T & string>(action: K): ConcurrencyPolicy {
    return this.policies.get(action) ?? this.settings.defaultConcurrency
  }

  removeActionConcurrency<K extends keyof T & string>(action: K): void {
    this.policies.delete(action)
  }

  clearExecutionStats(): void {
    this.stats.clear()
  }

  clearActionExecutionStats<K extends keyof T & string>(action: K): void {
    this.stats.clear(action)
  }

  /** The status store of `action` (always the same store), for spinners and error messages. */
  getActionStatus<K extends keyof T & string>(action: K): ReadableStore<ActionStatus> {
    assertAction('ActionRegister.getActionStatus', action)
    return this.status.get(action)
  }

  /** Call `observer` with every dispatch event; returns the function that stops it. */
  observe(observer: DispatchObserver): Unsubscribe {
    assertFunction('ActionRegister.observe', 'observer', observer)
    const entry = (event: Parameters<DispatchObserver>[0]) => observer(event)
    this.observers.add(entry)
    return () => {
      this.observers.delete(entry)
    }
  }
}
