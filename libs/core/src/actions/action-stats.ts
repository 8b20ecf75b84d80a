import type { ActionStatsSummary } from './action-types'

export type ExecutionStats = NonNullable<ActionStatsSummary['executionStats']>

interface Tally {
  total: number
  duration: number
  successes: number
  errors: number
  aborts: number
}

/** Execution statistics per action; early exits (nothing ran) are not counted. */
export class ActionStatsBook {
  private readonly tallies = new Map<string, Tally>()

  record(action: string, duration: number, failed: boolean, aborted: boolean): void {
    let tally = this.tallies.get(action)
    if (tally === undefined) this.tallies.set(action, (tally = { total: 0, duration: 0, successes: 0, errors: 0, aborts: 0 }))
    tally.total++
    tally.duration += duration
    if (failed) tally.errors++
    if (aborted) tally.aborts++
    if (!failed && !aborted) tally.successes++
  }

  get(action: string): ExecutionStats | undefined {
    const tally = this.tallies.get(action)
    return tally && {
      totalExecutions: tally.total,
      averageDuration: tally.duration / tally.total,
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
