import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ActionRegister } from './action-register'
import type { DispatchEvent } from './action-types'

// `performance` is fake: a handler that advances it by 10 ms takes exactly 10 ms, and its reads are counted.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['performance'] })
})

afterEach(() => {
  vi.restoreAllMocks()
  vi.useRealTimers()
})

type Actions = { go: number }

/** A register whose `go` handler takes `ms` of (fake) time; `reads()` counts the clock reads since the last call. */
function setup() {
  const actions = new ActionRegister<Actions>()
  actions.register('go', (ms) => void vi.advanceTimersByTime(ms))
  const now = vi.spyOn(performance, 'now')
  const reads = () => {
    const n = now.mock.calls.length
    now.mockClear()
    return n
  }
  return { actions, reads }
}

describe('dispatch durations are measured only for those who read them', () => {
  it('reads no clock for a dispatch nobody watches, before the statistics were ever read', async () => {
    const { actions, reads } = setup()
    await actions.dispatch('go', 10)
    await actions.dispatch('go', 10)
    expect(reads()).toBe(0)
  })

  it('counts every execution, but averages only the durations measured: those after the first read of the statistics', async () => {
    const { actions, reads } = setup()
    await actions.dispatch('go', 10)
    const first = actions.getActionStats('go')!.executionStats
    reads()
    await actions.dispatch('go', 30)
    await actions.dispatch('go', 50)
    const timedReads = reads()
    const later = actions.getActionStats('go')!.executionStats
    expect({ first, timedReads, later }).toEqual({
      first: { totalExecutions: 1, averageDuration: 0, successRate: 100, errorCount: 0, abortCount: 0 },
      timedReads: 4,
      later: { totalExecutions: 3, averageDuration: 40, successRate: 100, errorCount: 0, abortCount: 0 },
    })
  })

  it('times a dispatch that an observer watches or whose result is asked for, and uses that duration in the statistics', async () => {
    const { actions } = setup()
    const ends: number[] = []
    const off = actions.observe((e: DispatchEvent) => void (e.type === 'end' && ends.push(e.duration)))
    await actions.dispatch('go', 20)
    off()
    const result = await actions.dispatchWithResult('go', 40)
    await actions.dispatch('go', 1000)
    expect({ ends, duration: result.execution.duration, stats: actions.getActionStats('go')!.executionStats }).toEqual({
      ends: [20],
      duration: 40,
      stats: { totalExecutions: 3, averageDuration: 30, successRate: 100, errorCount: 0, abortCount: 0 },
    })
  })

  it('gives an observer added while a dispatch runs its end with duration 0, the start of that dispatch having not been timed', async () => {
    const actions = new ActionRegister<Actions>()
    let release!: () => void
    actions.register('go', () => new Promise<void>((resolve) => (release = resolve)))
    const running = actions.dispatch('go', 1)
    const ends: Array<[string, number]> = []
    actions.observe((e) => void (e.type === 'end' && ends.push([e.outcome, e.duration])))
    vi.advanceTimersByTime(25)
    release()
    await running
    expect(ends).toEqual([['completed', 0]])
  })
})
