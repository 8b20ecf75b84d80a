import { describe, expect, it } from 'vitest'
import type { ActionHandler, PipelineController } from './action-types'
import { createController, Invocation, type PipelineEntry } from './invocation'
import { Pipeline } from './pipeline'

const METHODS = ['abort', 'modifyPayload', 'getPayload', 'jumpToPriority', 'return', 'setResult', 'getResults', 'mergeResult'] as const

function entry(id = 'h', handler: ActionHandler<any, any> = () => {}): PipelineEntry {
  return { id, priority: 0, handler, blocking: true, condition: undefined, validation: undefined, claim: () => true }
}

/** What an AbortSignal tells a listener: whether it is aborted, and its reason's name and message. */
function describeSignal(signal: AbortSignal) {
  const reason = signal.reason as DOMException | undefined
  return { aborted: signal.aborted, reason: reason === undefined ? undefined : { name: reason.name, message: reason.message, isDOMException: reason instanceof DOMException } }
}

/** A stand-in for the pipeline that records every call the controller forwards. */
function fakePipeline() {
  const calls: unknown[][] = []
  const fake = {
    payload: 'payload',
    results: ['r1', 'r2'],
    abort: (reason: string | undefined) => void calls.push(['abort', reason]),
    modifyPayload: (modifier: (payload: unknown) => unknown) => void calls.push(['modifyPayload', modifier('p')]),
    jump: (invocation: Invocation, priority: number) => void calls.push(['jump', invocation.index, priority]),
    finishEarly: (invocation: Invocation, value: unknown) => void calls.push(['finishEarly', invocation.index, value]),
    addResult: (invocation: Invocation, value: unknown) => void calls.push(['addResult', invocation.index, value]),
    mergeResult: (invocation: Invocation, merger: (earlier: unknown[], last: unknown) => unknown) =>
      void calls.push(['mergeResult', invocation.index, merger(['a'], 'b')]),
  }
  return { calls, pipeline: fake as unknown as Pipeline, fake }
}

describe('Invocation', () => {
  it('keeps its index, entry and start time', () => {
    const e = entry('a')
    const invocation = new Invocation(3, e, 12.5)
    expect([invocation.index, invocation.entry === e, invocation.start, invocation.cancelled, invocation.settled, invocation.returned]).toEqual([
      3,
      true,
      12.5,
      false,
      false,
      false,
    ])
  })

  it('creates its signal on first read and returns the same signal afterwards', () => {
    const invocation = new Invocation(0, entry(), 0)
    const signal = invocation.signal
    expect([signal instanceof AbortSignal, signal === invocation.signal, describeSignal(signal)]).toEqual([
      true,
      true,
      { aborted: false, reason: undefined },
    ])
  })

  it('aborts its signal on cancel with an AbortError carrying the reason, once', () => {
    const invocation = new Invocation(0, entry(), 0)
    const signal = invocation.signal
    const seen: unknown[] = []
    signal.addEventListener('abort', () => seen.push(describeSignal(signal)))
    invocation.cancel('Handler unregistered')
    invocation.cancel('a second reason is ignored')
    expect([seen, invocation.cancelled]).toEqual([
      [{ aborted: true, reason: { name: 'AbortError', message: 'Handler unregistered', isDOMException: true } }],
      true,
    ])
  })

  it('hands out an already aborted signal when first read after cancel', () => {
    const invocation = new Invocation(0, entry(), 0)
    invocation.cancel('Lost the race')
    invocation.cancel('ignored')
    expect(describeSignal(invocation.signal)).toEqual({
      aborted: true,
      reason: { name: 'AbortError', message: 'Lost the race', isDOMException: true },
    })
  })

  it('keeps the reason of its first abort, also for a signal first read after a later cancel', () => {
    const invocation = new Invocation(0, entry(), 0)
    const timeout = new DOMException('h timed out', 'TimeoutError')
    invocation.abortWith(timeout)
    invocation.cancel('Handler unregistered')
    expect([invocation.cancelled, invocation.signal.reason]).toEqual([true, timeout])
  })

  it('uses "Aborted" as the message when cancelled without a reason', () => {
    const before = new Invocation(0, entry(), 0)
    const early = before.signal
    before.cancel(undefined)
    const after = new Invocation(1, entry(), 0)
    after.cancel(undefined)
    expect([describeSignal(early), describeSignal(after.signal)]).toEqual([
      { aborted: true, reason: { name: 'AbortError', message: 'Aborted', isDOMException: true } },
      { aborted: true, reason: { name: 'AbortError', message: 'Aborted', isDOMException: true } },
    ])
  })
})

describe('createController', () => {
  it('offers the eight methods and the signal', () => {
    const { pipeline } = fakePipeline()
    const controller = createController(pipeline, new Invocation(0, entry(), 0))
    expect([METHODS.map((key) => typeof controller[key]), controller.signal instanceof AbortSignal]).toEqual([
      METHODS.map(() => 'function'),
      true,
    ])
  })

  it('returns the same function on every access, so handlers may destructure it', () => {
    const { pipeline } = fakePipeline()
    const controller = createController(pipeline, new Invocation(0, entry(), 0))
    const first = METHODS.map((key) => controller[key])
    const { abort, modifyPayload, getPayload, jumpToPriority, return: finish, setResult, getResults, mergeResult } = controller
    expect([
      METHODS.map((key, i) => controller[key] === first[i]),
      [abort, modifyPayload, getPayload, jumpToPriority, finish, setResult, getResults, mergeResult].map((fn, i) => fn === first[i]),
    ]).toEqual([METHODS.map(() => true), METHODS.map(() => true)])
  })

  it('gives each controller its own functions', () => {
    const { pipeline } = fakePipeline()
    const a = createController(pipeline, new Invocation(0, entry(), 0))
    const b = createController(pipeline, new Invocation(1, entry(), 0))
    expect(METHODS.map((key) => a[key] === b[key])).toEqual(METHODS.map(() => false))
  })

  it('forwards every destructured method to the pipeline, naming its own invocation', () => {
    const { calls, pipeline, fake } = fakePipeline()
    const controller: PipelineController<any, any> = createController(pipeline, new Invocation(4, entry(), 0))
    const { abort, modifyPayload, getPayload, jumpToPriority, return: finish, setResult, getResults, mergeResult } = controller
    abort()
    abort('stop')
    modifyPayload((p: string) => `${p}!`)
    jumpToPriority(5)
    finish('done')
    setResult('x')
    mergeResult((earlier: string[], last: string) => [...earlier, last].join('+'))
    const results = getResults()
    results.push('mutating the copy')
    expect({ calls, payload: getPayload(), results, pipelineResults: fake.results }).toEqual({
      calls: [
        ['abort', undefined],
        ['abort', 'stop'],
        ['modifyPayload', 'p!'],
        ['jump', 4, 5],
        ['finishEarly', 4, 'done'],
        ['addResult', 4, 'x'],
        ['mergeResult', 4, 'a+b'],
      ],
      payload: 'payload',
      results: ['r1', 'r2', 'mutating the copy'],
      pipelineResults: ['r1', 'r2'],
    })
  })

  it('reads the payload at call time, not when the controller was created', () => {
    const { pipeline, fake } = fakePipeline()
    const { getPayload } = createController(pipeline, new Invocation(0, entry(), 0))
    const seen = [getPayload()]
    fake.payload = 'changed'
    seen.push(getPayload())
    expect(seen).toEqual(['payload', 'changed'])
  })

  it('refuses a non-string abort reason without touching the pipeline', () => {
    const { calls, pipeline } = fakePipeline()
    const { abort } = createController(pipeline, new Invocation(0, entry(), 0))
    expect(() => (abort as (reason?: unknown) => void)(42)).toThrow(
      new TypeError('PipelineController.abort: reason must be a string, got 42'),
    )
    expect(calls).toEqual([])
  })

  it('exposes the signal of its invocation', () => {
    const { pipeline } = fakePipeline()
    const invocation = new Invocation(0, entry(), 0)
    const controller = createController(pipeline, invocation)
    const { signal } = controller
    invocation.cancel('Handler replaced')
    expect([signal === invocation.signal, signal === controller.signal, describeSignal(signal)]).toEqual([
      true,
      true,
      { aborted: true, reason: { name: 'AbortError', message: 'Handler replaced', isDOMException: true } },
    ])
  })

  it('drives a real pipeline through destructured methods', async () => {
    const seen: unknown[] = []
    const pipeline = new Pipeline(
      [
        entry('a', (_payload: number, { modifyPayload, setResult }) => {
          modifyPayload((p: number) => p + 1)
          setResult('from a')
        }),
        entry('b', (payload: number, { getPayload, getResults, mergeResult, abort }) => {
          seen.push(payload, getPayload(), getResults())
          mergeResult((earlier: string[], last: string) => `${last} and b`)
          abort('enough')
        }),
        entry('c', () => void seen.push('c must not run')),
      ],
      'sequential',
      1,
    )
    await pipeline.run()
    expect({ seen, payload: pipeline.payload, results: pipeline.results, aborted: pipeline.aborted, abortReason: pipeline.abortReason }).toEqual({
      seen: [2, 2, ['from a']],
      payload: 2,
      results: ['from a and b'],
      aborted: true,
      abortReason: 'enough',
    })
  })

  it('ends a real pipeline early with return, and jumps forward with jumpToPriority', async () => {
    const ran: string[] = []
    const jumping = new Pipeline(
      [
        { ...entry('a', (_p, { jumpToPriority }) => (ran.push('a'), jumpToPriority(1))), priority: 3 },
        { ...entry('b', () => void ran.push('b')), priority: 2 },
        { ...entry('c', (_p, { return: finish }) => (ran.push('c'), finish('returned'))), priority: 1 },
        { ...entry('d', () => void ran.push('d')), priority: 0 },
      ],
      'sequential',
      undefined,
    )
    await jumping.run()
    expect({ ran, terminated: jumping.terminated, returnValue: jumping.returnValue, results: jumping.results }).toEqual({
      ran: ['a', 'c'],
      terminated: true,
      returnValue: 'returned',
      results: [],
    })
  })
})
