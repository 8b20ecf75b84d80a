import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ActionHandler, DispatchOptions, HandlerExecution } from './action-types'
import { DispatchClock, emptyRun, pipelineResult, startClock, toError } from './dispatch-result'
import type { PipelineEntry } from './invocation'
import { Pipeline } from './pipeline'

// Fake `performance` and `Date` only: with them `performance.timeOrigin` is `T0` and `performance.now()` starts at 0,
// so durations and timestamps are exact. Real microtasks keep the pipelines running.
const T0 = 1_700_000_000_000

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['performance', 'Date'], now: T0 })
})

afterEach(() => {
  vi.useRealTimers()
})

function entry(id: string, handler: ActionHandler<any, any>, extra: Partial<PipelineEntry> = {}): PipelineEntry {
  return { id, priority: 0, handler, blocking: true, condition: undefined, validation: undefined, claim: () => true, ...extra }
}

async function ran(entries: PipelineEntry[], mode: 'sequential' | 'parallel' = 'sequential'): Promise<Pipeline> {
  const pipeline = new Pipeline(entries, mode, undefined)
  await pipeline.run()
  return pipeline
}

const returning = (...values: unknown[]) => values.map((v, i) => entry(`h${i}`, () => v))

const errorShape = (error: Error) => ({ isError: error instanceof Error, message: error.message, cause: error.cause, hasCause: 'cause' in error })

describe('toError', () => {
  it('passes Errors through unchanged', () => {
    const error = new RangeError('out of range')
    expect(toError(error)).toBe(error)
  })

  it('wraps anything else in an Error that keeps the thrown value as cause', () => {
    const thrown = { code: 7 }
    expect([toError('plain message'), toError(42), toError(thrown), toError(undefined), toError(null)].map(errorShape)).toEqual([
      { isError: true, message: 'plain message', cause: 'plain message', hasCause: true },
      { isError: true, message: 'a handler threw 42', cause: 42, hasCause: true },
      { isError: true, message: 'a handler threw an object', cause: thrown, hasCause: true },
      { isError: true, message: 'a handler threw undefined', cause: undefined, hasCause: true },
      { isError: true, message: 'a handler threw null', cause: null, hasCause: true },
    ])
  })
})

describe('DispatchClock', () => {
  it('reads the monotonic clock once, and reports the epoch time the dispatch started', () => {
    vi.advanceTimersByTime(40)
    const clock = startClock()
    vi.advanceTimersByTime(100)
    expect([clock instanceof DispatchClock, clock.start, clock.startTime, clock.startTime, new DispatchClock().start]).toEqual([
      true,
      40,
      T0 + 40,
      T0 + 40,
      140,
    ])
  })

  it('reports epoch times by the Date clock, as a test that fakes only Date (setSystemTime) reads them', () => {
    vi.useRealTimers()
    const clock = startClock()
    const T1 = Date.UTC(2024, 0, 1)
    vi.useFakeTimers({ toFake: ['Date'], now: T1 })
    // The real monotonic clock moved on by under a millisecond or a few since `start`: the start lies just before T1.
    const { startTime } = clock
    expect([startTime <= T1, startTime > T1 - 1000]).toEqual([true, true])
  })
})

/** The result of a dispatch that ended before any handler ran: that of a pipeline that ran nothing. */
const earlyResult = (clock: DispatchClock, abortReason?: string, error?: unknown) => pipelineResult(clock, emptyRun(abortReason, error), [], undefined)

describe('emptyRun', () => {
  it('describes a dispatch that ended before any handler ran as a success with nothing done', () => {
    const clock = startClock()
    vi.advanceTimersByTime(5)
    expect(earlyResult(clock)).toStrictEqual({
      success: true,
      aborted: false,
      terminated: false,
      results: [],
      execution: { duration: 5, handlersExecuted: 0, handlersSkipped: 0, handlersFailed: 0, startTime: T0, endTime: T0 + 5 },
      handlers: [],
      errors: [],
    })
  })

  it('describes an early abort with its reason', () => {
    const clock = startClock()
    vi.advanceTimersByTime(2)
    expect(earlyResult(clock, 'Throttled execution')).toStrictEqual({
      success: false,
      aborted: true,
      abortReason: 'Throttled execution',
      terminated: false,
      results: [],
      execution: { duration: 2, handlersExecuted: 0, handlersSkipped: 0, handlersFailed: 0, startTime: T0, endTime: T0 + 2 },
      handlers: [],
      errors: [],
    })
  })

  it('describes an early error as one failed handler, wrapping what was thrown', () => {
    const clock = startClock()
    vi.advanceTimersByTime(3)
    const error = new Error('no handler')
    const result = earlyResult(clock, undefined, error)
    const wrapped = earlyResult(clock, undefined, 'text')
    expect([result, wrapped.errors.map((e) => ({ ...e, error: errorShape(e.error) }))]).toStrictEqual([
      {
        success: false,
        aborted: false,
        terminated: false,
        results: [],
        execution: { duration: 3, handlersExecuted: 0, handlersSkipped: 0, handlersFailed: 1, startTime: T0, endTime: T0 + 3 },
        handlers: [],
        errors: [{ handlerId: 'pipeline', error, timestamp: T0 + 3 }],
      },
      [{ handlerId: 'pipeline', error: { isError: true, message: 'text', cause: 'text', hasCause: true }, timestamp: T0 + 3 }],
    ])
  })
})

describe('pipelineResult', () => {
  it('freezes a completed pipeline: flags, results, counts, handlers and times', async () => {
    const clock = startClock()
    const pipeline = await ran([...returning('a', 'b'), entry('skipped', () => 'never', { condition: () => false })])
    vi.advanceTimersByTime(8)
    const handlers: HandlerExecution[] = [{ id: 'given', priority: 1, outcome: 'completed', duration: 0 }]
    const result = pipelineResult(clock, pipeline, handlers, undefined)
    expect(result).toStrictEqual({
      success: true,
      aborted: false,
      terminated: false,
      results: ['a', 'b'],
      execution: { duration: 8, handlersExecuted: 2, handlersSkipped: 1, handlersFailed: 0, startTime: T0, endTime: T0 + 8 },
      handlers,
      errors: [],
    })
  })

  it('copies the results, so changing them does not change the pipeline', async () => {
    const pipeline = await ran(returning(1, 2))
    const result = pipelineResult(startClock(), pipeline, [], undefined)
    result.results.push(3)
    expect([result.results, pipeline.results]).toEqual([
      [1, 2, 3],
      [1, 2],
    ])
  })

  it('picks the collected result by strategy', async () => {
    const pipeline = await ran(returning(1, 2, 3))
    const sum = (results: unknown[]) => (results as number[]).reduce((a, b) => a + b, 0)
    const strategies: Array<NonNullable<DispatchOptions['result']>> = [
      { collect: true },
      { collect: true, strategy: 'first' },
      { collect: true, strategy: 'last' },
      { collect: true, strategy: 'all' },
      { collect: true, strategy: 'merge' },
      { collect: true, strategy: 'merge', merger: sum },
      { collect: true, strategy: 'custom', merger: (results) => results.join('-') },
      // A merger serves merge and custom only.
      { collect: true, strategy: 'first', merger: sum },
      { collect: true, strategy: 'all', merger: sum },
    ]
    expect(strategies.map((options) => pipelineResult(startClock(), pipeline, [], options).result)).toEqual([[1, 2, 3], 1, 3, [1, 2, 3], 3, 6, '1-2-3', 1, [1, 2, 3]])
  })

  it('collects nothing unless asked to', async () => {
    const pipeline = await ran(returning(1))
    const results = [undefined, { strategy: 'first' as const }, { collect: false, strategy: 'first' as const }].map((options) =>
      pipelineResult(startClock(), pipeline, [], options),
    )
    expect(results.map((r) => ['result' in r, r.results])).toEqual([
      [false, [1]],
      [false, [1]],
      [false, [1]],
    ])
  })

  it('keeps at most maxResults results, and picks among those', async () => {
    const pipeline = await ran(returning(1, 2, 3))
    const picked = [0, 2, 5].map((maxResults) => {
      const r = pipelineResult(startClock(), pipeline, [], { collect: true, strategy: 'last', maxResults })
      return { results: r.results, result: r.result }
    })
    expect(picked).toEqual([
      { results: [], result: undefined },
      { results: [1, 2], result: 2 },
      { results: [1, 2, 3], result: 3 },
    ])
  })

  it('picks undefined from no results, whatever the strategy', async () => {
    const pipeline = await ran([entry('quiet', () => {})])
    const strategies = ['first', 'last', 'all', 'merge'] as const
    expect(strategies.map((strategy) => pipelineResult(startClock(), pipeline, [], { collect: true, strategy }).result)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ])
  })

  it('reports a pipeline ended by return as terminated and successful, with the returned value as its result', async () => {
    const pipeline = await ran([entry('a', () => 'kept'), entry('b', (_p, { return: finish }) => finish('returned')), entry('c', () => 'never')])
    const result = pipelineResult(startClock(), pipeline, [], { collect: true, strategy: 'all' })
    expect([result.success, result.aborted, result.terminated, result.results, result.result, result.execution.handlersExecuted]).toEqual([
      true,
      false,
      true,
      ['kept'],
      'returned',
      2,
    ])
  })

  it('falls back to the strategy when a pipeline returned undefined', async () => {
    const pipeline = await ran([entry('a', () => 'kept'), entry('b', (_p, { return: finish }) => finish(undefined))])
    const result = pipelineResult(startClock(), pipeline, [], { collect: true, strategy: 'first' })
    expect([result.terminated, result.result]).toEqual([true, 'kept'])
  })

  it('reports an aborted pipeline as not successful, with its reason', async () => {
    const pipeline = await ran([entry('a', (_p, { abort }) => abort('user left')), entry('b', () => 'never')])
    const result = pipelineResult(startClock(), pipeline, [], undefined)
    expect([result.success, result.aborted, result.abortReason, result.terminated, result.execution.handlersExecuted]).toEqual([
      false,
      true,
      'user left',
      false,
      1,
    ])
  })

  it('reports failures as Errors with handler ids, in handler order for parallel pipelines', async () => {
    const boom = new Error('boom')
    const pipeline = await ran(
      [
        entry('first', async () => {
          await Promise.resolve()
          await Promise.resolve()
          throw boom
        }),
        entry('second', () => {
          throw 'text'
        }),
        entry('third', () => 'fine'),
      ],
      'parallel',
    )
    const result = pipelineResult(startClock(), pipeline, [], undefined)
    expect({
      success: result.success,
      aborted: result.aborted,
      results: result.results,
      counts: [result.execution.handlersExecuted, result.execution.handlersFailed],
      errors: result.errors.map((e) => ({ handlerId: e.handlerId, error: errorShape(e.error), same: e.error === boom, timestamp: e.timestamp })),
    }).toEqual({
      success: false,
      aborted: false,
      results: ['fine'],
      counts: [3, 2],
      errors: [
        { handlerId: 'first', error: { isError: true, message: 'boom', cause: undefined, hasCause: false }, same: true, timestamp: T0 },
        { handlerId: 'second', error: { isError: true, message: 'text', cause: 'text', hasCause: true }, same: false, timestamp: T0 },
      ],
    })
  })
})
