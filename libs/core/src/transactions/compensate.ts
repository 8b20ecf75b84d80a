import { assertFunction, stateError } from '../shared/errors'

/** Run one step of a saga and register how to undo it. */
export type CompensationStep = <R>(run: () => R | Promise<R>, undo?: (result: R) => unknown) => Promise<R>

/** A saga failed and at least one undo failed too; `errors[0]` (and `cause`) is the original failure. */
export class CompensationError extends AggregateError {
  // Declared here too, so that they are typed where `AggregateError` (lib ES2021) or `Error.cause` (lib ES2022) is not.
  /** The original failure, then the error of each undo step that failed. */
  declare readonly errors: unknown[]
  /** The original failure. */
  declare readonly cause: unknown
  constructor(original: unknown, undoErrors: unknown[]) {
    const reason = original instanceof Error ? original.message : String(original)
    super([original, ...undoErrors], `compensate: ${reason}; ${undoErrors.length} undo step(s) failed as well`, { cause: original })
    this.name = 'CompensationError'
  }
}

/**
 * Run multi-step async work whose steps are not store writes; on failure, undo completed steps in reverse order.
 * @example await compensate(async (step) => { const p = await step(() => pay(order), (p) => refund(p.id)); await step(() => confirm(order)) })
 */
export async function compensate<R>(body: (step: CompensationStep) => Promise<R> | R): Promise<R> {
  assertFunction('compensate', 'body', body)
  const undos: Array<() => unknown> = []
  // Steps still running: after a failure they are waited for, so one the body did not await (a `Promise.all`
  // sibling of the failed step) is undone too once it completes. Each is tracked by a promise of its own that never
  // rejects, so the step's promise gets no handler from here: a rejection the body ignores is still reported.
  const running = new Set<Promise<void>>()
  let failed = false
  const step: CompensationStep = (run, undo) => {
    let finish!: () => void
    const finished = new Promise<void>((resolve) => (finish = resolve))
    running.add(finished)
    return (async () => {
      try {
        assertFunction('compensate step', 'run', run)
        if (undo !== undefined) assertFunction('compensate step', 'undo', undo)
        if (failed) throw stateError('compensate step', 'the saga already failed and is undoing its steps; no new step runs')
        const result = await run()
        if (undo) undos.push(() => undo(result))
        return result
      } finally {
        running.delete(finished)
        finish()
      }
    })()
  }
  try {
    return await body(step)
  } catch (error) {
    failed = true
    while (running.size) await Promise.all(running)
    const undoErrors: unknown[] = []
    for (const undo of undos.reverse()) {
      try {
        await undo()
      } catch (undoError) {
        undoErrors.push(undoError)
      }
    }
    if (undoErrors.length) throw new CompensationError(error, undoErrors)
    throw error
  }
}
