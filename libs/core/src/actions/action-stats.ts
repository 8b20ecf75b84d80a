import type { ActionStatsSummary } from './action-types'

export type ExecutionStats = NonNullable<ActionStatsSummary['executionStats']>

interface Tally {
  total: number
  /** The executions whose duration was measured, and the sum of those durations. */
  timed: number
  duration: number
  successes: number
  errors: number
  aborts: number
}

/**
 * Execution statistics per action; early exits (nothing ran) are not counted. Durations cost two clock reads per
 * dispatch, so they are measured only once the statistics have been read (`timing`), or when the dispatch reads the
 * clock anyway (for observers or `dispatchWithResult`); `averageDuration` averages the executions measured.
 */
export class ActionStatsBook {
  private readonly tallies = new Map<string, Tally>()
  /** Whether dispatches should measure their duration for the statistics: set by the first read. */
  timing = false

  /** `duration`: undefined when it was not measured. */
  record(action: string, duration: number | undefined, failed: boolean, aborted: boolean): void {
    let tally = this.tallies.get(action)
    if (tally === undefined) this.tallies.set(action, (tally = { total: 0, timed: 0, duration: 0, successes: 0, errors: 0, aborts: 0 }))
    tally.total++
    if (duration !== undefined) {
      tally.timed++
      tally.duration += duration
    }
    if (failed) tally.errors++
    if (aborted) tally.aborts++
    if (!failed && !aborted) tally.successes++
  }

  get(action: string): ExecutionStats | undefined {
    this.timing = true
    const tally = this.tallies.get(action)
    return tally && {
      totalExecutions: tally.total,
      averageDuration: tally.timed === 0 ? 0 : tally.duration / tally.timed,
      successRate: (tally.successes / tally.total) * 100,
      errorCount: tally.errors,
      abortCount: tally.aborts,
    }
  }

  clear(action?: string): void {
    if (action === undefined) this.tallies.clear()
    else this.tallies.delete(action)
  }
}
