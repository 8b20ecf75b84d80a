import fc from 'fast-check'
import { isDeepStrictEqual } from 'node:util'
import { describe, expect, it } from 'vitest'
import { deepEqual } from './equality'

class Point {
  constructor(
    public x: unknown,
    public y: unknown,
  ) {}
}

const isObject = (value: unknown): value is Record<PropertyKey, any> => typeof value === 'object' && value !== null

const leaf = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(0, -0, NaN, Infinity, 1.5, 2n, '', 'a', 'b', true, false, null, undefined, Symbol.for('s')),
  fc.integer({ min: 0, max: 3 }).map((n) => new Date(n)),
  fc.constantFrom(/a/, /a/g, /b/),
)

const { value } = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('a', 'b', 'c'), tie('value'), { maxKeys: 3 }),
    fc.tuple(tie('value'), tie('value')).map(([x, y]) => new Point(x, y)),
    fc.tuple(fc.constantFrom('a', 'b'), tie('value')).map(([key, v]) => ({ [Symbol.for(key)]: v })),
    fc.array(tie('value'), { maxLength: 4 }).map((items) => new Set(items)),
    fc.array(fc.tuple(tie('value'), tie('value')), { maxLength: 3 }).map((entries) => new Map(entries)),
    fc.uint8Array({ maxLength: 3 }),
    fc.uint8Array({ maxLength: 3 }).map((bytes) => new Float64Array(bytes)),
    fc.uint8Array({ maxLength: 3 }).map((bytes) => bytes.buffer),
    fc.uint8Array({ maxLength: 3 }).map((bytes) => new DataView(bytes.buffer)),
  ),
}))

/** A second leaf close to `v`, unequal to it. */
function tweak(v: unknown): unknown {
  if (typeof v === 'number') return Number.isNaN(v) ? 0 : Object.is(v, 0) ? -0 : v + 1
  if (typeof v === 'string') return v + 'x'
  return v === undefined ? null : undefined
}

/**
 * A structural copy of `v` (same prototypes, cycles kept, Sets and Maps in reverse order) in which the `change`-th
 * primitive met, if any, is replaced by a close but different one.
 */
function copy(v: unknown, change: number, memo = new Map<object, unknown>(), counter = { n: 0 }): unknown {
  if (!isObject(v)) return counter.n++ === change ? tweak(v) : v
  if (memo.has(v)) return memo.get(v)
  const again = (x: unknown) => copy(x, change, memo, counter)
  if (v instanceof Date) return new Date(v.getTime() + (counter.n++ === change ? 1 : 0))
  if (v instanceof RegExp) return new RegExp(v.source, v.flags)
  if (v instanceof ArrayBuffer) return (again(new Uint8Array(v)) as Uint8Array).buffer
  if (v instanceof DataView) return new DataView((again(new Uint8Array(v.buffer)) as Uint8Array).buffer)
  if (v instanceof Uint8Array || v instanceof Float64Array) {
    const out = v.slice()
    if (out.length > 0 && counter.n++ === change) out[0] = out[0] + 1
    return out
  }
  let out: any
  if (v instanceof Map) {
    memo.set(v, (out = new Map()))
    for (const [key, x] of [...v].reverse()) out.set(again(key), again(x))
    return out
  }
  if (v instanceof Set) {
    memo.set(v, (out = new Set()))
    for (const x of [...v].reverse()) out.add(again(x))
    return out
  }
  memo.set(v, (out = Array.isArray(v) ? [] : Object.create(Object.getPrototypeOf(v))))
  for (const key of Reflect.ownKeys(v)) if (key !== 'length') out[key] = again(v[key])
  return out
}

/** Makes the `at`-th object of `v` (in key order) point back at the root, so the value has a cycle. */
function withCycle(v: unknown, at: number): unknown {
  const objects: Array<Record<string, unknown>> = []
  const walk = (x: unknown) => {
    if (!isObject(x) || objects.includes(x) || ArrayBuffer.isView(x) || x instanceof ArrayBuffer) return
    objects.push(x)
    for (const key of Object.keys(x)) walk(x[key])
  }
  walk(v)
  if (objects.length > 0) objects[at % objects.length].cycle = v
  return v
}

describe('deepEqual agrees with util.isDeepStrictEqual', () => {
  it('on random pairs of values', () => {
    fc.assert(
      fc.property(value, value, (a, b) => {
        expect(deepEqual(a, b)).toBe(isDeepStrictEqual(a, b))
      }),
      { numRuns: 1000 },
    )
  })

  it('on a value and a copy of it, changed in at most one place', () => {
    fc.assert(
      fc.property(value, fc.integer({ min: -1, max: 12 }), (a, change) => {
        const b = copy(a, change)
        expect(deepEqual(a, b)).toBe(isDeepStrictEqual(a, b))
        expect(deepEqual(b, a)).toBe(isDeepStrictEqual(b, a))
      }),
      { numRuns: 1000 },
    )
  })

  it('on cyclic values and copies of them', () => {
    fc.assert(
      fc.property(value, fc.nat(), fc.integer({ min: -1, max: 12 }), (raw, at, change) => {
        const a = withCycle(raw, at)
        const b = copy(a, change)
        expect(deepEqual(a, b)).toBe(isDeepStrictEqual(a, b))
      }),
      { numRuns: 1000 },
    )
  })
})
