import { describe, expect, it } from 'vitest'
import { ActionRegister } from './action-register'
import { ActionStatsBook } from './action-stats'

describe('ActionStatsBook', () => {
  it('knows nothing about an action before its first recorded execution', () => {
    const book = new ActionStatsBook()
    expect({ stats: book.get('save'), has: book.get('save') !== undefined }).toEqual({ stats: undefined, has: false })
  })

  it('counts successful executions and averages their durations', () => {
    const book = new ActionStatsBook()
    const seen = [] as unknown[]
    book.record('save', 10, false, false)
    seen.push(book.get('save'))
    book.record('save', 20, false, false)
    book.record('save', 0, false, false)
    seen.push(book.get('save'))
    expect(seen).toEqual([
      { totalExecutions: 1, averageDuration: 10, successRate: 100, errorCount: 0, abortCount: 0 },
      { totalExecutions: 3, averageDuration: 10, successRate: 100, errorCount: 0, abortCount: 0 },
    ])
  })

  it('counts failures and aborts apart from successes in the success rate', () => {
    const book = new ActionStatsBook()
    book.record('save', 4, false, false)
    book.record('save', 8, true, false)
    book.record('save', 12, false, true)
    book.record('save', 16, false, false)
    expect(book.get('save')).toEqual({ totalExecutions: 4, averageDuration: 10, successRate: 50, errorCount: 1, abortCount: 1 })
  })

  it('counts an execution that both failed and was aborted as an error and an abort, not a success', () => {
    const book = new ActionStatsBook()
    book.record('save', 3, true, true)
    book.record('save', 1, false, false)
    expect(book.get('save')).toEqual({ totalExecutions: 2, averageDuration: 2, successRate: 50, errorCount: 1, abortCount: 1 })
  })

  it('keeps each action separate', () => {
    const book = new ActionStatsBook()
    book.record('a', 1, false, false)
    book.record('b', 5, true, false)
    book.record('a', 3, false, true)
    expect({ a: book.get('a'), b: book.get('b'), c: book.get('c') }).toEqual({
      a: { totalExecutions: 2, averageDuration: 2, successRate: 50, errorCount: 0, abortCount: 1 },
      b: { totalExecutions: 1, averageDuration: 5, successRate: 0, errorCount: 1, abortCount: 0 },
      c: undefined,
    })
  })

  it('returns a fresh snapshot that later records do not change', () => {
    const book = new ActionStatsBook()
    book.record('a', 2, false, false)
    const before = book.get('a')
    book.record('a', 4, true, false)
    expect(before).toEqual({ totalExecutions: 1, averageDuration: 2, successRate: 100, errorCount: 0, abortCount: 0 })
  })

  it('clears one action, leaving the others, and starts it afresh', () => {
    const book = new ActionStatsBook()
    book.record('a', 10, true, false)
    book.record('b', 2, false, false)
    book.clear('a')
    const afterClear = { a: book.get('a'), hasA: book.get('a') !== undefined, hasB: book.get('b') !== undefined }
    book.clear('never-recorded')
    book.record('a', 6, false, false)
    expect({ afterClear, a: book.get('a'), b: book.get('b') }).toEqual({
      afterClear: { a: undefined, hasA: false, hasB: true },
      a: { totalExecutions: 1, averageDuration: 6, successRate: 100, errorCount: 0, abortCount: 0 },
      b: { totalExecutions: 1, averageDuration: 2, successRate: 100, errorCount: 0, abortCount: 0 },
    })
  })

  it('clears every action when called without one', () => {
    const book = new ActionStatsBook()
    book.record('a', 1, false, false)
    book.record('b', 1, false, false)
    book.clear()
    expect([book.get('a') !== undefined, book.get('b') !== undefined, book.get('a'), book.get('b')]).toEqual([false, false, undefined, undefined])
  })
})

describe('execution stats through ActionRegister', () => {
  it('records completed, failed and aborted dispatches, not early exits', async () => {
    const actions = new ActionRegister<{ go: string; idle: void }>()
    actions.register('go', (mode, { abort }) => {
      if (mode === 'fail') throw new Error('boom')
      if (mode === 'abort') abort('stop')
    })
    await actions.dispatch('go', 'ok')
    await actions.dispatch('go', 'fail').catch(() => {})
    await actions.dispatch('go', 'abort')
    await actions.dispatch('go', 'ok', { signal: AbortSignal.abort() })
    await actions.dispatch('idle')
    const stats = actions.getActionStats('go')!.executionStats!
    const summary = { ...stats, averageDuration: stats.averageDuration >= 0 }
    actions.clearActionExecutionStats('go')
    const afterClear = actions.getActionStats('go')?.executionStats
    expect({ summary, idle: actions.getActionStats('idle'), afterClear }).toEqual({
      summary: { totalExecutions: 3, averageDuration: true, successRate: (1 / 3) * 100, errorCount: 1, abortCount: 1 },
      idle: null,
      afterClear: undefined,
    })
  })
})
