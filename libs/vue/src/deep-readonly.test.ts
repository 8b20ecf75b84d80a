import { describe, expect, it } from 'vitest'
import { isProxy, reactive, readonly } from 'vue'
import { toRawDeep } from './deep-readonly'

describe('toRawDeep', () => {
  it('returns the value itself when it holds no Vue proxy', () => {
    const value = { name: 'Ada', tags: ['a'], address: { city: 'London' }, when: new Date(0) }
    expect([toRawDeep(value) === value, toRawDeep(5), toRawDeep(null)]).toEqual([true, 5, null])
  })

  it('replaces proxies with their raw objects through plain objects and arrays, copying only what holds one', () => {
    const prefs = { dark: true }
    const rows = [{ id: 'a' }, { id: 'b' }]
    const untouched = { city: 'London' }
    const value = { name: 'Ada', prefs: readonly(prefs), rows: [readonly(rows[0]), rows[1]], deep: { list: [reactive({ n: 1 })] }, untouched }
    const plain = toRawDeep(value)
    expect({
      plain,
      copied: plain !== value,
      prefs: plain.prefs === prefs,
      rows: [plain.rows !== value.rows, plain.rows[0] === rows[0], plain.rows[1] === rows[1]],
      untouched: plain.untouched === untouched,
      proxies: [plain.prefs, plain.rows[0], plain.deep.list[0]].some(isProxy),
      original: isProxy(value.prefs),
    }).toEqual({
      plain: { name: 'Ada', prefs: { dark: true }, rows: [{ id: 'a' }, { id: 'b' }], deep: { list: [{ n: 1 }] }, untouched: { city: 'London' } },
      copied: true,
      prefs: true,
      rows: [true, true, true],
      untouched: true,
      proxies: false,
      original: true,
    })
  })

  it('does not descend into other objects (class instances keep their prototype, even holding a proxy)', () => {
    class Point {
      constructor(readonly at: object) {}
    }
    const point = new Point(readonly({ x: 1 }))
    expect(toRawDeep(point) === point).toBe(true)
    expect(toRawDeep({ point }).point === point).toBe(true)
  })

  it('stops at a proxy: its raw object is returned as it is', () => {
    const stored = { inner: { n: 1 } }
    expect(toRawDeep(readonly(stored)) === stored).toBe(true)
  })
})
