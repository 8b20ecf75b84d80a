import { describe, expect, it } from 'vitest'
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
    const p = new Pipeline([entry('a', 0, (_, c) => void (kept = c))], 'sequential', 'p')
    await p.run()
    kept!.setResult(1)
    kept!.abort('late')
    kept!.return(2)
    kept!.modifyPayload(() => 'changed')
    expect([p.results, p.aborted, p.terminated, p.payload, kept!.getPayload()]).toEqual([[], false, false, 'p', 'p'])
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

  it('a jump requested by a non-blocking handler applies after the handler running then', async () => {
    const log: string[] = []
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    const p = new Pipeline(
      [
        entry('a', 3, async (_, c) => {
          log.push('a')
          await gate
          c.jumpToPriority(0)
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
    expect(log).toEqual(['a', 'b', 'd'])
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
