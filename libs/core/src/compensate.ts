import { assertFunction } from './errors'

/** Run one step of a saga and register how to undo it. */
export type CompensationStep = <R>(run: () => R | Promise<R>, undo?: (result: R) => unknown) => Promise<R>

/** A saga failed and at least one undo failed too; `errors[0]` (and `cause`) is the original failure. */
export class CompensationError extends AggregateError {
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
  const step: CompensationStep = async (run, undo) => {
    assertFunction('compensate step', 'run', run)
    if (undo !== undefined) assertFunction('compensate step', 'undo', undo)
    const result = await run()
    if (undo) undos.push(() => undo(result))
    return result
  }
  try {
    return await body(step)
  } catch (error) {
    const undoErrors: unknown[] = []
    for (const undo of [...undos].reverse()) {
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
