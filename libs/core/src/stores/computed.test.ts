import { describe, expect, it, vi } from 'vitest'
import { batch } from './batch'
import { createComputedStore } from './computed'
import { shallowEqual } from './equality'
import { createStore } from './store'

describe('createComputedStore', () => {
  it('derives a value from a tuple of stores', () => {
    const price = createStore(2)
    const quantity = createStore(3)
    const total = createComputedStore([price, quantity], (p, q) => p * q)
    expect(total.getValue()).toBe(6)
    quantity.setValue(4)
    expect(total.getValue()).toBe(8)
  })

  it('computes on its first read whatever writes came before, from the first one after the stores are loaded', async () => {
    vi.resetModules()
    const { createStore } = await import('./store')
    const { createComputedStore } = await import('./computed')
    const count = createStore(1)
    count.setValue(2)
    expect(createComputedStore([count], (c) => c * 10).getValue()).toBe(20)
  })

  it('is lazy: computes only when read, and not again while inputs are unchanged', () => {
    const a = createStore(1)
    let runs = 0
    const double = createComputedStore([a], (x) => (runs++, x * 2))
    expect(runs).toBe(0)
    a.setValue(2)
    a.setValue(3)
    expect(runs).toBe(0)
    expect(double.getValue()).toBe(6)
    expect(double.getValue()).toBe(6)
    expect(runs).toBe(1)
  })

  it('holds no subscription on its inputs while unobserved', () => {
    const a = createStore(1)
    const b = createComputedStore([a], (x) => x + 1)
    const c = createComputedStore([b], (x) => x + 1)
    c.getValue()
    expect(a.getListenerCount()).toBe(0)
    const off = c.subscribe(() => {})
    expect([a.getListenerCount(), b.getListenerCount(), c.getListenerCount()]).toEqual([1, 1, 1])
    off()
    expect([a.getListenerCount(), b.getListenerCount(), c.getListenerCount()]).toEqual([0, 0, 0])
  })

  it('recomputes a diamond once per change and never shows a mix of old and new inputs', () => {
    const a = createStore(1)
    const b = createComputedStore([a], (x) => x * 10)
    const c = createComputedStore([a], (x) => x * 100)
    const runs: string[] = []
    const d = createComputedStore([b, c], (x, y) => {
      runs.push(`${x}+${y}`)
      return x + y
    })
    const seen: number[] = []
    d.subscribe((v) => seen.push(v))
    a.setValue(2)
    a.setValue(3)
    expect(runs).toEqual(['10+100', '20+200', '30+300'])
    expect(seen).toEqual([110, 220, 330])
  })

  it('lets a listener of any store read consistent computed values during notification', () => {
    const a = createStore(1)
    const b = createComputedStore([a], (x) => x * 2)
    const torn: string[] = []
    a.listen((v) => {
      if (b.getValue() !== v * 2) torn.push(`${v}/${b.getValue()}`)
    })
    b.listen(() => {})
    a.setValue(5)
    batch(() => {
      a.setValue(6)
      a.setValue(7)
    })
    expect(torn).toEqual([])
  })

  it('does not notify when the recomputed value is equal under equals', () => {
    const user = createStore({ name: 'Ada', age: 36 })
    const name = createComputedStore([user], (u) => ({ name: u.name }), { equals: shallowEqual })
    const seen: unknown[] = []
    name.listen((v) => seen.push(v))
    user.setValue({ name: 'Ada', age: 37 })
    user.setValue({ name: 'Grace', age: 37 })
    expect(seen).toEqual([{ name: 'Grace' }])
  })

  it('stops propagation at a computed whose value did not change', () => {
    const a = createStore(1)
    const parity = createComputedStore([a], (x) => x % 2)
    let runs = 0
    const label = createComputedStore([parity], (p) => (runs++, p ? 'odd' : 'even'))
    const seen: string[] = []
    label.subscribe((v) => seen.push(v))
    a.setValue(3)
    a.setValue(4)
    expect(seen).toEqual(['odd', 'even'])
    expect(runs).toBe(2)
  })

  it('computes a chain of ten once per change', () => {
    const source = createStore(0)
    let runs = 0
    let last = createComputedStore([source], (x) => (runs++, x + 1))
    for (let i = 1; i < 10; i++) last = createComputedStore([last], (x) => (runs++, x + 1))
    const seen: number[] = []
    last.subscribe((v) => seen.push(v))
    runs = 0
    source.setValue(5)
    expect(seen).toEqual([10, 15])
    expect(runs).toBe(10)
  })

  it('retries after a compute error and reports it to the reader', () => {
    const a = createStore(1)
    const inverse = createComputedStore([a], (x) => {
      if (x === 0) throw new Error('division by zero')
      return 1 / x
    })
    a.setValue(0)
    expect(() => inverse.getValue()).toThrow('division by zero')
    a.setValue(4)
    expect(inverse.getValue()).toBe(0.25)
  })

  it('raises a clear error on a cycle instead of overflowing the stack', () => {
    const a = createStore(1)
    const holder: { self?: { getValue(): number } } = {}
    const loop = createComputedStore([a], (x) => x + (holder.self?.getValue() ?? 0))
    holder.self = loop
    expect(() => loop.getValue()).toThrow(/createComputedStore: cycle detected: computed store "computed\d+" reads itself/)
  })

  it('refuses writes with an error that says what to do', () => {
    const total = createComputedStore([createStore(1)], (x) => x, { name: 'total' })
    expect(() => (total.setValue as unknown as (v: number) => void)(2)).toThrow('total.setValue: computed stores are read-only; write to their input stores instead')
    expect(() => (total.set as unknown as (v: number) => void)(2)).toThrow('read-only')
    expect(() => (total.update as unknown as (v: unknown) => void)(() => 2)).toThrow('read-only')
  })

  it('rejects bad input', () => {
    const a = createStore(1)
    expect(() => createComputedStore(a as never, (x: number) => x)).toThrow(
      'createComputedStore: expected an array of stores, got an object; wrap a single store in an array: [store]',
    )
    expect(() => createComputedStore(5 as never, () => 1)).toThrow(/^createComputedStore: expected an array of stores, got 5$/)
    // A store of another library, not in an array, gets the same hint.
    const foreign = { subscribe: (run: (value: number) => void) => (run(1), () => {}) }
    expect(() => createComputedStore(foreign as never, (x: number) => x)).toThrow(
      'createComputedStore: expected an array of stores, got an object; wrap a single store in an array: [store]',
    )
    expect(() => createComputedStore([a, 3] as never, () => 1)).toThrow('createComputedStore: stores[1] is not a store, got 3')
    expect(() => createComputedStore([a], 'x' as never)).toThrow('createComputedStore: compute must be a function, got "x"')
    expect(() => createComputedStore([a], (x) => x, { equals: 1 as never })).toThrow('options.equals must be a function')
  })

  it('leaves its inputs unobserved when its first listener fails to join because the computation throws', () => {
    const count = createStore(0)
    const inverse = createComputedStore([count], (c) => {
      if (c === 0) throw new Error('division by zero')
      return 1 / c
    })
    expect(() => inverse.subscribe(() => {})).toThrow('division by zero')
    expect([count.getListenerCount(), inverse.getListenerCount()]).toEqual([0, 0])
    count.setValue(2)
    const seen: number[] = []
    inverse.subscribe((v) => seen.push(v))
    count.setValue(4)
    expect(seen).toEqual([0.5, 0.25])
    expect(count.getListenerCount()).toBe(1)
  })

  it('keeps the computed stores below it told when a listener fails to join because the computation throws', () => {
    const count = createStore(1)
    const inverse = createComputedStore([count], (c) => {
      if (c === 0) throw new Error('division by zero')
      return 1 / c
    })
    const percent = createComputedStore([inverse], (i) => i * 100)
    const seen: number[] = []
    percent.listen((v) => seen.push(v))
    expect(() => count.setValue(0)).toThrow('division by zero')
    expect(() => inverse.listen(() => {})).toThrow('division by zero')
    count.setValue(2)
    expect(seen).toEqual([50])
  })

  it('leaves its other inputs as they were when a store of another library refuses its subscription', () => {
    const first = createStore(1)
    const last = createStore(2)
    const sum = createComputedStore([first, last], (a, b) => a + b)
    const seen: number[] = []
    sum.listen((v) => seen.push(v))
    const refusing = {
      subscribe(): () => void {
        throw new Error('not now')
      },
    }
    const all = createComputedStore([first, refusing, last], (a: number, r: unknown, b: number) => a + b)
    expect(() => all.subscribe(() => {})).toThrow('not now')
    expect([first.getListenerCount(), last.getListenerCount(), all.getListenerCount()]).toEqual([1, 1, 0])
    last.setValue(3)
    expect(seen).toEqual([4])
  })

  it('fails a subscription a store of another library refuses, leaving nothing attached, and accepts the next one', () => {
    let refusals = 1
    let current = 1
    const runs: Array<(value: number) => void> = []
    const flaky = {
      subscribe(run: (value: number) => void): () => void {
        if (refusals-- > 0) throw new Error('not now')
        runs.push(run)
        run(current)
        return () => runs.splice(runs.indexOf(run), 1)
      },
    }
    const doubled = createComputedStore([flaky], (v) => v * 2)
    expect(() => doubled.subscribe(() => {})).toThrow('not now')
    expect([doubled.getListenerCount(), runs.length]).toEqual([0, 0])
    const seen: number[] = []
    doubled.subscribe((v) => seen.push(v))
    current = 5
    for (const run of [...runs]) run(current)
    expect(seen).toEqual([2, 10])
  })

  it('never asks its equals to compare the first value with anything', () => {
    const user = createStore({ id: 1, name: 'Ada' })
    const id = createComputedStore([user], (u) => ({ id: u.id }), { equals: (a, b) => a.id === b.id })
    expect(id.getValue()).toEqual({ id: 1 })
  })

  it('refuses a compute function that writes one of its inputs, naming the computed store', () => {
    const count = createStore(10)
    const clamped = createComputedStore(
      [count],
      (c) => {
        if (c > 5) count.setValue(5)
        return c
      },
      { name: 'clamped' },
    )
    const message = 'createComputedStore: computed store "clamped" wrote to a store while computing'
    expect(() => clamped.getValue()).toThrow(message)
    // Never a stale value: the next read computes from the input as it now is.
    expect(clamped.getValue()).toBe(5)
    const seen: number[] = []
    clamped.listen((v) => seen.push(v))
    expect(() => count.setValue(7)).toThrow(message)
    expect([count.getValue(), clamped.getValue(), seen]).toEqual([5, 5, []])
  })

})
