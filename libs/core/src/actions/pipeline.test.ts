import { describe, expect, it, vi } from 'vitest'
import type { ActionHandler } from './action-types'
import type { Invocation, PipelineEntry } from './invocation'
import { Pipeline } from './pipeline'

function entry(id: string, priority: number, handler: ActionHandler<any, any>, extra: Partial<PipelineEntry> = {}): PipelineEntry {
  return { id, priority, handler, blocking: true, condition: undefined, validation: undefined, claim: () => true, ...extra }
}

describe('Pipeline', () => {
  it('runs a snapshot in order and reports outcomes, counts and results', async () => {
    const log: string[] = []
    const p = new Pipeline(
      [
        entry('a', 2, () => (log.push('a'), 'ra')),
        entry('b', 1, () => void log.push('b'), { condition: () => false }),
        entry('c', 0, () => void log.push('c'), { claim: () => false }),
      ],
      'sequential',
      1,
    )
    await p.run()
    expect([log, p.results, p.executed, p.skipped, p.failed, p.executions.map((e) => e.outcome)]).toEqual([
      ['a'],
      ['ra'],
      1,
      2,
      0,
      ['completed', 'skipped', 'skipped'],
    ])
  })

  it('claims each invocation before its handler runs, and marks it finished once the handler settles', async () => {
    const log: string[] = []
    let claimed!: Invocation
    const p = new Pipeline(
      [entry('a', 0, async () => void log.push(`run, finished ${claimed.finished}`), { claim: (i) => ((claimed = i), log.push('claim'), true) })],
      'sequential',
      undefined,
    )
    await p.run()
    expect([log, claimed.finished]).toEqual([['claim', 'run, finished false'], true])
  })

  it('lists as running only the invocations whose handler has not settled', async () => {
    let open!: () => void
    const gate = new Promise<void>((resolve) => (open = resolve))
    const p = new Pipeline([entry('done', 2, () => 1), entry('waiting', 1, () => gate, { blocking: false })], 'sequential', undefined)
    const run = p.run()
    const before = p.running().map((invocation) => invocation.entry.id)
    open()
    await run
    expect([before, p.running()]).toEqual([['waiting'], []])
  })

  it('aborts the signals of the handlers still running, never of those that finished', async () => {
    const signals: AbortSignal[] = []
    let open!: () => void
    const gate = { promise: new Promise<void>((resolve) => (open = resolve)), resolve: () => open() }
    const p = new Pipeline(
      [
        entry('done', 3, (_, c) => void signals.push(c.signal)),
        entry('running', 2, async (_, c) => {
          signals.push(c.signal)
          await gate.promise
        }, { blocking: false }),
        entry('stopper', 1, (_, c) => {
          signals.push(c.signal)
          c.abort('stop')
        }),
      ],
      'sequential',
      undefined,
    )
    const run = p.run()
    gate.resolve()
    await run
    expect(signals.map((s) => s.aborted)).toEqual([false, true, true])
  })

  it('calls the handler hook for every outcome, including handlers never reached', async () => {
    const seen: string[] = []
    const p = new Pipeline(
      [entry('a', 1, (_, c) => c.abort('x')), entry('b', 0, () => {})],
      'sequential',
      undefined,
      (e) => seen.push(`${e.id}:${e.outcome}`),
    )
    await p.run()
    expect(seen).toEqual(['a:completed', 'b:aborted'])
  })

  it('makes controllers inert once the pipeline has closed', async () => {
    let kept: Parameters<ActionHandler>[1] | undefined
    const p = new Pipeline([entry('a', 0, (_, c) => ((kept = c), 'result'))], 'sequential', 'p')
    await p.run()
    kept!.setResult(1)
    kept!.abort('late')
    kept!.return(2)
    kept!.modifyPayload(() => 'changed')
    kept!.mergeResult(() => 'merged')
    expect([p.results, p.aborted, p.terminated, p.payload, kept!.getPayload()]).toEqual([['result'], false, false, 'p', 'p'])
  })

  it('creates a handler signal only when read, already aborted if the invocation was cancelled', async () => {
    let invocation: Invocation | undefined
    let reason: unknown
    const p = new Pipeline(
      [
        entry('a', 0, async (_, c) => {
          invocation!.cancel('gone')
          reason = (c.signal.reason as DOMException).message
        }, { claim: (i) => ((invocation = i), true) }),
      ],
      'sequential',
      undefined,
    )
    await p.run()
    expect([reason, p.executions[0].outcome]).toEqual(['gone', 'completed'])
  })

  it('ignores jumpToPriority outside sequential mode', async () => {
    const log: string[] = []
    const p = new Pipeline(
      [entry('a', 2, (_, c) => (log.push('a'), c.jumpToPriority(0))), entry('b', 1, () => void log.push('b')), entry('c', 0, () => void log.push('c'))],
      'parallel',
      undefined,
    )
    await p.run()
    expect(log).toEqual(['a', 'b', 'c'])
  })

  /** `a` (non-blocking) asks to jump to `target` while `b` (blocking) runs; the handlers that ran, in order. */
  async function lateJump(target: number): Promise<string[]> {
    const log: string[] = []
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const p = new Pipeline(
      [
        entry('a', 3, async (_, c) => {
          log.push('a')
          await gate
          c.jumpToPriority(target)
        }, { blocking: false }),
        entry('b', 2, async () => {
          log.push('b')
          release()
          await null
          await null
        }),
        entry('c', 1, () => void log.push('c')),
        entry('d', 0, () => void log.push('d')),
      ],
      'sequential',
      undefined,
    )
    await p.run()
    return log
  }

  it('a jump requested by a non-blocking handler applies after the handler running then', async () => {
    expect(await lateJump(0)).toEqual(['a', 'b', 'd'])
  })

  it('a jump back to a higher priority runs no handler again', async () => {
    expect(await lateJump(10)).toEqual(['a', 'b', 'c', 'd'])
  })

  it('a jump to a priority below every handler left ends the run, reporting them skipped', async () => {
    const log: string[] = []
    const p = new Pipeline(
      [entry('a', 2, (_, c) => (log.push('a'), c.jumpToPriority(-10))), entry('b', 1, () => void log.push('b')), entry('c', 0, () => void log.push('c'))],
      'sequential',
      undefined,
    )
    expect(p.run()).toBeUndefined()
    expect([log, p.executions.map((e) => e.outcome)]).toEqual([['a'], ['completed', 'skipped', 'skipped']])
  })

  it('times each handler by default: its duration is the time it took', async () => {
    vi.useFakeTimers({ toFake: ['performance'] })
    try {
      vi.advanceTimersByTime(100)
      const p = new Pipeline([entry('a', 0, () => void vi.advanceTimersByTime(5))], 'sequential', undefined)
      p.run()
      expect(p.executions.map((e) => e.duration)).toEqual([5])
    } finally {
      vi.useRealTimers()
    }
  })

  it('settles a handler at once unless it returns a thenable, a function with a then method included', async () => {
    const plain = { then: 1 }
    const later = Object.assign(() => 'not called', { then: (resolve: (v: string) => void) => resolve('from then') })
    const sync = new Pipeline([entry('a', 1, () => plain), entry('b', 0, () => () => 'f')], 'sequential', undefined)
    expect(sync.run()).toBeUndefined()
    expect(sync.results[0]).toBe(plain)
    const thenable = new Pipeline([entry('a', 0, () => later)], 'sequential', undefined)
    await thenable.run()
    expect(thenable.results).toEqual(['from then'])
  })

  it('in sequential mode, the failure that stopped the run is the first error, and results come as handlers finish', async () => {
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const failing = new Pipeline(
      [
        entry('a', 1, async () => {
          await gate
          throw new Error('late')
        }, { blocking: false }),
        entry('b', 0, () => {
          release()
          throw new Error('stopped')
        }),
      ],
      'sequential',
      undefined,
    )
    await failing.run()
    expect(failing.errors.map((e) => [e.handlerId, (e.error as Error).message])).toEqual([
      ['b', 'stopped'],
      ['a', 'late'],
    ])
    const results = new Pipeline(
      [
        entry('a', 1, async () => {
          await null
          await null
          return 'a, last to finish'
        }, { blocking: false }),
        entry('b', 0, () => 'b'),
      ],
      'sequential',
      undefined,
    )
    await results.run()
    expect(results.results).toEqual(['b', 'a, last to finish'])
  })

  it('done() settles at once for a closed pipeline, and when a running one closes', async () => {
    const p = new Pipeline([entry('a', 0, () => 1)], 'sequential', undefined)
    p.run()
    const pending = Symbol('pending')
    const settled = (promise: Promise<void>) => Promise.race([promise.then(() => 'done'), new Promise((r) => setTimeout(() => r(pending), 10))])
    expect(await settled(p.done())).toBe('done')
    let release!: () => void
    const running = new Pipeline([entry('a', 0, () => new Promise<void>((r) => (release = r)))], 'sequential', undefined)
    const run = running.run()
    const done = running.done()
    release()
    await run
    expect(await settled(done)).toBe('done')
  })

  it('race starts no handler after one whose condition throws', async () => {
    const log: string[] = []
    const p = new Pipeline(
      [entry('a', 1, () => 1, { condition: () => { throw new Error('bad') } }), entry('b', 0, () => void log.push('b'))],
      'race',
      undefined,
    )
    await p.run()
    expect([log, p.failed, p.executions.map((e) => e.outcome)]).toEqual([[], 1, ['failed', 'skipped']])
  })

  it('race aborts the losers with the reason "Lost the race"', async () => {
    let reason: unknown
    const p = new Pipeline(
      [
        entry('a', 1, async () => 'winner'),
        entry('b', 0, (_, c) => new Promise<void>((resolve) => c.signal.addEventListener('abort', () => ((reason = c.signal.reason), resolve())))),
      ],
      'race',
      undefined,
    )
    await p.run()
    expect([p.results, reason]).toEqual([['winner'], expect.objectContaining({ name: 'AbortError', message: 'Lost the race' })])
  })

  it('applies the limits it is given to entries without limits of their own', async () => {
    let attempts = 0
    const p = new Pipeline(
      [entry('a', 0, () => {
        if (++attempts < 2) throw new Error('once')
        return 'second try'
      })],
      'sequential',
      undefined,
      null,
      false,
      { retries: 1, maxRetries: Infinity, retryDelay: 0 },
    )
    await p.run()
    expect([attempts, p.results, p.failed]).toEqual([2, ['second try'], 0])
  })

  it('race with no runnable handler resolves at once', async () => {
    const p = new Pipeline([entry('a', 0, () => 1, { condition: () => false })], 'race', undefined)
    await p.run()
    expect([p.executed, p.skipped, p.closed]).toEqual([0, 1, true])
  })

  it('race stops at a failing condition and cancels the handlers already running', async () => {
    let aborted = false
    const p = new Pipeline(
      [
        entry('a', 1, (_, c) => new Promise<void>((resolve) => c.signal.addEventListener('abort', () => ((aborted = true), resolve())))),
        entry('b', 0, () => 1, { condition: () => { throw new Error('bad') } }),
      ],
      'race',
      undefined,
    )
    await p.run()
    expect([aborted, p.failed, p.executions.map((e) => e.outcome)]).toEqual([true, 1, ['aborted', 'failed']])
  })
})
