import type { ActionStatsBook } from './action-stats'
import type { ActionStatusBook, DispatchEnding, StatusEntry } from './action-status'
import type { ConcurrencyPolicy, DispatchEvent, DispatchObserver, DispatchOptions, ExecutionMode, ExecutionResult } from './action-types'
import { assertAction, assertDispatchOptions } from './dispatch-options'
import { DispatchClock, emptyRun, pipelineResult, type Run } from './dispatch-result'
import { stateError } from '../shared/errors'
import type { Guard } from './guard'
import { applyFilter } from './handler-filter'
import type { HandlerList } from './handler-list'
import type { Registration } from './handler-registration'
import { Pipeline, type Continuation, type HandlerHook } from './pipeline'

const SIGNAL_ABORT = 'Action dispatch aborted by signal'
const SUPERSEDED = 'Superseded by a newer dispatch'

/**
 * What the dispatcher reads of its register: the `ActionRegister` itself, whose private members most of these are
 * (declared here, not typed from the register, so that the dispatcher does not import the register that imports it).
 */
export interface DispatchHost {
  readonly name: string
  readonly settings: { readonly strict: boolean; readonly maxRetries: number; readonly retryDelay: number }
  readonly guard: Guard
  readonly stats: ActionStatsBook
  readonly status: ActionStatusBook
  readonly observers: Set<DispatchObserver>
  disposed: boolean
  readonly table: Map<string, HandlerList>
  getActionExecutionMode(action: string): ExecutionMode
  getActionConcurrency(action: string): ConcurrencyPolicy
}

export interface DispatchOutcome extends DispatchEnding {
  /** Built only when the caller asked for it. */
  result: ExecutionResult<any> | null
}

/** Dispatches of one action: the running pipelines, in order, and the end of the queue. */
interface Lane {
  // An array, not a Set: a Set hashes every new member and shrinks its table when it empties, about 150 ns a dispatch.
  active: Pipeline[]
  queued: Promise<void> | null
}

/** What a dispatch's promise settles with (see `Dispatcher.dispatch`). */
export type Reply = 'outcome' | 'result' | 'void'

/** How a dispatch that threw ended, for its status. */
const thrown = (error: unknown): DispatchEnding => ({ failed: true, error, aborted: false, abortReason: undefined })

/**
 * One dispatch: what its steps share. An object rather than the frame of one `async` function: V8 makes that frame on
 * every call, waiting or not, and for the whole dispatch it came to about 1 kB; a dispatch whose handlers settle at
 * once now makes no promise but the one it returns.
 */
interface Call {
  readonly fn: string
  readonly id: number
  readonly action: string
  readonly payload: unknown
  readonly options: DispatchOptions | undefined
  readonly withResult: boolean
  readonly reply: Reply
  readonly clock: DispatchClock | null
  signal: AbortSignal | undefined
  /** `autoAbort`'s controller. */
  controller: AbortController | undefined
  /** Set once the dispatch passed its guards and counts as running: its lane, and its action's status entry. */
  lane: Lane | undefined
  status: StatusEntry | undefined
  /** Ends its wait in a `queue` lane, letting the next one go. */
  release: (() => void) | undefined
  onAbort: (() => void) | undefined
  /** Removes `autoAbort`'s link from the caller's signal (see `unlink`). */
  unlink: (() => void) | undefined
}

/** The dispatch policy around the pipeline kernel: validation, guards, concurrency, signals, status, stats, events. */
export class Dispatcher implements Continuation<Call> {
  private readonly lanes = new Map<string, Lane>()
  private count = 0

  constructor(private readonly host: DispatchHost) {}

  /**
   * Run a dispatch of `action`. `reply` is what its promise settles with: the outcome (`'outcome'`), its result
   * (`'result'`, built only then), or nothing, rejecting when a handler failed (`'void'`); answering here rather than
   * in a `then` of the caller saves a promise and a microtask per dispatch. Bad input rejects; nothing is thrown.
   */
  dispatch(fn: string, action: string, payload: unknown, options: DispatchOptions | undefined, withResult: boolean): Promise<DispatchOutcome>
  dispatch(fn: string, action: string, payload: unknown, options: DispatchOptions | undefined, withResult: boolean, reply: Reply): Promise<unknown>
  dispatch(fn: string, action: string, payload: unknown, options: DispatchOptions | undefined, withResult: boolean, reply: Reply = 'outcome'): Promise<unknown> {
    try {
      return Promise.resolve(this.open(fn, action, payload, options, withResult, reply))
    } catch (error) {
      return Promise.reject(error)
    }
  }

  /** Checks the call, links `autoAbort`'s controller, and runs it: its reply, or a promise of it while a step waits. */
  private open(fn: string, action: string, payload: unknown, options: DispatchOptions | undefined, withResult: boolean, reply: Reply): unknown {
    const host = this.host
    // The clock is read only for those who read durations: observers, results, and the statistics once read.
    const clock = host.observers.size !== 0 || withResult || host.stats.timing ? new DispatchClock() : null
    if (host.disposed) throw stateError(fn, `register "${host.name}" was disposed`)
    assertAction(fn, action)
    assertDispatchOptions(fn, options)
    // Every field from the start, so that every call has the same shape.
    const call: Call = { fn, id: ++this.count, action, payload, options, withResult, reply, clock, signal: options?.signal, controller: undefined, lane: undefined, status: undefined, release: undefined, onAbort: undefined, unlink: undefined }
    const auto = options?.autoAbort
    return auto?.enabled ? this.linked(call, auto) : this.admit(call)
  }

  // The steps that wait or link are methods of their own: a function's closures cost a context on every call of it,
  // whether the closures are made or not.

  /** `admit(call)` under `autoAbort`. */
  private linked(call: Call, auto: NonNullable<DispatchOptions['autoAbort']>): unknown {
    // As upstream: a controller of its own, aborted with the caller's signal, handed out, and the signal of the dispatch.
    const outer = call.signal
    const controller = (call.controller = new AbortController())
    const link = () => controller.abort(outer!.reason)
    outer?.addEventListener('abort', link)
    if (outer?.aborted) link()
    auto.onControllerCreated?.(controller)
    call.signal = controller.signal
    // The caller's signal may outlive many dispatches: the link goes when this one ends, before its caller resumes.
    call.unlink = () => outer?.removeEventListener('abort', link)
    try {
      return this.admit(call)
    } catch (error) {
      this.unlink(call)
      throw error
    }
  }

  /** `autoAbort`'s link leaves the caller's signal as the dispatch ends, once, before its caller resumes. */
  private unlink(call: Call): void {
    const unlink = call.unlink
    call.unlink = undefined
    unlink?.()
  }

  /** The guards: a signal aborted already, no handlers, throttle and debounce. */
  private admit(call: Call): unknown {
    const host = this.host
    const { action, options } = call
    if (host.observers.size !== 0) this.emit({ type: 'start', dispatchId: call.id, action, payload: call.payload, time: call.clock!.startTime })
    if (call.signal?.aborted) return this.exit(call, this.early(call, false, SIGNAL_ABORT))
    const registered = host.table.get(action)?.snapshot()
    if (registered === undefined) return this.exit(call, this.noHandlers(call))
    const candidates = applyFilter(registered, options?.filter)
    // The option, else the first handler that sets it.
    let throttle = options?.throttle
    let debounce = options?.debounce
    for (const { info } of candidates) {
      throttle ??= info.throttle
      debounce ??= info.debounce
    }
    if (throttle !== undefined && !host.guard.throttle(action, throttle)) return this.exit(call, this.early(call, true, 'Throttled execution'))
    return debounce === undefined ? this.enter(call, candidates) : this.debounced(call, debounce)
  }

  private debounced(call: Call, debounce: number): Promise<unknown> {
    const host = this.host
    return host.guard.debounce(call.action, debounce).then((verdict) => {
      if (verdict === 'superseded') return this.exit(call, this.early(call, true, 'Debounced execution'))
      if (verdict === 'cancelled') return this.exit(call, this.early(call, true, host.disposed ? 'Register disposed' : 'Register cleared'))
      // The handlers are read again after the wait, so handlers removed meanwhile do not run.
      return this.enter(call, undefined)
    })
  }

  /** The concurrency policy; past it the dispatch counts as running, and a `queue` one waits for those before it. */
  private enter(call: Call, snapshot: readonly Registration[] | undefined): unknown {
    const host = this.host
    const { action } = call
    const policy = call.options?.concurrency ?? host.getActionConcurrency(action)
    let lane = this.lanes.get(action)
    if (lane === undefined) this.lanes.set(action, (lane = { active: [], queued: null }))
    if (policy === 'takeFirst' && lane.active.length !== 0) return this.exit(call, this.early(call, true, `Dropped: "${action}" is already running`))
    if (policy === 'takeLatest') for (const pipeline of lane.active) pipeline.abort(SUPERSEDED)
    call.status = host.status.begin(action)
    call.lane = lane
    return policy === 'queue' ? this.queued(call, lane) : this.launch(call, snapshot)
  }

  private queued(call: Call, lane: Lane): Promise<unknown> {
    // Pipelines still starting (a handler dispatching before its first await) are waited for too.
    const before = [...lane.active.map((pipeline) => pipeline.done()), lane.queued]
    const mine = new Promise<void>((resolve) => (call.release = resolve))
    lane.queued = mine
    return Promise.all(before).then(() => {
      // Stryker disable next-line ConditionalExpression: a settled promise left as the end of the queue only costs the next queued dispatch one await
      if (lane.queued === mine) lane.queued = null
      // Read again after the wait, as after a debounce.
      return this.launch(call, undefined)
    })
  }

  /** Runs the handlers; whatever happens from here, the dispatch ends through `close`. */
  private launch(call: Call, snapshot: readonly Registration[] | undefined): unknown {
    const host = this.host
    const { action, options, signal } = call
    if (host.disposed) return this.close(call, this.early(call, false, 'Register disposed'))
    if (signal?.aborted) return this.close(call, this.early(call, false, SIGNAL_ABORT))
    let handlers = snapshot
    if (handlers === undefined) {
      // The snapshot is taken after any wait, so handlers removed meanwhile do not run.
      const registered = host.table.get(action)?.snapshot()
      if (registered === undefined) return this.close(call, this.noHandlers(call))
      try {
        handlers = applyFilter(registered, options?.filter)
      } catch (error) {
        // A filter's `custom` function threw: the dispatch fails with its error.
        this.fail(call, error)
      }
    }
    const mode = options?.executionMode ?? host.getActionExecutionMode(action)
    // Handlers are timed only for those who read their durations: observers and dispatchWithResult.
    const observed = host.observers.size !== 0
    const timeout = options?.timeout ?? options?.result?.timeout
    const retries = options?.retries
    // Stryker disable next-line ConditionalExpression: a fast path; the copy with both undefined limits handlers the same
    const limits = timeout === undefined && retries === undefined ? host.settings : { ...host.settings, timeout, retries }
    const pipeline = new Pipeline(handlers, mode, call.payload, observed ? this.hook(call.id, action) : null, observed || call.withResult, limits)
    call.lane!.active.push(pipeline)
    if (signal !== undefined) this.listen(call, signal, pipeline)
    // `run` does not throw: what handlers throw becomes the pipeline's outcome. A pipeline still running ends the
    // dispatch through `resume`, inside the promise it returned.
    return pipeline.run(this, call) ?? this.resume(call, pipeline)
  }

  private listen(call: Call, signal: AbortSignal, pipeline: Pipeline): void {
    signal.addEventListener('abort', (call.onAbort = () => pipeline.abort(SIGNAL_ABORT)))
  }

  /** The pipeline of `call` is over: out of its lane, unlinked from the signal. */
  private leave(call: Call, pipeline: Pipeline): void {
    call.signal?.removeEventListener('abort', call.onAbort!)
    const { active } = call.lane!
    // Usually the last one: popped, where `splice` would allocate the removed part.
    // Stryker disable next-line ConditionalExpression,ArithmeticOperator: a fast path; `splice` at its index removes the same pipeline
    if (active[active.length - 1] === pipeline) active.pop()
    else active.splice(active.indexOf(pipeline), 1)
  }

  /** The end of a dispatch whose handlers ran (also its pipeline's continuation, once it waited). */
  resume(call: Call, pipeline: Pipeline): unknown {
    let outcome: DispatchOutcome
    try {
      this.leave(call, pipeline)
      // Only with `autoAbort.enabled` is there a controller to abort.
      if (call.options?.autoAbort?.allowHandlerAbort && pipeline.abortedBy !== undefined) call.controller?.abort(pipeline.abortReason)
      outcome = this.end(call, pipeline, false, call.withResult ? call.options?.result : null)
    } catch (error) {
      this.fail(call, error)
    }
    return this.close(call, outcome)
  }

  /** The end of a dispatch that counted as running: its status and lane hear of it, then the caller. */
  private close(call: Call, outcome: DispatchOutcome): unknown {
    this.ended(call, outcome)
    return this.answer(call, outcome)
  }

  /** A running dispatch threw `error` (a filter or a result merger did): it ends as failed, with that error. */
  private fail(call: Call, error: unknown): never {
    this.ended(call, thrown(error))
    throw error
  }

  private ended(call: Call, ending: DispatchEnding): void {
    const { action } = call
    try {
      call.release?.()
      this.host.status.end(call.status!, ending, ending.abortReason === SUPERSEDED)
      // The lane and the running count stay while the action has handlers: dispatching again needs no new ones.
      // Stryker disable next-line ConditionalExpression: forgetting an idle action that still has handlers only makes its next dispatch create its lane and count again
      if (!this.host.table.has(action)) this.forget(action)
    } finally {
      // Also when a status listener threw.
      this.unlink(call)
    }
  }

  /** The end of a dispatch before it counted as running (`close` ends those that did). */
  private exit(call: Call, outcome: DispatchOutcome): unknown {
    this.unlink(call)
    return this.answer(call, outcome)
  }

  /** What the caller of `call` gets (see `dispatch`). */
  private answer(call: Call, outcome: DispatchOutcome): unknown {
    if (call.reply === 'outcome') return outcome
    if (call.reply === 'result') return outcome.result
    if (outcome.failed) throw outcome.error
    return undefined
  }

  /** `action` has no handlers left: its lane and idle count go, unless a dispatch of it is still running. */
  forget(action: string): void {
    if (this.host.status.forget(action)) this.lanes.delete(action)
  }

  /** `forget` every action that has a lane. */
  forgetAll(): void {
    for (const action of this.lanes.keys()) this.forget(action)
  }

  /** Cancel, with `reason`, the running invocations whose registration `which` picks (race losers are cancelled already). */
  cancel(which: (registration: Registration) => boolean, reason: string): void {
    for (const lane of this.lanes.values()) {
      for (const pipeline of lane.active) for (const invocation of pipeline.running()) if (which(invocation.entry as Registration)) invocation.cancel(reason)
    }
  }

  /** The end of `call`: stats, observers, and its outcome; `dropped` only for early exits that refused it. */
  private end(call: Call, run: Run, dropped: boolean, result: DispatchOptions['result'] | null): DispatchOutcome {
    const { id, action, clock } = call
    const failed = run.failed > 0
    const duration = clock === null ? undefined : performance.now() - clock.start
    // Early exits (nothing ran) are not counted.
    if (run instanceof Pipeline) this.host.stats.record(action, duration, failed, run.aborted)
    // Stryker disable next-line ConditionalExpression: emitting to no observer does nothing
    if (this.host.observers.size !== 0) {
      // A dropped dispatch is aborted in its result, but was never started, so there is nothing to abort.
      if (run.aborted && !dropped) this.emit({ type: 'abort', dispatchId: id, action, reason: run.abortReason, handlerId: run.abortedBy })
      // The duration is 0 for an observer added while the dispatch ran: its start was not timed.
      // A dropped dispatch had no `abort` event to carry its reason: its end does.
      this.emit({ type: 'end', dispatchId: id, action, outcome: dropped ? 'dropped' : failed ? 'failed' : run.aborted ? 'aborted' : 'completed', duration: duration ?? 0, handlers: run.executions, reason: dropped ? run.abortReason : undefined })
    }
    return {
      failed,
      error: failed ? run.errors[0].error : undefined,
      aborted: run.aborted,
      abortReason: run.abortReason,
      result: result === null ? null : pipelineResult(clock!, run, run.executions, result),
    }
  }

  private noHandlers(call: Call): DispatchOutcome {
    const { fn, action } = call
    const error = this.host.settings.strict ? stateError(fn, `no handler is registered for "${action}" (registry.strict is on)`) : undefined
    return this.early(call, false, undefined, error)
  }

  /**
   * A dispatch that ended before any handler ran (`dropped`: refused by throttle, debounce or concurrency); its result
   * (only when asked for) is that of a pipeline that ran nothing.
   */
  private early(call: Call, dropped: boolean, abortReason?: string, error?: Error): DispatchOutcome {
    if (error !== undefined) this.emit({ type: 'error', dispatchId: call.id, action: call.action, handlerId: 'pipeline', error })
    return this.end(call, emptyRun(abortReason, error), dropped, call.withResult ? undefined : null)
  }

  private hook(id: number, action: string): HandlerHook {
    return ({ id: handlerId, priority, outcome, duration }, error) => {
      const event: DispatchEvent = { type: 'handler', dispatchId: id, action, handlerId, priority, outcome, duration }
      if (outcome === 'failed') event.error = error
      this.emit(event)
      if (outcome === 'failed') this.emit({ type: 'error', dispatchId: id, action, handlerId, error })
    }
  }

  private emit(event: DispatchEvent): void {
    for (const observer of this.host.observers) {
      try {
        observer(event)
      } catch {
        // An observer is a bystander: its failure must not change the dispatch it watches.
      }
    }
  }
}
