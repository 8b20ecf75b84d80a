import type { ExecutionMode, HandlerExecution, HandlerOutcome } from './action-types'
import { assertFunction, assertNumber } from '../shared/errors'
import { callHandler, type HandlerLimits } from './handler-limits'
import { createController, Invocation, type InvocationOwner, type PipelineEntry } from './invocation'

export interface PipelineError {
  handlerId: string
  error: unknown
  timestamp: number
}

export type HandlerHook = (execution: HandlerExecution, error: unknown) => void

/** What runs once a pipeline that waited has closed (its owner's end of the run), inside the promise `run` returned. */
export interface Continuation<T = unknown> {
  resume(tag: T, pipeline: Pipeline): unknown
}

/** Insert `value` after every entry whose key is ≤ `key`; keys keep parallel results in priority order. */
function insertKeyed<V>(values: V[], keys: number[], key: number, value: V): void {
  let at = keys.length
  // Stryker disable next-line ConditionalExpression,EqualityOperator: at 0, `keys[-1]` is undefined and `undefined > key` is false, so the loop stops there anyway
  while (at > 0 && keys[at - 1] > key) at--
  values.splice(at, 0, value)
  keys.splice(at, 0, key)
}

/** `list` with `value` appended; an empty list becomes a new array of one, where its first push would reserve room for 16. */
function append<V>(list: V[], value: V): V[] {
  // Stryker disable next-line ConditionalExpression: pushing onto the empty list gives the same list, only with room for 16
  if (list.length === 0) return [value]
  list.push(value)
  return list
}

/**
 * Runs one snapshot of handlers in one execution mode. Knows nothing about registration:
 * the owner supplies entries, and reads the outcome from the public fields when `run()` settles.
 */
export class Pipeline implements InvocationOwner {
  payload: unknown
  aborted = false
  abortReason: string | undefined
  /** The handler that called `controller.abort`, when one did (not a signal, a newer dispatch or an unregister). */
  abortedBy: string | undefined
  terminated = false
  returnValue: unknown
  closed = false
  executed = 0
  skipped = 0
  failed = 0
  /**
   * Each handler's outcome by index once settled, and its duration when timed: arrays, not an execution object per
   * handler, which only observers and results read (`executions` builds them).
   */
  private readonly outcomes: (HandlerOutcome | undefined)[]
  private readonly durations: number[] | null
  readonly errors: PipelineError[] = []
  results: unknown[] = []
  /** Parallel mode: the index of the handler of each error and each result. */
  private errorKeys: number[] | undefined
  private resultKeys: number[] | undefined
  /**
   * Every invocation started, in order: the first `executed` slots of an array made on the first start, as long as the
   * snapshot (growing by pushes would reserve room for 16).
   */
  private started: Invocation[] | null = null
  /** Sequential mode: the promises of the non-blocking handlers still running. */
  private pending: Promise<void>[] | null = null
  private jumpFrom = -1
  private jumpTo = 0
  private raceDone: (() => void) | null = null
  private whenDone: Promise<void> | null = null
  private resolveDone: (() => void) | null = null

  /** `timed: false` skips timing the handlers (durations stay 0), for dispatches nobody is watching. */
  constructor(
    readonly entries: readonly PipelineEntry[],
    readonly mode: ExecutionMode,
    payload: unknown,
    private readonly onHandler: HandlerHook | null = null,
    private readonly timed = true,
    /** Timeouts and retries; without them handlers are called directly. */
    private readonly limits: HandlerLimits | null = null,
  ) {
    this.payload = payload
    // Stryker disable next-line ArrayDeclaration: the size only saves the array growing; an empty one holds the same
    this.outcomes = new Array(entries.length)
    // Stryker disable next-line ArrayDeclaration: as above
    this.durations = timed ? new Array(entries.length) : null
  }

  /** What each handler did (a new list on each read); a handler not reached yet is `skipped` until the pipeline closes. */
  get executions(): HandlerExecution[] {
    // Stryker disable next-line StringLiteral: every execution is settled (by its handler or by `close`) before the dispatcher reads them
    return this.entries.map((e, i) => ({ id: e.id, priority: e.priority, outcome: this.outcomes[i] ?? 'skipped', duration: this.durations?.[i] ?? 0 }))
  }

  /**
   * Runs the handlers; the promise is returned only while some are still running (a synchronous pipeline closes at
   * once). It settles as `then.resume(tag, this)` returns once the pipeline has closed: no promise of the owner's own.
   */
  run<T>(then?: Continuation<T>, tag?: T): Promise<unknown> | undefined {
    if (this.mode === 'sequential') return this.sequential(then, tag)
    const running = this.concurrent(then, tag)
    return this.closed ? undefined : running
  }

  /** The invocations whose handler has not settled yet. */
  running(): Invocation[] {
    const running: Invocation[] = []
    for (let i = 0; i < this.executed; i++) if (!this.started![i].finished) running.push(this.started![i])
    return running
  }

  /** Stop starting handlers and abort the signals of the running ones. Last reason wins. */
  abort(reason: string | undefined, by?: string): void {
    if (this.closed) return
    this.aborted = true
    this.abortReason = reason
    this.abortedBy = by
    // Loops over `started` rather than `running()`: no array per dispatch.
    for (let i = 0; i < this.executed; i++) if (!this.started![i].finished) this.started![i].cancel(reason)
  }

  /**
   * Starts handlers from index `i` on, while each one settles at once or does not block the next; returns the first one
   * still running that blocks the next (its `value` is its promise), or undefined once there is none left to start.
   */
  private advance(i: number): Invocation | undefined {
    while (i < this.entries.length && !this.aborted && !this.terminated && this.failed === 0) {
      const invocation = this.start(i)
      if (invocation !== undefined) {
        if (this.entries[i].blocking) return invocation
        // Stryker disable next-line ArrayDeclaration: `Promise.all` takes a string as a value: only the promises pushed are waited for
        this.pending ??= []
        this.pending.push(this.later(invocation))
      }
      i = this.next(i)
    }
    return undefined
  }

  /** The index after `i`, or, when a handler jumped, the first at most its target priority after the furthest that did. */
  private next(i: number): number {
    if (this.jumpFrom < 0) return i + 1
    let next = Math.max(i, this.jumpFrom) + 1
    // Stryker disable next-line UnaryOperator: entries come in descending priority, so past the target no later handler has a higher one, and the jump branch then steps one at a time like `i + 1`
    this.jumpFrom = -1
    while (next < this.entries.length && this.entries[next].priority > this.jumpTo) next++
    return next
  }

  /** Synchronous handlers run and settle synchronously: a promise (and an async function) only once one is still running. */
  private sequential<T>(then: Continuation<T> | undefined, tag: T): Promise<unknown> | undefined {
    const blocked = this.advance(0)
    if (blocked !== undefined || this.pending !== null) return this.wait(blocked, then, tag)
    this.close()
  }

  private async wait<T>(blocked: Invocation | undefined, then: Continuation<T> | undefined, tag: T): Promise<unknown> {
    while (blocked !== undefined) {
      // Awaited directly: no promise of our own per handler (`finish` does not throw).
      try {
        this.finish(blocked, await blocked.value, false)
      } catch (error) {
        this.finish(blocked, error, true)
      }
      blocked = this.advance(this.next(blocked.index))
    }
    if (this.pending !== null) await Promise.all(this.pending)
    return this.over(then, tag)
  }

  /** Close, then hand over to the owner's continuation. */
  private over<T>(then: Continuation<T> | undefined, tag: T): unknown {
    this.close()
    return then?.resume(tag, this)
  }

  /** Parallel and race modes start every handler at once; a race closes on its first outcome, or its first failure to start. */
  private concurrent<T>(then: Continuation<T> | undefined, tag: T): Promise<unknown> {
    const race = this.mode === 'race'
    // Stryker disable next-line ArrayDeclaration: as above, `Promise.all` waits for the promises pushed, whatever else the array holds
    const started: Promise<void>[] = []
    for (let i = 0; i < this.entries.length && !this.aborted && !this.terminated && !(race && this.failed > 0); i++) {
      const invocation = this.start(i)
      if (invocation !== undefined) started.push(this.later(invocation))
    }
    // Invocations never reject: outcomes are recorded on the pipeline.
    if (!race) return Promise.all(started).then(() => this.over(then, tag))
    const raced = new Promise<void>((resolve) => {
      this.raceDone = resolve
      // Race outcomes are all asynchronous: every handler started is still running here.
      if (this.executed === 0 || this.failed > 0) this.close()
    })
    // A race that closed at once is ended by its owner (`run` returns nothing then).
    return this.closed ? raced : raced.then(() => then?.resume(tag, this))
  }

  /** Settles `invocation` when its handler's promise does; never rejects. */
  private later(invocation: Invocation): Promise<void> {
    return Promise.resolve(invocation.value).then(
      (resolved) => this.finish(invocation, resolved, false),
      (error: unknown) => this.finish(invocation, error, true),
    )
  }

  /** Zero when not timed: the clock is not read. */
  private time(start = 0): number {
    return this.timed ? performance.now() - start : 0
  }

  /** Check and invoke handler `index`; returns the invocation while its handler is still running (`value` is its promise). */
  private start(index: number): Invocation | undefined {
    const entry = this.entries[index]
    const payload = this.payload
    let invocation: Invocation
    try {
      // `claim` does not throw: only the checks can fail here.
      if (
        (entry.condition !== undefined && !entry.condition(payload)) ||
        (entry.validation !== undefined && !entry.validation(payload)) ||
        !entry.claim((invocation = new Invocation(index, entry, this.time())))
      ) {
        this.skipped++
        this.settle(index, 'skipped')
        return
      }
    } catch (error) {
      this.fail(index, error, 0)
      return
    }
    // Stryker disable next-line ArrayDeclaration: the size only saves the array growing; an empty one holds the same
    this.started ??= new Array(this.entries.length)
    this.started[this.executed++] = invocation
    let value: unknown
    let threw = false
    try {
      const controller = createController(this, invocation)
      value = this.limits === null ? entry.handler(payload, controller) : callHandler(entry, payload, invocation, this.limits)
    } catch (error) {
      value = error
      threw = true
    }
    // Race mode keeps every outcome asynchronous, so all handlers start before the first one can win.
    if (this.mode === 'race') invocation.value = threw ? Promise.reject(value) : value
    else if (threw || value === null || (typeof value !== 'object' && typeof value !== 'function') || typeof (value as PromiseLike<unknown>).then !== 'function') {
      // Not a thenable: settled at once.
      return this.finish(invocation, value, threw)
    } else invocation.value = value
    return invocation
  }

  private finish(invocation: Invocation, value: unknown, threw: boolean): undefined {
    invocation.finished = true
    invocation.entry.done?.(invocation)
    if (invocation.settled) return
    // Stryker disable next-line BooleanLiteral: `finish` runs once per invocation, unless `close` settled it first (setting `settled` itself)
    invocation.settled = true
    const { index } = invocation
    const duration = this.time(invocation.start)
    // A handler whose signal was aborted usually rejects because of it; that is the abort, not a failure.
    if (threw && invocation.cancelled) this.settle(index, 'aborted', duration)
    else if (threw) this.fail(index, value, duration)
    else {
      if (value !== undefined && !invocation.returned) this.addResult(invocation, value)
      this.settle(index, 'completed', duration)
    }
    if (this.raceDone !== null) this.close()
  }

  private fail(index: number, error: unknown, duration: number): void {
    this.failed++
    const failure = { handlerId: this.entries[index].id, error, timestamp: Date.now() }
    if (this.mode === 'parallel') insertKeyed(this.errors, (this.errorKeys ??= []), index, failure)
    else this.errors.push(failure)
    this.settle(index, 'failed', duration, error)
  }

  private settle(index: number, outcome: HandlerOutcome, duration = 0, error?: unknown): void {
    this.outcomes[index] = outcome
    if (this.durations !== null) this.durations[index] = duration
    if (this.onHandler !== null) {
      const { id, priority } = this.entries[index]
      this.onHandler({ id, priority, outcome, duration }, error)
    }
  }

  /** Settles once the outcome is fixed; the promise is made only for those who wait (queued dispatches). */
  done(): Promise<void> {
    if (this.closed) return Promise.resolve()
    return (this.whenDone ??= new Promise<void>((resolve) => (this.resolveDone = resolve)))
  }

  /** Freeze the outcome: race losers are cancelled, handlers never reached are reported, controllers go inert. */
  private close(): void {
    // Stryker disable next-line ConditionalExpression: each run closes once: `sequential` and `parallel` at their end, a race through `raceDone`, which `close` clears
    if (this.closed) return
    this.closed = true
    this.resolveDone?.()
    for (let i = 0; i < this.executed; i++) {
      const invocation = this.started![i]
      if (invocation.finished) continue
      invocation.settled = true
      this.settle(invocation.index, 'aborted', this.time(invocation.start))
      invocation.cancel('Lost the race')
    }
    // A loop rather than `forEach`: no closure per dispatch.
    for (let i = 0; i < this.entries.length; i++) {
      if (this.outcomes[i] !== undefined) continue
      this.skipped++
      this.settle(i, this.aborted ? 'aborted' : 'skipped')
    }
    const done = this.raceDone
    this.raceDone = null
    done?.()
  }

  jump(invocation: Invocation, priority: number): void {
    assertNumber('PipelineController.jumpToPriority', 'priority', priority)
    // Stryker disable next-line ConditionalExpression,LogicalOperator: only `sequential` reads a jump, and only while it runs
    if (this.closed || this.mode !== 'sequential') return
    this.jumpFrom = Math.max(this.jumpFrom, invocation.index)
    this.jumpTo = priority
  }

  finishEarly(invocation: Invocation, value: unknown): void {
    if (this.closed) return
    this.terminated = true
    this.returnValue = value
    invocation.returned = true
  }

  addResult(invocation: Invocation, value: unknown): void {
    if (this.closed) return
    if (this.mode === 'parallel') insertKeyed(this.results, (this.resultKeys ??= []), invocation.index, value)
    else this.results = append(this.results, value)
  }

  mergeResult(invocation: Invocation, merger: (earlier: unknown[], last: unknown) => unknown): void {
    assertFunction('PipelineController.mergeResult', 'merger', merger)
    if (this.closed) return
    const n = this.results.length
    if (n === 0) this.addResult(invocation, merger([], undefined))
    else this.results[n - 1] = merger(this.results.slice(0, n - 1), this.results[n - 1])
  }

  modifyPayload(modifier: (payload: unknown) => unknown): void {
    assertFunction('PipelineController.modifyPayload', 'modifier', modifier)
    if (this.closed) return
    this.payload = modifier(this.payload)
  }
}
