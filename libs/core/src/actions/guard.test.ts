import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Guard } from './guard'

beforeEach(() => void vi.useFakeTimers())
afterEach(() => void vi.useRealTimers())

describe('Guard', () => {
  it('debounce: only the last call of a key runs, after the quiet period', async () => {
    const guard = new Guard()
    const verdicts: string[] = []
    const calls = [1, 2, 3].map((n) => guard.debounce('k', 100).then((v) => verdicts.push(`${n}:${v}`)))
    await vi.advanceTimersByTimeAsync(100)
    await Promise.all(calls)
    expect(verdicts).toEqual(['1:superseded', '2:superseded', '3:run'])
    expect(vi.getTimerCount()).toBe(0)
  })

  it('debounce keys are independent', async () => {
    const guard = new Guard()
    const verdicts: string[] = []
    const a = guard.debounce('a', 10).then((v) => verdicts.push(`a:${v}`))
    const b = guard.debounce('b', 20).then((v) => verdicts.push(`b:${v}`))
    await vi.advanceTimersByTimeAsync(20)
    await Promise.all([a, b])
    expect(verdicts).toEqual(['a:run', 'b:run'])
  })

  it('throttle: leading edge, then blocked for the window', async () => {
    const guard = new Guard()
    const seen: boolean[] = []
    seen.push(guard.throttle('k', 100), guard.throttle('k', 100), guard.throttle('other', 100))
    await vi.advanceTimersByTimeAsync(99)
    seen.push(guard.throttle('k', 100))
    await vi.advanceTimersByTimeAsync(1)
    seen.push(guard.throttle('k', 100), guard.throttle('z', 0), guard.throttle('z', 0))
    expect(seen).toEqual([true, false, true, false, true, true, true])
  })

  it('clear cancels every timer and resolves pending calls as cancelled', async () => {
    const guard = new Guard()
    const pending = [guard.debounce('a', 100), guard.debounce('b', 100)]
    guard.throttle('c', 100)
    expect(vi.getTimerCount()).toBe(3)
    guard.clear()
    expect(vi.getTimerCount()).toBe(0)
    expect(await Promise.all(pending)).toEqual(['cancelled', 'cancelled'])
    expect(guard.throttle('c', 100)).toBe(true)
  })

  it('clear(key) leaves other keys alone', async () => {
    const guard = new Guard()
    const a = guard.debounce('a', 10)
    const b = guard.debounce('b', 10)
    guard.throttle('a', 10)
    guard.clear('a')
    await vi.advanceTimersByTimeAsync(10)
    expect(await Promise.all([a, b])).toEqual(['cancelled', 'run'])
    expect(guard.throttle('a', 10)).toBe(true)
  })

  it('creates no timers until used', () => {
    new Guard().clear()
    expect(vi.getTimerCount()).toBe(0)
  })
})
