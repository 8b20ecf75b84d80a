import { describe, expect, it, vi } from 'vitest'
import { deferred, failOnUnhandledRejections } from '../__tests__/async-helpers'
import { ActionRegister } from './action-register'
import type { ExecutionResult } from './action-types'

type Actions = { go: number; other: string }

failOnUnhandledRejections(() => vi.useRealTimers())

const flush = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve()
}

const summary = (r: ExecutionResult) => ({ success: r.success, aborted: r.aborted, abortReason: r.abortReason, executed: r.execution.handlersExecuted })

describe('parallel mode', () => {
  it('starts every handler at once, awaits all and keeps results in priority order', async () => {
    const actions = new ActionRegister<Actions>()
    const log: string[] = []
    const gates = [deferred(), deferred()]
    actions.register('go', async () => {
      log.push('a start')
      await gates[0].promise
      log.push('a end')
      return 'a'
    }, { priority: 2 })
    actions.register('go', async (_, c) => {
      log.push('b start')
      await gates[1].promise
      c.setResult('b1')
      log.push('b end')
      return 'b2'
    }, { priority: 1 })
    const done = actions.dispatchWithResult('go', 1, { executionMode: 'parallel' })
    await flush()
    gates[1].resolve()
    await flush()
    gates[0].resolve()
    const result = await done
    expect(log).toEqual(['a start', 'b start', 'b end', 'a end'])
    expect([result.results, result.success, result.execution.handlersExecuted]).toEqual([['a', 'b1', 'b2'], true, 2])
  })

  it('fails when any handler fails, reporting every error in priority order after all settled', async () => {
    const actions = new ActionRegister<Actions>()
    const log: string[] = []
    const first = new Error('first')
    const second = new Error('second')
    actions.register('go', async () => {
      await flush()
      throw first
    }, { id: 'high', priority: 2 })
    actions.register('go', () => {
      throw second
    }, { id: 'mid', priority: 1 })
    actions.register('go', async () => {
      await flush()
      await flush()
      log.push('low done')
    }, { id: 'low' })
    const result = await actions.dispatchWithResult('go', 1, { executionMode: 'parallel' })
    expect(log).toEqual(['low done'])
    expect(result.errors.map((e) => [e.handlerId, e.error])).toEqual([
      ['high', first],
      ['mid', second],
    ])
    expect(result.handlers.map((h) => h.outcome)).toEqual(['failed', 'failed', 'completed'])
    await expect(actions.dispatch('go', 1, { executionMode: 'parallel' })).rejects.toBe(first)
  })

  it('keeps the value given to return()', async () => {
    const actions = new ActionRegister<Actions>()
    actions.register('go', async (_, c) => {
      await null
      c.return('kept')
      return 'own'
    }, { priority: 1 })
    actions.register('go', () => 'other')
    const result = await actions.dispatchWithResult('go', 1, { executionMode: 'parallel', result: { collect: true } })
    expect([result.terminated, result.result, result.results, result.success]).toEqual([true, 'kept', ['other'], true])
  })

  it('abort() aborts the shared signal so other handlers can stop', async () => {
    const actions = new ActionRegister<Actions>()
    const log: string[] = []
    actions.register('go', async (_, c) => {
      await new Promise<void>((resolve) => c.signal.addEventListener('abort', () => resolve()))
      log.push(`waiter saw ${(c.signal.reason as DOMException).message}`)
    }, { priority: 1 })
    actions.register('go', async (_, c) => {
      await null
      c.abort('cancel all')
    })
    const result = await actions.dispatchWithResult('go', 1, { executionMode: 'parallel' })
    expect(log).toEqual(['waiter saw cancel all'])
    expect(summary(result)).toEqual({ success: false, aborted: true, abortReason: 'cancel all', executed: 2 })
  })
})

describe('race mode', () => {
  it('resolves with the first handler to settle, aborts the losers and ignores what they do later', async () => {
    const actions = new ActionRegister<Actions>()
    const slow = deferred()
    const log: string[] = []
    actions.register('go', async (_, c) => {
      c.signal.addEventListener('abort', () => log.push('slow aborted'))
      await slow.promise
      c.setResult('late')
      c.modifyPayload(() => 99)
      throw new Error('after the race')
    }, { id: 'slow', priority: 1 })
    actions.register('go', async () => {
      await null
      return 'fast'
    }, { id: 'fast' })
    const result = await actions.dispatchWithResult('go', 1, { executionMode: 'race', result: { collect: true, strategy: 'first' } })
    slow.resolve()
    await flush()
    expect(log).toEqual(['slow aborted'])
    expect([result.success, result.result, result.results, result.errors]).toEqual([true, 'fast', ['fast'], []])
    expect(result.handlers.map((h) => [h.id, h.outcome])).toEqual([
      ['slow', 'aborted'],
      ['fast', 'completed'],
    ])
  })

  it('fails when the winner fails', async () => {
    const actions = new ActionRegister<Actions>()
    const boom = new Error('boom')
    const never = deferred()
    actions.register('go', () => never.promise, { priority: 1 })
    actions.register('go', async () => {
      throw boom
    }, { id: 'loser-by-error' })
    await expect(actions.dispatch('go', 1, { executionMode: 'race' })).rejects.toBe(boom)
    never.resolve()
  })
})

describe('signals', () => {
  it('a pre-aborted signal runs nothing', async () => {
    const actions = new ActionRegister<Actions>()
    let runs = 0
    actions.register('go', () => void runs++)
    const controller = new AbortController()
    controller.abort()
    const result = await actions.dispatchWithResult('go', 1, { signal: controller.signal })
    expect([runs, summary(result)]).toEqual([0, { success: false, aborted: true, abortReason: 'Action dispatch aborted by signal', executed: 0 }])
    await expect(actions.dispatch('go', 1, { signal: controller.signal })).resolves.toBeUndefined()
  })

  it('aborting the caller signal mid-run aborts handler signals and stops later handlers; listeners are removed afterwards', async () => {
    const actions = new ActionRegister<Actions>()
    const controller = new AbortController()
    const added: unknown[] = []
    const removed: unknown[] = []
    const signal = controller.signal
    const add = signal.addEventListener.bind(signal)
    const remove = signal.removeEventListener.bind(signal)
    signal.addEventListener = ((type: string, fn: EventListener) => (added.push(fn), add(type, fn))) as typeof signal.addEventListener
    signal.removeEventListener = ((type: string, fn: EventListener) => (removed.push(fn), remove(type, fn))) as typeof signal.removeEventListener
    const log: string[] = []
    const gate = deferred()
    actions.register('go', async (_, c) => {
      await gate.promise
      log.push(`first sees aborted=${c.signal.aborted}`)
    }, { priority: 1 })
    actions.register('go', () => void log.push('never'))
    const done = actions.dispatchWithResult('go', 1, { signal })
    await flush()
    controller.abort()
    gate.resolve()
    const result = await done
    expect(log).toEqual(['first sees aborted=true'])
    expect(summary(result)).toEqual({ success: false, aborted: true, abortReason: 'Action dispatch aborted by signal', executed: 1 })
    expect(added.length).toBe(1)
    expect(removed).toEqual(added)
  })

  it('a handler error caused by its aborted signal counts as aborted, not failed', async () => {
    const actions = new ActionRegister<Actions>()
    const controller = new AbortController()
    actions.register('go', async (_, c) => {
      await new Promise((_, reject) => c.signal.addEventListener('abort', () => reject(c.signal.reason)))
    })
    const done = actions.dispatchWithResult('go', 1, { signal: controller.signal })
    await flush()
    controller.abort()
    const result = await done
    expect([summary(result), result.errors, result.handlers[0].outcome]).toEqual([
      { success: false, aborted: true, abortReason: 'Action dispatch aborted by signal', executed: 1 },
      [],
      'aborted',
    ])
  })

  it('aborts the signal of a running handler when it is unregistered', async () => {
    const actions = new ActionRegister<Actions>()
    const gate = deferred()
    const reasons: string[] = []
    const off = actions.register('go', async (_, c) => {
      c.signal.addEventListener('abort', () => reasons.push((c.signal.reason as DOMException).message))
      await gate.promise
    })
    const done = actions.dispatch('go', 1)
    await flush()
    off()
    gate.resolve()
    await done
    expect(reasons).toEqual(['Handler unregistered'])
  })
})

describe('concurrency policies', () => {
  it('takeLatest aborts the running dispatch: its signal fires, its pipeline stops, the new one completes', async () => {
    const actions = new ActionRegister<Actions>()
    actions.setActionConcurrency('go', 'takeLatest')
    const log: string[] = []
    const gates = new Map([
      [1, deferred<void>()],
      [2, deferred<void>()],
    ])
    actions.register('go', async (n, c) => {
      log.push(`fetch ${n}`)
      c.signal.addEventListener('abort', () => log.push(`abort ${n}: ${(c.signal.reason as DOMException).message}`))
      await gates.get(n)!.promise
    }, { priority: 1 })
    actions.register('go', (n) => void log.push(`apply ${n}`))
    const first = actions.dispatchWithResult('go', 1)
    await flush()
    const second = actions.dispatchWithResult('go', 2)
    await flush()
    gates.get(1)!.resolve()
    gates.get(2)!.resolve()
    const results = await Promise.all([first, second])
    expect(log).toEqual(['fetch 1', 'abort 1: Superseded by a newer dispatch', 'fetch 2', 'apply 2'])
    expect(results.map(summary)).toEqual([
      { success: false, aborted: true, abortReason: 'Superseded by a newer dispatch', executed: 1 },
      { success: true, aborted: false, abortReason: undefined, executed: 2 },
    ])
  })

  it('takeFirst drops dispatches while one runs', async () => {
    const actions = new ActionRegister<Actions>()
    const gate = deferred()
    const log: number[] = []
    actions.register('go', async (n) => {
      log.push(n)
      await gate.promise
    })
    const first = actions.dispatchWithResult('go', 1, { concurrency: 'takeFirst' })
    await flush()
    const dropped = await actions.dispatchWithResult('go', 2, { concurrency: 'takeFirst' })
    await expect(actions.dispatch('go', 3, { concurrency: 'takeFirst' })).resolves.toBeUndefined()
    gate.resolve()
    await first
    await actions.dispatch('go', 4, { concurrency: 'takeFirst' })
    expect(log).toEqual([1, 4])
    expect(summary(dropped)).toEqual({ success: false, aborted: true, abortReason: 'Dropped: "go" is already running', executed: 0 })
  })

  it('queue runs dispatches of an action one after another, in call order', async () => {
    const actions = new ActionRegister<Actions>({ registry: { defaultConcurrency: 'queue' } })
    expect(actions.getActionConcurrency('go')).toBe('queue')
    const log: string[] = []
    const gates = [deferred(), deferred(), deferred()]
    actions.register('go', async (n) => {
      log.push(`start ${n}`)
      await gates[n].promise
      log.push(`end ${n}`)
    })
    const all = Promise.all([0, 1, 2].map((n) => actions.dispatch('go', n)))
    await flush()
    gates[2].resolve()
    gates[1].resolve()
    await flush()
    expect(log).toEqual(['start 0'])
    gates[0].resolve()
    await all
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2'])
  })

  it('queue waits for a running parallel dispatch and survives a failure before it', async () => {
    const actions = new ActionRegister<Actions>()
    const log: string[] = []
    const gate = deferred()
    actions.register('go', async (n) => {
      log.push(`start ${n}`)
      if (n === 0) {
        await gate.promise
        throw new Error('first failed')
      }
    })
    const first = actions.dispatch('go', 0).catch((e: Error) => log.push(e.message))
    const queued = actions.dispatch('go', 1, { concurrency: 'queue' })
    await flush()
    expect(log).toEqual(['start 0'])
    gate.resolve()
    await Promise.all([first, queued])
    // The queued dispatch ran after the first, whose caller heard of its failure (in whichever microtask order).
    expect(log.filter((line) => line.startsWith('start'))).toEqual(['start 0', 'start 1'])
    expect(log).toContain('first failed')
  })

  it('rejects unknown policies', () => {
    expect(() => new ActionRegister<Actions>().setActionConcurrency('go', 'exclusive' as never)).toThrow(
      'ActionRegister.setActionConcurrency: policy must be one of "parallel", "takeLatest", "takeFirst", "queue", got "exclusive"',
    )
  })

  it('removeActionConcurrency restores the default', () => {
    const actions = new ActionRegister<Actions>()
    actions.setActionConcurrency('go', 'takeFirst')
    actions.removeActionConcurrency('go')
    expect(actions.getActionConcurrency('go')).toBe('parallel')
  })
})

describe('debounce and throttle', () => {
  it('debounce coalesces dispatch calls; the last call runs with its own payload', async () => {
    vi.useFakeTimers()
    const actions = new ActionRegister<Actions>()
    const log: number[] = []
    actions.register('go', (n) => void log.push(n))
    const calls = [1, 2, 3].map((n) => actions.dispatch('go', n, { debounce: 100 }))
    await vi.advanceTimersByTimeAsync(99)
    expect(log).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(await Promise.all(calls)).toEqual([undefined, undefined, undefined])
    expect(log).toEqual([3])
  })

  it('superseded debounced calls resolve as aborted through dispatchWithResult', async () => {
    vi.useFakeTimers()
    const actions = new ActionRegister<Actions>()
    actions.register('go', (n) => n, { debounce: 50 })
    const first = actions.dispatchWithResult('go', 1)
    const second = actions.dispatchWithResult('go', 2)
    await vi.advanceTimersByTimeAsync(50)
    const results = await Promise.all([first, second])
    expect(results.map((r) => [summary(r), r.results])).toEqual([
      [{ success: false, aborted: true, abortReason: 'Debounced execution', executed: 0 }, []],
      [{ success: true, aborted: false, abortReason: undefined, executed: 1 }, [2]],
    ])
    expect(actions.getActionStats('go')!.executionStats!.totalExecutions).toBe(1)
  })

  it('uses the first handler in priority order that sets debounce; the dispatch option overrides it', async () => {
    vi.useFakeTimers()
    const actions = new ActionRegister<Actions>()
    const log: number[] = []
    actions.register('go', () => {}, { priority: 1, debounce: 100 })
    actions.register('go', (n) => void log.push(n), { debounce: 10 })
    const a = actions.dispatch('go', 1)
    await vi.advanceTimersByTimeAsync(50)
    expect(log).toEqual([])
    await vi.advanceTimersByTimeAsync(50)
    await a
    const b = actions.dispatch('go', 2, { debounce: 0 })
    await vi.advanceTimersByTimeAsync(0)
    await b
    expect(log).toEqual([1, 2])
  })

  it('takes the handler snapshot after the debounce wait', async () => {
    vi.useFakeTimers()
    const actions = new ActionRegister<Actions>()
    const log: string[] = []
    const off = actions.register('go', () => void log.push('removed during wait'), { priority: 1 })
    actions.register('go', () => void log.push('kept'), { debounce: 20 })
    const done = actions.dispatch('go', 1)
    off()
    await vi.advanceTimersByTimeAsync(20)
    await done
    expect(log).toEqual(['kept'])
  })

  it('throttle runs the first call and drops calls inside the window', async () => {
    vi.useFakeTimers()
    const actions = new ActionRegister<Actions>()
    const log: number[] = []
    actions.register('go', (n) => void log.push(n), { throttle: 100 })
    await actions.dispatch('go', 1)
    const dropped = await actions.dispatchWithResult('go', 2)
    await vi.advanceTimersByTimeAsync(99)
    await actions.dispatch('go', 3)
    await vi.advanceTimersByTimeAsync(1)
    await actions.dispatch('go', 4)
    expect(log).toEqual([1, 4])
    expect(summary(dropped)).toEqual({ success: false, aborted: true, abortReason: 'Throttled execution', executed: 0 })
  })

  it('clearAll and dispose cancel pending timers; pending debounced calls resolve as aborted', async () => {
    vi.useFakeTimers()
    const actions = new ActionRegister<Actions>()
    let runs = 0
    actions.register('go', () => void runs++, { debounce: 1000, throttle: 5000 })
    const pending = actions.dispatchWithResult('go', 1)
    expect(vi.getTimerCount()).toBe(2)
    actions.clearAll()
    expect(vi.getTimerCount()).toBe(0)
    expect(summary(await pending)).toEqual({ success: false, aborted: true, abortReason: 'Register cleared', executed: 0 })
    actions.register('go', () => void runs++, { debounce: 1000 })
    const other = actions.dispatch('go', 2)
    actions.dispose()
    await expect(other).resolves.toBeUndefined()
    expect([runs, vi.getTimerCount()]).toEqual([0, 0])
  })

  it('no timers exist for actions that use neither option', async () => {
    vi.useFakeTimers()
    const actions = new ActionRegister<Actions>()
    actions.register('go', async () => {
      await null
    })
    const done = actions.dispatch('go', 1)
    expect(vi.getTimerCount()).toBe(0)
    await done
  })
})

describe('no unhandled rejections', () => {
  it('from non-blocking handlers that return() and reject later, race losers and many failing dispatches', async () => {
    const actions = new ActionRegister<Actions>()
    const gate = deferred()
    actions.register('go', async (_, c) => {
      c.return('early')
      await gate.promise
      throw new Error('late non-blocking')
    }, { blocking: false, priority: 1 })
    actions.register('other', async () => {
      await gate.promise
      throw new Error('race loser')
    }, { priority: 1 })
    actions.register('other', () => 'winner')
    const a = actions.dispatchWithResult('go', 1)
    const b = actions.dispatchWithResult('other', 'x', { executionMode: 'race' })
    await flush()
    gate.resolve()
    const [ra, rb] = await Promise.all([a, b])
    expect([ra.success, ra.errors.map((e) => e.error.message), rb.success, rb.results]).toEqual([false, ['late non-blocking'], true, ['winner']])
  })
})
