import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ActionStatsBook } from './action-stats'
import { ActionStatusBook } from './action-status'
import type { ActionHandler, ConcurrencyPolicy, DispatchEvent, DispatchOptions, ExecutionMode, HandlerConfig } from './action-types'
import { Dispatcher, type DispatchHost, type DispatchOutcome } from './dispatcher'
import { Guard } from './guard'
import { HandlerList } from './handler-list'
import { readHandlerConfig, Registration } from './handler-registration'

// Timers, `performance` and `Date` are fake: durations are exactly 0 unless a test advances time, and
// debounce/throttle windows pass only when a test says so. Microtasks stay real, so pipelines run.
const T0 = 1_700_000_000_000
const FN = 'ActionRegister.dispatch'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'], now: T0 })
})

afterEach(() => {
  vi.useRealTimers()
})

interface Setup {
  strict?: boolean
  mode?: ExecutionMode
  concurrency?: ConcurrencyPolicy
}

/** A dispatcher over a minimal host: real guard, stats and status books, a plain handler table. */
function setup({ strict = false, mode = 'sequential', concurrency = 'parallel' }: Setup = {}) {
  const table = new Map<string, HandlerList>()
  const events: DispatchEvent[] = []
  const host: DispatchHost = {
    name: 'test',
    settings: { strict, maxRetries: Infinity, retryDelay: 0 },
    guard: new Guard(),
    stats: new ActionStatsBook(),
    status: new ActionStatusBook('test'),
    observers: new Set([(event: DispatchEvent) => void events.push(event)]),
    disposed: false,
    table,
    getActionExecutionMode: () => mode,
    getActionConcurrency: () => concurrency,
  }
  const dispatcher = new Dispatcher(host)
  const register = (action: string, id: string, handler: ActionHandler<any, any>, config: HandlerConfig<any> = {}) => {
    const info = readHandlerConfig({ ...config, id }, () => id)
    const list = table.get(action) ?? new HandlerList()
    list.add(new Registration(action, handler, info, { claimed: () => {} }), true)
    table.set(action, list)
  }
  const dispatch = (action: string, payload?: unknown, options?: DispatchOptions, withResult = false) =>
    dispatcher.dispatch(FN, action, payload, options, withResult)
  const running = (action: string) => host.status.get(action).getValue().running
  return { host, dispatcher, events, register, dispatch, running, dispose: () => void (host.disposed = true) }
}

function deferred<T = void>() {
  let resolve!: (value: T) => void
  let reject!: (reason: unknown) => void
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)))
  return { promise, resolve, reject }
}

/** The parts of an outcome a caller acts on, without the (separately tested) result. */
const ending = ({ failed, error, aborted, abortReason }: DispatchOutcome) => ({
  failed,
  error: error instanceof Error ? error.message : error,
  aborted,
  abortReason,
})

const start = (dispatchId: number, action: string, payload: unknown = undefined): DispatchEvent => ({ type: 'start', dispatchId, action, payload, time: T0 })
/** `reason`: a dropped dispatch's, the only end event that carries one. */
const end = (dispatchId: number, action: string, outcome: 'completed' | 'aborted' | 'failed' | 'dropped', handlers: unknown[] = [], reason?: string) => ({
  type: 'end',
  dispatchId,
  action,
  outcome,
  duration: 0,
  handlers,
  ...(reason === undefined ? {} : { reason }),
})

describe('Dispatcher early exits', () => {
  it('refuses every dispatch once the register is disposed, before validating anything', async () => {
    const { dispatch, dispose, events } = setup()
    dispose()
    await expect(dispatch('', undefined, { signal: AbortSignal.abort() })).rejects.toThrow(
      new Error('ActionRegister.dispatch: register "test" was disposed'),
    )
    expect(events).toEqual([])
  })

  it('refuses an invalid action or options before anything is emitted or numbered', async () => {
    const { dispatch, register, events } = setup()
    register('save', 'a', () => {})
    const refused: unknown[] = []
    for (const call of [() => dispatch(''), () => dispatch('save', undefined, { concurrency: 'sometimes' as ConcurrencyPolicy })]) {
      await call().catch((error: Error) => refused.push([error.constructor.name, error.message]))
    }
    await dispatch('save')
    expect({ refused, events: events.map((e) => [e.type, e.dispatchId]) }).toEqual({
      refused: [
        ['TypeError', 'ActionRegister.dispatch: action must be a non-empty string, got ""'],
        ['TypeError', 'ActionRegister.dispatch: options.concurrency must be one of "parallel", "takeLatest", "takeFirst", "queue", got "sometimes"'],
      ],
      events: [
        ['start', 1],
        ['handler', 1],
        ['end', 1],
      ],
    })
  })

  it('ends a dispatch whose signal is already aborted before looking for handlers, strict or not', async () => {
    const { dispatch, events, host, running } = setup({ strict: true })
    const outcome = await dispatch('missing', 'p', { signal: AbortSignal.abort(), throttle: 100 })
    expect({ outcome: ending(outcome), events, stats: host.stats.get('missing'), running: running('missing') }).toEqual({
      outcome: { failed: false, error: undefined, aborted: true, abortReason: 'Action dispatch aborted by signal' },
      events: [
        start(1, 'missing', 'p'),
        { type: 'abort', dispatchId: 1, action: 'missing', reason: 'Action dispatch aborted by signal' },
        end(1, 'missing', 'aborted'),
      ],
      stats: undefined,
      running: 0,
    })
  })

  it('completes a dispatch without handlers when not strict', async () => {
    const { dispatch, events, host } = setup()
    const outcome = await dispatch('missing', undefined, { throttle: 100 })
    expect({ outcome: ending(outcome), events, stats: host.stats.get('missing') }).toEqual({
      outcome: { failed: false, error: undefined, aborted: false, abortReason: undefined },
      events: [start(1, 'missing'), end(1, 'missing', 'completed')],
      stats: undefined,
    })
  })

  it('fails a dispatch without handlers when strict, before throttling it', async () => {
    const { dispatch, events } = setup({ strict: true })
    const outcomes = [ending(await dispatch('missing', undefined, { throttle: 100 })), ending(await dispatch('missing', undefined, { throttle: 100 }))]
    const message = 'ActionRegister.dispatch: no handler is registered for "missing" (registry.strict is on)'
    expect({ outcomes, events: events.map((e) => (e.type === 'error' ? { ...e, error: (e.error as Error).message } : e)) }).toEqual({
      outcomes: [
        { failed: true, error: message, aborted: false, abortReason: undefined },
        { failed: true, error: message, aborted: false, abortReason: undefined },
      ],
      events: [
        start(1, 'missing'),
        { type: 'error', dispatchId: 1, action: 'missing', handlerId: 'pipeline', error: message },
        end(1, 'missing', 'failed'),
        start(2, 'missing'),
        { type: 'error', dispatchId: 2, action: 'missing', handlerId: 'pipeline', error: message },
        end(2, 'missing', 'failed'),
      ],
    })
  })

  it('drops a throttled dispatch at once, without waiting for its debounce', async () => {
    const { dispatch, register, events } = setup()
    const ran: unknown[] = []
    register('save', 'a', (p) => void ran.push(p))
    const first = await dispatch('save', 1, { throttle: 100 })
    const second = await dispatch('save', 2, { throttle: 100, debounce: 50 })
    await vi.advanceTimersByTimeAsync(100)
    const third = await dispatch('save', 3, { throttle: 100 })
    expect({ ran, outcomes: [first, second, third].map(ending), ends: events.filter((e) => e.type === 'end').map((e) => [e.dispatchId, e.outcome]) }).toEqual({
      ran: [1, 3],
      outcomes: [
        { failed: false, error: undefined, aborted: false, abortReason: undefined },
        { failed: false, error: undefined, aborted: true, abortReason: 'Throttled execution' },
        { failed: false, error: undefined, aborted: false, abortReason: undefined },
      ],
      ends: [
        [1, 'completed'],
        [2, 'dropped'],
        [3, 'completed'],
      ],
    })
  })

  it('takes throttle and debounce from the first filtered handler that sets them', async () => {
    const { dispatch, register } = setup()
    const ran: string[] = []
    register('save', 'slow', (p) => void ran.push(`slow:${p}`), { throttle: 1000, tags: ['slow'] })
    register('save', 'fast', (p) => void ran.push(`fast:${p}`), { tags: ['fast'] })
    const onlyFast = { filter: { tags: ['fast'] } }
    const outcomes = [
      await dispatch('save', 1),
      await dispatch('save', 2),
      await dispatch('save', 3, onlyFast),
      await dispatch('save', 4, onlyFast),
    ].map((o) => o.abortReason)
    expect({ ran, outcomes }).toEqual({
      ran: ['slow:1', 'fast:1', 'fast:3', 'fast:4'],
      outcomes: [undefined, 'Throttled execution', undefined, undefined],
    })
  })

  it('drops every debounced dispatch superseded by a newer one, and runs the last after the delay', async () => {
    const { dispatch, register, events, running } = setup()
    const ran: unknown[] = []
    register('search', 'a', (p) => void ran.push(p), { debounce: 50 })
    const pending = [dispatch('search', 'a'), dispatch('search', 'ab'), dispatch('search', 'abc')]
    await vi.advanceTimersByTimeAsync(49)
    const before = { ran: [...ran], running: running('search') }
    await vi.advanceTimersByTimeAsync(1)
    const outcomes = (await Promise.all(pending)).map((o) => [o.aborted, o.abortReason])
    expect({ before, ran, outcomes, ends: events.filter((e) => e.type === 'end').map((e) => [e.dispatchId, e.outcome]) }).toEqual({
      before: { ran: [], running: 0 },
      ran: ['abc'],
      outcomes: [
        [true, 'Debounced execution'],
        [true, 'Debounced execution'],
        [false, undefined],
      ],
      ends: [
        [1, 'dropped'],
        [2, 'dropped'],
        [3, 'completed'],
      ],
    })
  })

  it('drops a debounced dispatch whose timer is cleared, naming the register cleared or disposed', async () => {
    const { dispatch, register, host, dispose } = setup()
    register('search', 'a', () => {}, { debounce: 50 })
    const cleared = dispatch('search')
    host.guard.clear('search')
    const first = ending(await cleared)
    const disposedWhileWaiting = dispatch('search')
    dispose()
    host.guard.clear()
    expect([first, ending(await disposedWhileWaiting)]).toEqual([
      { failed: false, error: undefined, aborted: true, abortReason: 'Register cleared' },
      { failed: false, error: undefined, aborted: true, abortReason: 'Register disposed' },
    ])
  })

  it('reports a debounced dispatch whose timer is cleared as dropped, without an abort event', async () => {
    const { dispatch, register, host, events } = setup()
    register('search', 'a', () => {}, { debounce: 50 })
    const cleared = dispatch('search')
    host.guard.clear('search')
    await cleared
    expect(events).toEqual([start(1, 'search'), end(1, 'search', 'dropped', [], 'Register cleared')])
  })

  it('runs the handlers registered when its debounce wait ends, those registered during the wait included', async () => {
    const { dispatch, register } = setup()
    const ran: string[] = []
    register('search', 'a', () => void ran.push('a'), { debounce: 50 })
    const pending = dispatch('search')
    register('search', 'b', () => void ran.push('b'))
    await vi.advanceTimersByTimeAsync(50)
    await pending
    expect(ran).toEqual(['a', 'b'])
  })

  it('runs the handlers registered when it was made, not one a status listener registers as it begins', async () => {
    const { dispatch, register, host } = setup()
    const ran: string[] = []
    register('save', 'a', () => void ran.push('a'))
    host.status.get('save').listen(({ pending }) => {
      if (pending && ran.length === 0) register('save', 'b', () => void ran.push('b'))
    })
    await dispatch('save')
    expect(ran).toEqual(['a'])
    await dispatch('save')
    expect(ran).toEqual(['a', 'a', 'b'])
  })

  it('drops a takeFirst dispatch while one is running, and accepts again once it ended', async () => {
    const { dispatch, register, events, running } = setup({ concurrency: 'takeFirst' })
    const gate = deferred()
    const ran: unknown[] = []
    register('save', 'a', async (p) => {
      ran.push(p)
      if (p === 1) await gate.promise
    })
    const first = dispatch('save', 1)
    const dropped = await dispatch('save', 2)
    const during = running('save')
    gate.resolve()
    await first
    const again = await dispatch('save', 3)
    expect({
      ran,
      during,
      after: running('save'),
      outcomes: [dropped, again].map(ending),
      ends: events.filter((e) => e.type === 'end').map((e) => [e.dispatchId, e.outcome]),
    }).toEqual({
      ran: [1, 3],
      during: 1,
      after: 0,
      outcomes: [
        { failed: false, error: undefined, aborted: true, abortReason: 'Dropped: "save" is already running' },
        { failed: false, error: undefined, aborted: false, abortReason: undefined },
      ],
      ends: [
        [2, 'dropped'],
        [1, 'completed'],
        [3, 'completed'],
      ],
    })
  })

  it('lets options.concurrency override the action policy', async () => {
    const { dispatch, register } = setup({ concurrency: 'takeFirst' })
    const gate = deferred()
    register('save', 'a', () => gate.promise)
    const first = dispatch('save')
    const second = dispatch('save', undefined, { concurrency: 'parallel' })
    gate.resolve()
    expect([await first, await second].map(ending)).toEqual([
      { failed: false, error: undefined, aborted: false, abortReason: undefined },
      { failed: false, error: undefined, aborted: false, abortReason: undefined },
    ])
  })
})

describe('Dispatcher events', () => {
  it('reports a completed dispatch: start, each handler, end with every handler', async () => {
    const { dispatch, register, events } = setup()
    register('save', 'high', () => 'r', { priority: 2 })
    register('save', 'low', () => {}, { priority: 1, condition: () => false })
    await dispatch('save', { id: 1 })
    expect(events).toEqual([
      start(1, 'save', { id: 1 }),
      { type: 'handler', dispatchId: 1, action: 'save', handlerId: 'high', priority: 2, outcome: 'completed', duration: 0 },
      { type: 'handler', dispatchId: 1, action: 'save', handlerId: 'low', priority: 1, outcome: 'skipped', duration: 0 },
      end(1, 'save', 'completed', [
        { id: 'high', priority: 2, outcome: 'completed', duration: 0 },
        { id: 'low', priority: 1, outcome: 'skipped', duration: 0 },
      ]),
    ])
  })

  it('reports a dispatch aborted by its signal: the running handler, the handlers never reached, abort, end', async () => {
    const { dispatch, register, events, host } = setup()
    const caller = new AbortController()
    register('save', 'waits', (_p, { signal }) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))), {
      priority: 1,
    })
    register('save', 'later', () => {})
    const pending = dispatch('save', undefined, { signal: caller.signal })
    await Promise.resolve()
    caller.abort()
    const outcome = await pending
    expect({ outcome: ending(outcome), events, stats: host.stats.get('save') }).toEqual({
      outcome: { failed: false, error: undefined, aborted: true, abortReason: 'Action dispatch aborted by signal' },
      events: [
        start(1, 'save'),
        { type: 'handler', dispatchId: 1, action: 'save', handlerId: 'waits', priority: 1, outcome: 'aborted', duration: 0 },
        { type: 'handler', dispatchId: 1, action: 'save', handlerId: 'later', priority: 0, outcome: 'aborted', duration: 0 },
        { type: 'abort', dispatchId: 1, action: 'save', reason: 'Action dispatch aborted by signal' },
        end(1, 'save', 'aborted', [
          { id: 'waits', priority: 1, outcome: 'aborted', duration: 0 },
          { id: 'later', priority: 0, outcome: 'aborted', duration: 0 },
        ]),
      ],
      stats: { totalExecutions: 1, averageDuration: 0, successRate: 0, errorCount: 0, abortCount: 1 },
    })
  })

  it('reports a failed dispatch: the failing handler, its error, end; the first error is the outcome', async () => {
    const { dispatch, register, events, host } = setup()
    const boom = new Error('boom')
    register('save', 'fails', () => {
      throw boom
    }, { priority: 1 })
    register('save', 'after', () => {})
    const outcome = await dispatch('save')
    expect({ outcome: ending(outcome), same: outcome.error === boom, events, stats: host.stats.get('save') }).toEqual({
      outcome: { failed: true, error: 'boom', aborted: false, abortReason: undefined },
      same: true,
      events: [
        start(1, 'save'),
        { type: 'handler', dispatchId: 1, action: 'save', handlerId: 'fails', priority: 1, outcome: 'failed', duration: 0, error: boom },
        { type: 'error', dispatchId: 1, action: 'save', handlerId: 'fails', error: boom },
        { type: 'handler', dispatchId: 1, action: 'save', handlerId: 'after', priority: 0, outcome: 'skipped', duration: 0 },
        end(1, 'save', 'failed', [
          { id: 'fails', priority: 1, outcome: 'failed', duration: 0 },
          { id: 'after', priority: 0, outcome: 'skipped', duration: 0 },
        ]),
      ],
      stats: { totalExecutions: 1, averageDuration: 0, successRate: 0, errorCount: 1, abortCount: 0 },
    })
  })

  it('reports a dropped dispatch as start and end only, the end saying why', async () => {
    const { dispatch, register, events } = setup()
    register('save', 'a', () => {}, { throttle: 10 })
    await dispatch('save')
    events.length = 0
    await dispatch('save', 'p')
    expect(events).toEqual([start(2, 'save', 'p'), end(2, 'save', 'dropped', [], 'Throttled execution')])
  })

  it('puts an error only on the events of failed handlers', async () => {
    const { dispatch, register, events } = setup()
    register('save', 'a', () => {}, { priority: 1 })
    register('save', 'b', () => {
      throw new Error('boom')
    })
    await dispatch('save')
    const handlerEvents = events.filter((e) => e.type === 'handler')
    expect(handlerEvents.map((e) => [e.outcome, 'error' in e])).toEqual([
      ['completed', false],
      ['failed', true],
    ])
  })

  it('measures the duration of each handler and of the dispatch', async () => {
    const { dispatch, register, events } = setup()
    register('save', 'slow', () => vi.advanceTimersByTime(30))
    await dispatch('save')
    expect(events.map((e) => [e.type, 'duration' in e ? e.duration : null])).toEqual([
      ['start', null],
      ['handler', 30],
      ['end', 30],
    ])
  })

  it('keeps dispatching when an observer throws', async () => {
    const { dispatch, register, host, events } = setup()
    host.observers.add(() => {
      throw new Error('bystander')
    })
    register('save', 'a', () => {})
    const outcome = await dispatch('save')
    expect([ending(outcome), events.map((e) => e.type)]).toEqual([
      { failed: false, error: undefined, aborted: false, abortReason: undefined },
      ['start', 'handler', 'end'],
    ])
  })

  it('supersedes running dispatches under takeLatest', async () => {
    const { dispatch, register, events } = setup({ concurrency: 'takeLatest' })
    register('save', 'a', (p, { signal }) =>
      p === 1 ? new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))) : undefined,
    )
    const first = dispatch('save', 1)
    await Promise.resolve()
    const second = dispatch('save', 2)
    expect({
      outcomes: [await first, await second].map(ending),
      abort: events.filter((e) => e.type === 'abort'),
    }).toEqual({
      outcomes: [
        { failed: false, error: undefined, aborted: true, abortReason: 'Superseded by a newer dispatch' },
        { failed: false, error: undefined, aborted: false, abortReason: undefined },
      ],
      abort: [{ type: 'abort', dispatchId: 1, action: 'save', reason: 'Superseded by a newer dispatch' }],
    })
  })

  it('builds the execution result only when asked for', async () => {
    const { dispatch, register } = setup()
    register('save', 'a', () => 'value')
    const without = await dispatch('save', undefined, { result: { collect: true } })
    const withResult = await dispatch('save', undefined, { result: { collect: true, strategy: 'first' } }, true)
    const early = await dispatch('none', undefined, undefined, true)
    expect([without.result, withResult.result?.result, withResult.result?.handlers, early.result?.success]).toEqual([
      null,
      'value',
      [{ id: 'a', priority: 0, outcome: 'completed', duration: 0 }],
      true,
    ])
  })
})

describe('Dispatcher lanes', () => {
  it('counts running dispatches in the status and returns to zero after each kind of ending', async () => {
    const { dispatch, register, host } = setup()
    const gates = [deferred(), deferred(), deferred()]
    register('save', 'a', (i: number, { signal }) => {
      if (i === 2) signal.addEventListener('abort', () => gates[2].reject(signal.reason))
      return gates[i].promise
    })
    const seen: number[] = []
    host.status.get('save').subscribe((s) => seen.push(s.running))
    const caller = new AbortController()
    const pending = [dispatch('save', 0), dispatch('save', 1), dispatch('save', 2, { signal: caller.signal })]
    await Promise.resolve()
    gates[0].resolve()
    gates[1].reject(new Error('boom'))
    caller.abort()
    const endings = (await Promise.all(pending)).map((o) => [o.failed, o.aborted])
    expect({ seen, endings, status: host.status.get('save').getValue() }).toEqual({
      seen: [0, 1, 2, 3, 2, 1, 0],
      endings: [
        [false, false],
        [true, false],
        [false, true],
      ],
      status: { running: 0, pending: false, lastError: expect.objectContaining({ message: 'boom' }), lastAbortReason: 'Action dispatch aborted by signal' },
    })
  })

  it('begins and ends a dispatch whose handlers are all synchronous inside the dispatch call', () => {
    const { dispatch, register, host, events } = setup()
    register('save', 'a', () => {})
    const seen: boolean[] = []
    host.status.get('save').listen(({ pending }) => seen.push(pending))
    void dispatch('save')
    expect([seen, events.map((e) => e.type)]).toEqual([
      [true, false],
      ['start', 'handler', 'end'],
    ])
  })

  it('fails a dispatch whose result merger throws, and shows the failure in the status', async () => {
    const { dispatch, register, host } = setup()
    register('save', 'a', (_, { abort }) => abort('first stopped'), { priority: 1 })
    register('save', 'b', () => 1)
    const status = host.status.get('save')
    await dispatch('save')
    const broken = new Error('merger failed')
    const merger = () => {
      throw broken
    }
    const options: DispatchOptions = { result: { collect: true, strategy: 'custom', merger }, filter: { handlerIds: ['b'] } }
    await expect(dispatch('save', undefined, options, true)).rejects.toBe(broken)
    // A failure keeps the abort reason of the dispatch before.
    expect(status.getValue()).toEqual({ running: 0, pending: false, lastError: broken, lastAbortReason: 'first stopped' })
  })

  it('runs queued dispatches one at a time, in order, counting the queued ones as running', async () => {
    const { dispatch, register, running } = setup({ concurrency: 'queue' })
    const gates = [deferred(), deferred(), deferred()]
    const log: string[] = []
    register('save', 'a', async (i: number) => {
      log.push(`start ${i}`)
      await gates[i].promise
      log.push(`end ${i}`)
    })
    const pending = [0, 1, 2].map((i) => dispatch('save', i))
    const counts = [running('save')]
    for (const gate of gates) {
      await vi.advanceTimersByTimeAsync(0)
      gate.resolve()
      await vi.advanceTimersByTimeAsync(0)
      counts.push(running('save'))
    }
    await Promise.all(pending)
    expect({ log, counts }).toEqual({
      log: ['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2'],
      counts: [3, 2, 1, 0],
    })
  })

  it('fails a queued dispatch whose filter throws once its turn comes, and counts it as running no more', async () => {
    const { dispatch, register, host, running } = setup({ concurrency: 'queue' })
    const gate = deferred()
    register('save', 'a', (i: number) => (i === 0 ? gate.promise : undefined))
    const broken = new Error('filter failed')
    let calls = 0
    // The filter is read before the wait and again once it is over: the second read throws.
    const custom = () => {
      if (++calls > 1) throw broken
      return true
    }
    const first = dispatch('save', 0)
    const second = dispatch('save', 1, { filter: { custom } })
    const rejected = expect(second).rejects.toBe(broken)
    const before = running('save')
    gate.resolve()
    await first
    await rejected
    expect([before, calls, running('save'), host.status.get('save').getValue().lastError]).toEqual([2, 2, 0, broken])
  })

  it('queues a dispatch a running handler makes after its first await', async () => {
    const { dispatch, register } = setup({ concurrency: 'queue' })
    const log: string[] = []
    let nested: Promise<unknown> | undefined
    register('save', 'a', async (i: number) => {
      log.push(`start ${i}`)
      if (i === 0) {
        await Promise.resolve()
        nested = dispatch('save', 1)
        await vi.advanceTimersByTimeAsync(0)
      }
      log.push(`end ${i}`)
    })
    await dispatch('save', 0)
    await nested
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1'])
  })

  // Found by this test: a queued dispatch made while `pipeline.run()` was starting the first handler used to wait on
  // nothing and run alongside the dispatch it should follow. Queued dispatches now wait on each pipeline's `done()`.
  it('queues a dispatch a running handler makes before its first await', async () => {
    const { dispatch, register } = setup({ concurrency: 'queue' })
    const log: string[] = []
    let nested: Promise<unknown> | undefined
    register('save', 'a', async (i: number) => {
      log.push(`start ${i}`)
      if (i === 0) {
        nested = dispatch('save', 1)
        await vi.advanceTimersByTimeAsync(0)
      }
      log.push(`end ${i}`)
    })
    await dispatch('save', 0)
    await nested
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1'])
  })

  it('ends a queued dispatch whose signal aborted while it waited, then lets takeFirst in again', async () => {
    const { dispatch, register, running, events } = setup({ concurrency: 'queue' })
    const gate = deferred()
    const ran: number[] = []
    register('save', 'a', async (i: number) => {
      ran.push(i)
      if (i === 0) await gate.promise
    })
    const caller = new AbortController()
    const first = dispatch('save', 0)
    const waiting = dispatch('save', 1, { signal: caller.signal })
    await vi.advanceTimersByTimeAsync(0)
    caller.abort()
    gate.resolve()
    const outcomes = [await first, await waiting].map(ending)
    const next = await dispatch('save', 2, { concurrency: 'takeFirst' })
    expect({ ran, outcomes, next: ending(next), running: running('save'), ends: events.filter((e) => e.type === 'end').map((e) => [e.dispatchId, e.outcome]) }).toEqual({
      ran: [0, 2],
      outcomes: [
        { failed: false, error: undefined, aborted: false, abortReason: undefined },
        { failed: false, error: undefined, aborted: true, abortReason: 'Action dispatch aborted by signal' },
      ],
      next: { failed: false, error: undefined, aborted: false, abortReason: undefined },
      running: 0,
      ends: [
        [1, 'completed'],
        [2, 'aborted'],
        [3, 'completed'],
      ],
    })
  })

  it('lets takeFirst in again after a dispatch failed or was aborted', async () => {
    const { dispatch, register } = setup({ concurrency: 'takeFirst' })
    register('save', 'a', (kind: string, { abort }) => {
      if (kind === 'fail') throw new Error('boom')
      if (kind === 'abort') abort('stop')
    })
    const outcomes = [await dispatch('save', 'fail'), await dispatch('save', 'abort'), await dispatch('save', 'ok')].map((o) => [o.failed, o.aborted, o.abortReason])
    expect(outcomes).toEqual([
      [true, false, undefined],
      [false, true, 'stop'],
      [false, false, undefined],
    ])
  })

  it('ends a dispatch that waited for its debounce while the register was disposed, without running it', async () => {
    const { dispatch, register, dispose, running, events } = setup()
    const ran: unknown[] = []
    register('save', 'a', (p) => void ran.push(p))
    const pending = dispatch('save', 1, { debounce: 10 })
    dispose()
    await vi.advanceTimersByTimeAsync(10)
    expect([ending(await pending), ran, running('save')]).toEqual([
      { failed: false, error: undefined, aborted: true, abortReason: 'Register disposed' },
      [],
      0,
    ])
    // Accepted, then ended by the dispose: aborted, not dropped.
    expect(events).toEqual([
      start(1, 'save', 1),
      { type: 'abort', dispatchId: 1, action: 'save', reason: 'Register disposed', handlerId: undefined },
      { ...end(1, 'save', 'aborted'), duration: 10 },
    ])
  })
})

describe('Dispatcher signal listener', () => {
  /** A real AbortSignal whose add/removeEventListener calls are recorded. */
  function countedSignal() {
    const controller = new AbortController()
    const { signal } = controller
    const calls: Array<[string, string, EventListenerOrEventListenerObject]> = []
    const add = signal.addEventListener.bind(signal)
    const remove = signal.removeEventListener.bind(signal)
    signal.addEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: AddEventListenerOptions | boolean) => {
      calls.push(['add', type, listener])
      add(type, listener, options)
    }) as AbortSignal['addEventListener']
    signal.removeEventListener = ((type: string, listener: EventListenerOrEventListenerObject, options?: EventListenerOptions | boolean) => {
      calls.push(['remove', type, listener])
      remove(type, listener, options)
    }) as AbortSignal['removeEventListener']
    return { controller, signal, calls }
  }

  const summary = (calls: Array<[string, string, unknown]>) => ({
    calls: calls.map(([what, type]) => [what, type]),
    sameListener: calls.length === 2 ? calls[0][2] === calls[1][2] : null,
  })

  it('removes its abort listener from the caller signal once the dispatch completed', async () => {
    const { dispatch, register } = setup()
    register('save', 'a', async () => {})
    const { signal, calls } = countedSignal()
    await dispatch('save', undefined, { signal })
    expect(summary(calls)).toEqual({ calls: [['add', 'abort'], ['remove', 'abort']], sameListener: true })
  })

  it('with autoAbort, removes its link from the caller signal once the dispatch ended, early exits included', async () => {
    const { dispatch, register } = setup()
    register('save', 'a', async () => {}, { throttle: 1_000 })
    const { signal, calls } = countedSignal()
    const autoAbort = { enabled: true }
    // Completed, then throttled (dropped before running), then without handlers.
    await dispatch('save', undefined, { signal, autoAbort })
    await dispatch('save', undefined, { signal, autoAbort })
    await dispatch('nothing', undefined, { signal, autoAbort })
    expect(calls.map(([what, type]) => `${what} ${type}`)).toEqual(Array(3).fill(['add abort', 'remove abort']).flat())
    expect(calls.filter((_, i) => i % 2 === 0).every(([, , listener], i) => listener === calls[2 * i + 1][2])).toBe(true)
  })

  it('with autoAbort, keeps the caller signal linked while handlers run, and unlinks it once they are done', async () => {
    const { dispatch, register } = setup()
    const gate = deferred()
    register('save', 'a', async (_p, { signal }) => {
      await gate.promise
      return signal.aborted
    })
    const outer = new AbortController()
    let created!: AbortController
    const pending = dispatch('save', undefined, { signal: outer.signal, autoAbort: { enabled: true, onControllerCreated: (c) => (created = c) } }, true)
    await Promise.resolve()
    outer.abort('caller left')
    gate.resolve()
    const outcome = await pending
    // A second dispatch's controller no longer hears the first caller's signal.
    const later = new AbortController()
    let second!: AbortController
    register('load', 'b', () => {})
    await dispatch('load', undefined, { signal: later.signal, autoAbort: { enabled: true, onControllerCreated: (c) => (second = c) } })
    later.abort()
    expect([created.signal.aborted, outcome.aborted, second.signal.aborted]).toEqual([true, true, false])
  })

  it('with autoAbort, unlinks the caller signal as the dispatch ends, before anything queued after its end runs', async () => {
    const { dispatch, register, host } = setup()
    register('save', 'a', async () => {
      await null
    })
    const outer = new AbortController()
    let created!: AbortController
    host.status.get('save').listen(({ running }) => {
      if (running === 0) queueMicrotask(() => outer.abort('too late'))
    })
    await dispatch('save', undefined, { signal: outer.signal, autoAbort: { enabled: true, onControllerCreated: (c) => (created = c) } })
    await Promise.resolve()
    expect([outer.signal.aborted, created.signal.aborted]).toEqual([true, false])
  })

  it('autoAbort.allowHandlerAbort without autoAbort.enabled has no controller to abort, and changes nothing', async () => {
    const { dispatch, register } = setup()
    register('save', 'a', (_p, { abort }) => abort('stop'))
    const outcome = await dispatch('save', undefined, { autoAbort: { enabled: false, allowHandlerAbort: true } })
    expect([outcome.aborted, outcome.abortReason, outcome.failed]).toEqual([true, 'stop', false])
  })

  it('with autoAbort, removes its link when a status listener throws as the dispatch ends, and the dispatch rejects', async () => {
    const { dispatch, register, host } = setup()
    register('save', 'a', async () => {})
    const broken = new Error('listener failed')
    host.status.get('save').listen(({ running }) => {
      if (running === 0) throw broken
    })
    const { signal, calls } = countedSignal()
    await expect(dispatch('save', undefined, { signal, autoAbort: { enabled: true } })).rejects.toBe(broken)
    expect(summary(calls)).toEqual({ calls: [['add', 'abort'], ['remove', 'abort']], sameListener: true })
  })

  it('with autoAbort, removes its link when a filter throws before anything ran, and the dispatch rejects', async () => {
    const { dispatch, register, running } = setup()
    register('save', 'a', () => {})
    const { signal, calls } = countedSignal()
    const broken = new Error('filter failed')
    const custom = () => {
      throw broken
    }
    await expect(dispatch('save', undefined, { signal, autoAbort: { enabled: true }, filter: { custom } })).rejects.toBe(broken)
    expect([summary(calls), running('save')]).toEqual([{ calls: [['add', 'abort'], ['remove', 'abort']], sameListener: true }, 0])
  })

  it('removes its abort listener after a failed or aborted dispatch too', async () => {
    const { dispatch, register } = setup()
    register('save', 'a', (kind: string, { abort }) => {
      if (kind === 'fail') throw new Error('boom')
      abort('stop')
    })
    const failing = countedSignal()
    const aborting = countedSignal()
    await dispatch('save', 'fail', { signal: failing.signal })
    await dispatch('save', 'abort', { signal: aborting.signal })
    expect([summary(failing.calls), summary(aborting.calls)]).toEqual([
      { calls: [['add', 'abort'], ['remove', 'abort']], sameListener: true },
      { calls: [['add', 'abort'], ['remove', 'abort']], sameListener: true },
    ])
  })

  it('removes its abort listener after the signal aborted the dispatch', async () => {
    const { dispatch, register } = setup()
    register('save', 'a', (_p, { signal }) => new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason))))
    const { controller, signal, calls } = countedSignal()
    const pending = dispatch('save', undefined, { signal })
    await Promise.resolve()
    controller.abort()
    await pending
    expect(summary(calls)).toEqual({ calls: [['add', 'abort'], ['remove', 'abort']], sameListener: true })
  })

  it('never listens to a signal when the dispatch ends before running', async () => {
    const { dispatch, register } = setup()
    register('save', 'a', () => {}, { throttle: 10 })
    await dispatch('save')
    const aborted = countedSignal()
    aborted.controller.abort()
    const throttled = countedSignal()
    const unhandled = countedSignal()
    await dispatch('save', undefined, { signal: aborted.signal })
    await dispatch('save', undefined, { signal: throttled.signal })
    await dispatch('missing', undefined, { signal: unhandled.signal })
    expect([aborted.calls, throttled.calls, unhandled.calls]).toEqual([[], [], []])
  })
})
