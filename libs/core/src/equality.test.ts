import { describe, expect, it } from 'vitest'
import { deepEqual, shallowEqual } from './equality'

describe('shallowEqual', () => {
  it('compares own entries one level deep', () => {
    const inner = { a: 1 }
    expect(shallowEqual({ x: inner, y: 2 }, { x: inner, y: 2 })).toBe(true)
    expect(shallowEqual({ x: { a: 1 } }, { x: { a: 1 } })).toBe(false)
    expect(shallowEqual([1, inner], [1, inner])).toBe(true)
    expect(shallowEqual([1, 2], [1, 2, 3])).toBe(false)
    expect(shallowEqual({ a: 1 }, { a: 1, b: undefined } as { a: number })).toBe(false)
    expect(shallowEqual({ a: undefined, b: 1 } as { a?: number; b?: number }, { b: 1, c: 1 } as { a?: number; b?: number })).toBe(false)
    expect(shallowEqual(NaN, NaN)).toBe(true)
    expect(shallowEqual<unknown>([1], { 0: 1 })).toBe(false)
    expect(shallowEqual<unknown>(null, {})).toBe(false)
  })

  it('treats key order as irrelevant', () => {
    expect(shallowEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true)
  })
})

describe('deepEqual', () => {
  it('compares nested plain data', () => {
    expect(deepEqual({ a: [1, { b: 'x' }] }, { a: [1, { b: 'x' }] })).toBe(true)
    expect(deepEqual({ a: [1, { b: 'x' }] }, { a: [1, { b: 'y' }] })).toBe(false)
  })

  it('compares Date, RegExp, Map and Set by content', () => {
    expect(deepEqual(new Date(5), new Date(5))).toBe(true)
    expect(deepEqual(new Date(5), new Date(6))).toBe(false)
    expect(deepEqual(/a/g, /a/g)).toBe(true)
    expect(deepEqual(new Map([[1, { a: 1 }]]), new Map([[1, { a: 1 }]]))).toBe(true)
    expect(deepEqual(new Map([[1, { a: 1 }]]), new Map([[1, { a: 2 }]]))).toBe(false)
    expect(deepEqual(new Set([1, 2]), new Set([2, 1]))).toBe(true)
    expect(deepEqual(new Set([{ a: 1 }]), new Set([{ a: 1 }]))).toBe(true)
    expect(deepEqual(new Set([1, 2]), new Set([1, 3]))).toBe(false)
    expect(deepEqual<unknown>(new Map(), {})).toBe(false)
  })

  it('detects a removed key whose value was undefined (upstream S2)', () => {
    expect(deepEqual<object>({ a: 1, b: undefined }, { a: 1 })).toBe(false)
  })

  it('terminates on cycles and compares them structurally', () => {
    const a: { self?: unknown; n: number } = { n: 1 }
    a.self = a
    const b: { self?: unknown; n: number } = { n: 1 }
    b.self = b
    const c: { self?: unknown; n: number } = { n: 2 }
    c.self = c
    expect(deepEqual(a, b)).toBe(true)
    expect(deepEqual(a, c)).toBe(false)
  })

  it('does not treat objects with different prototypes as equal', () => {
    class Point {
      constructor(readonly x: number) {}
    }
    expect(deepEqual<object>(new Point(1), { x: 1 })).toBe(false)
    expect(deepEqual(new Point(1), new Point(1))).toBe(true)
  })
})
