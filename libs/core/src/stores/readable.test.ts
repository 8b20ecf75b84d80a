import { describe, expect, it } from 'vitest'
import { likeDerived, likeWritable } from '../__tests__/svelte-like'
import { batch } from './batch'
import { createComputedStore } from './computed'
import { fromReadable, isReadable } from './readable'
import { createStore } from './store'
import { transaction } from '../transactions/transaction'

/** A foreign store that counts its subscribers (Svelte-like, from the stand-in). */
function foreign<T>(initial: T) {
  let subscribers = 0
  const inner = likeWritable(initial)
  return {
    set: inner.set,
    subscribers: () => subscribers,
    subscribe(run: (value: T) => void, invalidate?: () => void) {
      subscribers++
      const off = inner.subscribe(run, invalidate)
      return () => {
        subscribers--
        off()
      }
    },
  }
}

/** An RxJS-like subject: `subscribe` returns an object with `unsubscribe`. */
function subject<T>(initial: T) {
  let value = initial
  const runs = new Set<(value: T) => void>()
  return {
    next(next: T) {
      value = next
      for (const run of [...runs]) run(value)
    },
    size: () => runs.size,
    subscribe(run: (value: T) => void) {
      runs.add(run)
      run(value)
      return { unsubscribe: () => void runs.delete(run) }
    },
  }
}

describe('fromReadable', () => {
  it('reads a foreign store through a subscription made and ended at once while nobody listens', () => {
    const source = foreign(1)
    const store = fromReadable(source, 'count')
    expect(store.name).toBe('count')
    expect(store.getValue()).toBe(1)
    source.set(2)
    expect(store.getValue()).toBe(2)
    expect(source.subscribers()).toBe(0)
  })

  it('follows the foreign store while listened to, and lets go after the last listener leaves', () => {
    const source = foreign('a')
    const store = fromReadable(source)
    const seen: unknown[] = []
    const offListen = store.listen((value, previous) => seen.push([value, previous]))
    const offSubscribe = store.subscribe((value) => seen.push(value))
    expect(source.subscribers()).toBe(1)
    source.set('b')
    expect(store.getValue()).toBe('b')
    offListen()
    offSubscribe()
    expect(source.subscribers()).toBe(0)
    source.set('c')
    expect(seen).toEqual(['a', ['b', 'a'], 'b'])
    expect(store.getValue()).toBe('c')
  })

  it('tells its listeners whenever the source runs, the same object included, in a batch too (the source decides what a change is)', () => {
    const todo = { title: 'a' }
    const source = subject(todo)
    const store = fromReadable(source)
    const seen: string[] = []
    const off = store.listen((value) => seen.push(value.title))
    todo.title = 'b'
    source.next(todo)
    batch(() => {
      todo.title = 'c'
      source.next(todo)
    })
    off()
    expect(seen).toEqual(['b', 'c'])
  })

  it('accepts a subscribe that returns an object with unsubscribe', () => {
    const source = subject(1)
    const store = fromReadable(source)
    const seen: number[] = []
    const off = store.listen((value) => seen.push(value))
    source.next(2)
    off()
    expect(source.size()).toBe(0)
    expect(seen).toEqual([2])
  })

  it('returns a core store as is and refuses what has no subscribe method, naming the function', () => {
    const core = createStore(1)
    expect(fromReadable(core)).toBe(core)
    expect(() => fromReadable(5 as never)).toThrow('fromReadable: expected a store (an object with a subscribe method), got 5')
    expect(() => fromReadable({ subscribe: 1 } as never)).toThrow('fromReadable: expected a store (an object with a subscribe method), got an object')
    expect(() => fromReadable(foreign(1), 5 as never)).toThrow('fromReadable: name must be a string, got 5')
    const broken = fromReadable({ subscribe: (run: (v: number) => void) => (run(1), 'off') } as never, 'broken')
    expect(() => broken.getValue()).toThrow('fromReadable: subscribe returned "off", not an unsubscribe function')
    const silent = fromReadable({ subscribe: (run: (v: number) => void) => void run(1) } as never, 'silent')
    expect(() => silent.getValue()).toThrow(/^fromReadable: subscribe returned undefined, not an unsubscribe function$/)
  })

  it('refuses a foreign store in a transaction (it is read-only)', () => {
    expect(() => transaction([fromReadable(foreign(1))] as never, () => {})).toThrow(/^transaction: stores\[0\] \("readable\d+"\) is read-only/)
  })
})

describe('isReadable', () => {
  it('is true for anything with a subscribe method, core stores included', () => {
    expect(isReadable(createStore(1))).toBe(true)
    expect(isReadable(foreign(1))).toBe(true)
    expect(isReadable(subject(1))).toBe(true)
    expect([null, undefined, 1, 'x', {}, { subscribe: true }].map(isReadable)).toEqual([false, false, false, false, false, false])
  })
})

describe('createComputedStore over foreign stores', () => {
  it('computes from foreign and core inputs, listened to or not', () => {
    const price = foreign(10)
    const quantity = createStore(2)
    const total = createComputedStore([price, quantity], (p, q) => p * q)
    expect(total.getValue()).toBe(20)
    price.set(11)
    // Nobody listens: the foreign input is read again on every read.
    expect(total.getValue()).toBe(22)
    const seen: Array<[number, number]> = []
    const off = total.listen((value, previous) => seen.push([value, previous]))
    price.set(12)
    quantity.setValue(3)
    batch(() => {
      price.set(1)
      quantity.setValue(1)
    })
    off()
    expect(seen).toEqual([
      [24, 22],
      [36, 24],
      [1, 36],
    ])
    expect(price.subscribers()).toBe(0)
    expect(quantity.getListenerCount()).toBe(0)
  })

  it('recomputes unobserved only when the value of the foreign input changed', () => {
    const price = foreign(10)
    let runs = 0
    const doubled = createComputedStore([price], (p) => (runs++, p * 2))
    expect([doubled.getValue(), doubled.getValue(), runs]).toEqual([20, 20, 1])
    price.set(11)
    expect([doubled.getValue(), doubled.getValue(), runs]).toEqual([22, 22, 2])
  })

  it('keeps core inputs glitch-free beside a foreign one', () => {
    const count = createStore(1)
    const double = createComputedStore([count], (c) => c * 2)
    const label = foreign('n')
    let computes = 0
    const text = createComputedStore([count, double, label], (c, d, l) => {
      computes++
      return `${l}=${c},${d}`
    })
    const seen: string[] = []
    text.subscribe((value) => seen.push(value))
    count.setValue(2)
    label.set('m')
    expect(seen).toEqual(['n=1,2', 'n=2,4', 'm=2,4'])
    expect(computes).toBe(3)
  })

  it('is as consistent as the foreign store allows: a Svelte-style derived input', () => {
    const source = foreign(1)
    const double = likeDerived([source], ([v]) => v * 2)
    const sum = createComputedStore([source, double], (v, d) => `${v}+${d}`)
    const seen: string[] = []
    sum.subscribe((value) => seen.push(value))
    source.set(2)
    // The foreign graph tells the core of `source` before `double` has caught up: one intermediate state.
    expect(seen).toEqual(['1+2', '2+2', '2+4'])
    expect(sum.getValue()).toBe('2+4')
  })
})
