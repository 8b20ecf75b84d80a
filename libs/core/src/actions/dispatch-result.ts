import type { DispatchOptions, ExecutionResult, HandlerExecution } from './action-types'
import { describe } from '../shared/errors'
import type { Pipeline } from './pipeline'

/**
 * Epoch milliseconds for a `performance.now()` reading: one clock read serves both durations and timestamps. Counted
 * back from `Date.now()`, not from `performance.timeOrigin`, so timestamps agree with `Date` (and with the errors'
 * `timestamp`) when a test fakes it (`vi.setSystemTime`).
 */
const wallTime = (monotonic: number): number => Math.floor(Date.now() - performance.now() + monotonic)

/** When a dispatch was called: `start` (monotonic) for `duration`, `startTime` (epoch ms) for results and events. */
export class DispatchClock {
  readonly start = performance.now()
  get startTime(): number {
    return wallTime(this.start)
  }
}

export const startClock = (): DispatchClock => new DispatchClock()

/** `ExecutionResult.errors` holds `Error`s; anything else thrown is wrapped, the original kept as `cause`. */
export function toError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown
  return new Error(typeof thrown === 'string' ? thrown : `a handler threw ${describe(thrown)}`, { cause: thrown })
}

/** What a pipeline reports when it settles; `emptyRun` stands in for one when a dispatch ended before any handler ran. */
export type Run = Pick<Pipeline, 'results' | 'executed' | 'skipped' | 'failed' | 'aborted' | 'abortReason' | 'terminated' | 'errors' | 'executions'> & {
  abortedBy?: string | undefined
  returnValue?: unknown
}

/** A pipeline that ran nothing, aborted with `abortReason` or failed with `error` (reported by handler id `pipeline`). */
export function emptyRun(abortReason?: string, error?: unknown): Run {
  const errors = error === undefined ? [] : [{ handlerId: 'pipeline', error, timestamp: Date.now() }]
  return { results: [], executed: 0, skipped: 0, failed: errors.length, aborted: abortReason !== undefined, abortReason, terminated: false, errors, executions: [] }
}

function pick(results: unknown[], { strategy, merger }: NonNullable<DispatchOptions['result']>): unknown {
  if (results.length === 0) return undefined
  // `custom` always has a merger (validated); `merge` without one keeps the last result.
  if (merger !== undefined && (strategy === 'merge' || strategy === 'custom')) return merger(results)
  return strategy === 'first' ? results[0] : strategy === 'last' || strategy === 'merge' ? results.at(-1) : results
}

/** Freeze what a finished pipeline did into an `ExecutionResult`. */
export function pipelineResult(clock: DispatchClock, pipeline: Run, handlers: HandlerExecution[], options: DispatchOptions['result']): ExecutionResult<any> {
  // `slice(0, undefined)` copies them all.
  const results = pipeline.results.slice(0, options?.maxResults)
  const { failed, aborted } = pipeline
  const end = performance.now()
  const result: ExecutionResult<any> = {
    success: !failed && !aborted,
    aborted,
    terminated: pipeline.terminated,
    results,
    execution: {
      duration: end - clock.start,
      handlersExecuted: pipeline.executed,
      handlersSkipped: pipeline.skipped,
      handlersFailed: failed,
      startTime: clock.startTime,
      endTime: wallTime(end),
    },
    handlers,
    errors: pipeline.errors.map((e) => ({ handlerId: e.handlerId, error: toError(e.error), timestamp: e.timestamp })),
  }
  if (aborted) result.abortReason = pipeline.abortReason
  if (options?.collect === true) {
    result.result = pipeline.terminated && pipeline.returnValue !== undefined ? pipeline.returnValue : pick(results, options)
  }
  return result
}
