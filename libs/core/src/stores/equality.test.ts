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
    expect(shallowEqual({ a: undefined, b: 1 } as { a?: number | undefined; b?: number }, { b: 1, c: 1 } as { a?: number | undefined; b?: number })).toBe(false)
    expect(shallowEqual(NaN, NaN)).toBe(true)
    expect(shallowEqual<unknown>([1], { 0: 1 })).toBe(false)
    expect(shallowEqual<unknown>(null, {})).toBe(false)
  })

  it('treats key order as irrelevant', () => {
    expect(shallowEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true)
  })

  it('tells apart values whose state is not in own keys: RegExp, Error, URL, boxed primitives', () => {
    expect(shallowEqual(/a/, /b/)).toBe(false)
    expect(shallowEqual(/a/g, /a/g)).toBe(true)
    expect(shallowEqual(new Error('timeout'), new Error('not found'))).toBe(false)
    expect(shallowEqual(new Error('timeout'), new Error('timeout'))).toBe(true)
    expect(shallowEqual(new URL('https://a.test/x'), new URL('https://a.test/y'))).toBe(false)
    expect(shallowEqual<unknown>(Object(1), Object(2))).toBe(false)
  })

  it('compares array elements one by one', () => {
    expect(shallowEqual([1, 2, 3], [1, 2, 3])).toBe(true)
    expect(shallowEqual([1, 2, 3], [1, 2, 4])).toBe(false)
    expect(shallowEqual([1, 2], [1, 2, 3])).toBe(false)
    expect(shallowEqual([{ a: 1 }], [{ a: 1 }])).toBe(false)
  })

  it('tells apart objects with the same keys but different prototypes', () => {
    const bare = Object.assign(Object.create(null), { a: 1 })
    expect(shallowEqual<object>({ a: 1 }, bare)).toBe(false)
    expect(shallowEqual<object>(bare, Object.assign(Object.create(null), { a: 1 }))).toBe(true)
  })

  it('compares Map, Set, Date and RegExp by content, as deepEqual does', () => {
    expect(shallowEqual(new Map([[1, 'a']]), new Map([[1, 'a']]))).toBe(true)
    expect(shallowEqual(new Map([[1, 'a']]), new Map([[1, 'b']]))).toBe(false)
    expect(shallowEqual(new Set([1]), new Set([2]))).toBe(false)
    // One millisecond apart: their toString (to the second) agrees, their time does not.
    expect(shallowEqual(new Date(1), new Date(2))).toBe(false)
    const moved = /a/g
    moved.lastIndex = 1
    expect(shallowEqual(/a/g, moved)).toBe(false)
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

  it('compares class instances by what their own toString says as well as by their keys', () => {
    // A state holding the last error must change when the error does: the message is not an own enumerable key.
    expect(deepEqual({ error: new Error('timeout') }, { error: new Error('not found') })).toBe(false)
    expect(deepEqual({ error: new TypeError('x') }, { error: new TypeError('x') })).toBe(true)
    expect(deepEqual(new URL('https://a.test/?q=1'), new URL('https://a.test/?q=2'))).toBe(false)
    class Tagged {
      constructor(readonly n: number) {}
      toString(): string {
        return 'Tagged'
      }
    }
    // An equal text does not hide different keys.
    expect(deepEqual(new Tagged(1), new Tagged(2))).toBe(false)
    expect(deepEqual(new Tagged(1), new Tagged(1))).toBe(true)
  })

  it('compares plain objects that have a toString key by that key, without calling it', () => {
    expect(deepEqual({ toString: 'a', valueOf: 1 }, { toString: 'a', valueOf: 1 })).toBe(true)
    expect(shallowEqual({ toString: 'a' }, { toString: 'b' })).toBe(false)
    expect(deepEqual(Object.assign(Object.create(null), { a: 1 }), Object.assign(Object.create(null), { a: 1 }))).toBe(true)
  })

  it('pairs Set elements one-to-one (issue 15)', () => {
    expect(deepEqual(new Set([{ x: 1 }, { x: 1 }]), new Set([{ x: 1 }, { x: 2 }]))).toBe(false)
    expect(deepEqual(new Set([{ x: 1 }, { x: 2 }]), new Set([{ x: 1 }, { x: 1 }]))).toBe(false)
    expect(deepEqual(new Set([{ x: 2 }, { x: 1 }]), new Set([{ x: 1 }, { x: 2 }]))).toBe(true)
    expect(deepEqual(new Map([[{ k: 1 }, 'a'], [{ k: 1 }, 'b']]), new Map([[{ k: 1 }, 'b'], [{ k: 1 }, 'a']]))).toBe(true)
    expect(deepEqual(new Map([[{ k: 1 }, 'a'], [{ k: 1 }, 'a']]), new Map([[{ k: 1 }, 'a'], [{ k: 1 }, 'b']]))).toBe(false)
  })

  it('forgets the pairs it assumed equal while trying a Set candidate that failed (issue 15)', () => {
    // `{ v: p1 }` is tried against `{ v: p2 }` first, which fails; the pair (p1, p2) must not be remembered as equal.
    const p1 = { n: 1 }
    const p2 = { n: 2 }
    const a = { s: new Set([{ v: p1 }, { v: p2 }]), later: p1 }
    const b = { s: new Set([{ v: p2 }, { v: p1 }]), later: p2 }
    expect(deepEqual(a, b)).toBe(false)
    expect(deepEqual(a, { ...b, later: p1 })).toBe(true)
  })

  it('compares cycles of different lengths without overflowing the stack, as Node does (issue 15)', () => {
    const a: Record<string, unknown> = { n: 1 }
    a.self = a
    const b: Record<string, unknown> = { n: 1, self: { n: 1 } }
    ;(b.self as Record<string, unknown>).self = b
    expect(deepEqual(a, b)).toBe(true)
    expect(deepEqual(b, a)).toBe(true)
    ;(b.self as Record<string, unknown>).n = 2
    expect(deepEqual(a, b)).toBe(false)
  })

  it('compares ArrayBuffer, DataView and typed arrays by their bytes (issue 15)', () => {
    expect(deepEqual(new Uint8Array([1, 2]).buffer, new Uint8Array([1, 3]).buffer)).toBe(false)
    expect(deepEqual(new Uint8Array([1, 2]).buffer, new Uint8Array([1, 2]).buffer)).toBe(true)
    expect(deepEqual(new DataView(new Uint8Array([1]).buffer), new DataView(new Uint8Array([2]).buffer))).toBe(false)
    expect(deepEqual(new Float64Array([0]), new Float64Array([-0]))).toBe(false)
    expect(deepEqual(new Float64Array([NaN]), new Float64Array([NaN]))).toBe(true)
    expect(deepEqual(new Uint8Array([1, 2]).subarray(1), new Uint8Array([2]))).toBe(true)
  })

  it('compares enumerable symbol keys (issue 15)', () => {
    const key = Symbol('key')
    expect(deepEqual({ [key]: 1 }, { [key]: 2 })).toBe(false)
    expect(deepEqual({ [key]: 1 }, { [key]: 1 })).toBe(true)
    expect(deepEqual<object>({ [key]: 1 }, {})).toBe(false)
  })

  it('treats an invalid Date as equal to another invalid Date (issue 15; Node 20 says false)', () => {
    const invalid = new Date(NaN)
    expect(deepEqual(invalid, invalid)).toBe(true)
    expect(deepEqual({ at: new Date(NaN) }, { at: new Date('nope') })).toBe(true)
    expect(deepEqual(new Date(NaN), new Date(0))).toBe(false)
  })

  it('pairs a Set of 6,000 objects without trying every element against every other (issue 15)', () => {
    let reads = 0
    const item = (i: number) => Object.defineProperty({}, 'id', { enumerable: true, get: () => (reads++, i) })
    const a = new Set(Array.from({ length: 6000 }, (_, i) => item(i)))
    const b = new Set(Array.from({ length: 6000 }, (_, i) => item(5999 - i)))
    expect(deepEqual(a, b)).toBe(true)
    // Quadratic pairing would read ids about 18 million times; bucketing reads each a few times.
    expect(reads).toBeLessThanOrEqual(4 * 12000)
  })

  it('compares the lengths of arrays with holes', () => {
    expect(deepEqual(new Array(3), [])).toBe(false)
    expect(deepEqual(new Array(3), new Array(3))).toBe(true)
  })

  it('tells apart regular expressions whose next match would start elsewhere', () => {
    const moved = /a/g
    moved.lastIndex = 2
    expect(deepEqual(/a/g, moved)).toBe(false)
    expect(deepEqual(/a/g, /a/g)).toBe(true)
  })

  it('ignores non-enumerable symbol keys, as Node does', () => {
    const hidden = Symbol('hidden')
    const a = Object.defineProperty({ x: 1 }, hidden, { value: 1, enumerable: false })
    expect(deepEqual(a, { x: 1 })).toBe(true)
  })

  it('pairs Set elements whose keys were added in a different order', () => {
    expect(deepEqual(new Set([{ a: 1, b: 2 }]), new Set([{ b: 2, a: 1 }]))).toBe(true)
    expect(deepEqual(new Map([[{ a: 1, b: 2 }, 'x']]), new Map([[{ b: 2, a: 1 }, 'x']]))).toBe(true)
  })
})
