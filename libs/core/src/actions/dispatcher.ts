import type { ActionStatsBook } from './action-stats'
import type { ActionStatusBook, DispatchEnding } from './action-status'
import type { ConcurrencyPolicy, DispatchEvent, DispatchObserver, DispatchOptions, ExecutionMode, ExecutionResult } from './action-types'
import { assertAction, assertDispatchOptions } from './dispatch-options'
import { DispatchClock, emptyRun, pipelineResult, type Run } from './dispatch-result'
import { stateError } from '../shared/errors'
import type { Guard } from './guard'
import { applyFilter } from './handler-filter'
import type { HandlerList } from './handler-list'
import type { Registration } from './handler-registration'
import { Pipeline, type HandlerHook } from './pipeline'

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

const copy = (pipeline: Run) => pipeline.executions.map((h) => ({ ...h }))

/** The dispatch policy around the pipeline kernel: validation, guards, concurrency, signals, status, stats, events. */
export class Dispatcher {
  private readonly lanes = new Map<string, Lane>()
  private count = 0

  constructor(private readonly host: DispatchHost) {}

  /**
   * Run a dispatch of `action`. `reply` is what its promise settles with: the outcome (`'outcome'`), its result
   * (`'result'`, built only then), or nothing, rejecting when a handler failed (`'void'`); answering here rather than
   * in a `then` of the caller saves a promise and a microtask per dispatch.
   */
  dispatch(fn: string, action: string, payload: unknown, options: DispatchOptions | undefined, withResult: boolean): Promise<DispatchOutcome>
  dispatch(fn: string, action: string, payload: unknown, options: DispatchOptions | undefined, withResult: boolean, reply: Reply): Promise<unknown>
  async dispatch(fn: string, action: string, payload: unknown, options: DispatchOptions | undefined, withResult: boolean, reply: Reply = 'outcome'): Promise<unknown> {
    const host = this.host
    // The clock is read only for those who read durations: observers, results, and the statistics once read.
    const clock = host.observers.size !== 0 || withResult || host.stats.timing ? new DispatchClock() : null
    if (host.disposed) throw stateError(fn, `register "${host.name}" was disposed`)
    assertAction(fn, action)
    assertDispatchOptions(fn, options)
    const id = ++this.count
    let signal = options?.signal
    const auto = options?.autoAbort
    let controller: AbortController | undefined
    let unlink: (() => void) | undefined
    if (auto?.enabled) {
      // As upstream: a controller of its own, aborted with the caller's signal, handed out, and the signal of the dispatch.
      const outer = signal
      const link = () => controller!.abort(outer!.reason)
      controller = new AbortController()
      outer?.addEventListener('abort', link)
      if (outer?.aborted) link()
      auto.onControllerCreated?.(controller)
      signal = controller.signal
      // The caller's signal may outlive many dispatches: the link goes when this one ends (see `finally`).
      unlink = () => outer?.removeEventListener('abort', link)
    }
    try {
      if (host.observers.size !== 0) this.emit({ type: 'start', dispatchId: id, action, payload, time: clock!.startTime })
      if (signal?.aborted) return this.reply(this.early(id, action, clock, withResult, false, SIGNAL_ABORT), reply)
      const registered = host.table.get(action)?.snapshot()
      if (registered === undefined) return this.reply(this.noHandlers(fn, id, action, clock, withResult), reply)
      const candidates = applyFilter(registered, options?.filter)
      // The option, else the first handler that sets it.
      let throttle = options?.throttle
      let debounce = options?.debounce
      for (const { info } of candidates) {
        throttle ??= info.throttle
        debounce ??= info.debounce
      }
      if (throttle !== undefined && !host.guard.throttle(action, throttle)) return this.reply(this.early(id, action, clock, withResult, true, 'Throttled execution'), reply)
      if (debounce !== undefined) {
        const verdict = await host.guard.debounce(action, debounce)
        if (verdict === 'superseded') return this.reply(this.early(id, action, clock, withResult, true, 'Debounced execution'), reply)
        if (verdict === 'cancelled') return this.reply(this.early(id, action, clock, withResult, true, host.disposed ? 'Register disposed' : 'Register cleared'), reply)
      }
      const policy = options?.concurrency ?? host.getActionConcurrency(action)
      let lane = this.lanes.get(action)
      if (lane === undefined) this.lanes.set(action, (lane = { active: [], queued: null }))
      if (policy === 'takeFirst' && lane.active.length !== 0) {
        return this.reply(this.early(id, action, clock, withResult, true, `Dropped: "${action}" is already running`), reply)
      }
      if (policy === 'takeLatest') for (const pipeline of lane.active) pipeline.abort(SUPERSEDED)
      host.status.begin(action)
      let snapshot: readonly Registration[] | undefined = debounce === undefined ? candidates : undefined
      let ending: DispatchEnding | undefined
      let release: (() => void) | undefined
      try {
        if (policy === 'queue') {
          // Pipelines still starting (a handler dispatching before its first await) are waited for too.
          const before = [...lane.active.map((pipeline) => pipeline.done()), lane.queued]
          const mine = new Promise<void>((resolve) => (release = resolve))
          lane.queued = mine
          await Promise.all(before)
          // Stryker disable next-line ConditionalExpression: a settled promise left as the end of the queue only costs the next queued dispatch one await
          if (lane.queued === mine) lane.queued = null
          snapshot = undefined
        }
        if (host.disposed) return this.reply((ending = this.early(id, action, clock, withResult, false, 'Register disposed')), reply)
        if (signal?.aborted) return this.reply((ending = this.early(id, action, clock, withResult, false, SIGNAL_ABORT)), reply)
        if (snapshot === undefined) {
          // The snapshot is taken after any wait, so handlers removed meanwhile do not run.
          const registered = host.table.get(action)?.snapshot()
          if (registered === undefined) return this.reply((ending = this.noHandlers(fn, id, action, clock, withResult)), reply)
          snapshot = applyFilter(registered, options?.filter)
        }
        const mode = options?.executionMode ?? host.getActionExecutionMode(action)
        // Handlers are timed only for those who read their durations: observers and dispatchWithResult.
        const observed = host.observers.size !== 0
        const { maxRetries, retryDelay } = host.settings
        const limits = { timeout: options?.timeout ?? options?.result?.timeout, retries: options?.retries, maxRetries, retryDelay }
        const pipeline = new Pipeline(snapshot, mode, payload, observed ? this.hook(id, action) : null, observed || withResult, limits)
        lane.active.push(pipeline)
        const onAbort = () => pipeline.abort(SIGNAL_ABORT)
        signal?.addEventListener('abort', onAbort)
        try {
          const running = pipeline.run()
          if (running !== undefined) await running
        } finally {
          signal?.removeEventListener('abort', onAbort)
          const { active } = lane
          // Usually the last one: popped, where `splice` would allocate the removed part.
          // Stryker disable next-line ConditionalExpression,ArithmeticOperator: a fast path; `splice` at its index removes the same pipeline
          if (active[active.length - 1] === pipeline) active.pop()
          else active.splice(active.indexOf(pipeline), 1)
        }
        if (auto?.allowHandlerAbort && pipeline.abortedBy !== undefined) controller!.abort(pipeline.abortReason)
        return this.reply((ending = this.end(id, action, clock, pipeline, false, withResult ? options?.result : null)), reply)
      } catch (error) {
        // Set already when the error is the failure `reply` rejects with.
        ending ??= { failed: true, error, aborted: false, abortReason: undefined }
        throw error
      } finally {
        release?.()
        host.status.end(action, ending!, ending!.abortReason === SUPERSEDED)
        // The lane and the running count stay while the action has handlers: dispatching again needs no new ones.
        // Stryker disable next-line ConditionalExpression: forgetting an idle action that still has handlers only makes its next dispatch create its lane and count again
        if (!host.table.has(action)) this.forget(action)
      }
    } finally {
      unlink?.()
    }
  }

  private reply(outcome: DispatchOutcome, reply: Reply): unknown {
    if (reply === 'outcome') return outcome
    if (reply === 'result') return outcome.result
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

  /** The end of dispatch `id`: stats, observers, and what the caller gets; `dropped` only for early exits that refused it. */
  private end(id: number, action: string, clock: DispatchClock | null, run: Run, dropped: boolean, result: DispatchOptions['result'] | null): DispatchOutcome {
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
      this.emit({ type: 'end', dispatchId: id, action, outcome: dropped ? 'dropped' : failed ? 'failed' : run.aborted ? 'aborted' : 'completed', duration: duration ?? 0, handlers: copy(run), reason: dropped ? run.abortReason : undefined })
    }
    return {
      failed,
      error: failed ? run.errors[0].error : undefined,
      aborted: run.aborted,
      abortReason: run.abortReason,
      result: result === null ? null : pipelineResult(clock!, run, copy(run), result),
    }
  }

  private noHandlers(fn: string, id: number, action: string, clock: DispatchClock | null, withResult: boolean): DispatchOutcome {
    const error = this.host.settings.strict ? stateError(fn, `no handler is registered for "${action}" (registry.strict is on)`) : undefined
    return this.early(id, action, clock, withResult, false, undefined, error)
  }

  /**
   * A dispatch that ended before any handler ran (`dropped`: refused by throttle, debounce or concurrency); its result
   * (only when asked for) is that of a pipeline that ran nothing.
   */
  private early(id: number, action: string, clock: DispatchClock | null, withResult: boolean, dropped: boolean, abortReason?: string, error?: Error): DispatchOutcome {
    if (error !== undefined) this.emit({ type: 'error', dispatchId: id, action, handlerId: 'pipeline', error })
    return this.end(id, action, clock, emptyRun(abortReason, error), dropped, withResult ? undefined : null)
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
