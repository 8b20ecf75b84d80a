import { createComputedStore, createStore } from '@context-action/core'
import { flushSync, tick } from 'svelte'
import { derived, get, readable, toStore, writable } from 'svelte/store'
import { describe, expect, it } from 'vitest'
// Through the package entry, as users import it: the entry installs the delivery into svelte/store's queue.
import { select, useStoreValue } from '../index.js'

/** A Svelte `writable` that counts its subscribers (Svelte's start/stop notifier). */
function counted<T>(initial: T) {
  let active = 0
  const store = writable(initial, () => {
    active++
    return () => active--
  })
  return { store, active: () => active }
}

/** Run `read` in an effect; returns what it saw and a stop function. */
function follow<T>(read: () => T) {
  const seen: T[] = []
  const stop = $effect.root(() => {
    $effect(() => {
      seen.push(read())
    })
  })
  flushSync()
  return { seen, stop }
}

describe('stores of other libraries as inputs', () => {
  it('select over a Svelte writable notifies only when the slice changes and lets go of it', () => {
    const { store, active } = counted({ name: 'Ada', age: 36 })
    const name = select(store, (user) => user.name)
    const seen: string[] = []
    const off = name.subscribe((value) => seen.push(value))
    const whileSubscribed = active()
    store.update((user) => ({ ...user, age: 37 }))
    store.update((user) => ({ ...user, name: 'Grace' }))
    off()
    expect([seen, whileSubscribed, active()]).toEqual([['Ada', 'Grace'], 1, 0])
  })

  it('useStoreValue over a Svelte writable reads, follows, and writes through set', async () => {
    const { store, active } = counted(1)
    const count = useStoreValue(store)
    const { seen, stop } = follow(() => count.current)
    count.current = 2
    flushSync()
    store.set(3)
    flushSync()
    const whileFollowed = active()
    stop()
    await tick()
    expect([seen, whileFollowed, active(), count.current]).toEqual([[1, 2, 3], 1, 0, 3])
  })

  it('useStoreValue writes a store whose set is a method using this (a class-based store of another library)', () => {
    class Counter {
      private inner = writable(1)
      subscribe(run: (value: number) => void) {
        return this.inner.subscribe(run)
      }
      set(value: number) {
        this.inner.set(value)
      }
    }
    const counter = new Counter()
    const count = useStoreValue(counter)
    count.current = 5
    expect(get(counter)).toBe(5)
  })

  it('useStoreValue over toStore(() => $state) follows the state; current is read-only without a setter', () => {
    let count = $state(1)
    const cleanup = $effect.root(() => {
      const doubled = useStoreValue(toStore(() => count * 2))
      const { seen, stop } = follow(() => doubled.current)
      count = 2
      flushSync()
      count = 5
      flushSync()
      stop()
      expect(seen).toEqual([2, 4, 10])
      expect(() => ((doubled as { current: number }).current = 1)).toThrow(new TypeError('useStoreValue: current is read-only (a slice, a computed store, or a store without set)'))
    })
    cleanup()
  })

  it('a core computed store mixes a Svelte store and a core store', () => {
    const rate = writable(2)
    const amount = createStore(10)
    const total = createComputedStore([rate, amount], (r, a) => r * a)
    const seen: number[] = []
    const off = total.subscribe((value) => seen.push(value))
    rate.set(3)
    amount.setValue(20)
    off()
    expect(seen).toEqual([20, 30, 60])
  })

  it('refuses what has no subscribe method, naming the function', () => {
    expect(() => select({ value: 1 } as never, (v) => v)).toThrow(new TypeError('select: expected a store (with a subscribe method), got an object'))
    expect(() => useStoreValue(5 as never)).toThrow(new TypeError('useStoreValue: expected a store (with a subscribe method), got 5'))
    expect(() => useStoreValue(readable(1)).current).not.toThrow()
  })
})

// Svelte's own tests for `derived` (svelte/tests/store/test.ts), with core stores in place of `writable`.
describe('svelte/store derived over core stores', () => {
  it('prevents glitches', () => {
    const lastname = createStore('Jekyll')
    const firstname = derived(lastname, ($lastname) => ($lastname === 'Jekyll' ? 'Henry' : 'Edward'))
    const fullname = derived([firstname, lastname], (names) => names.join(' '))
    const values: string[] = []
    const unsubscribe = fullname.subscribe((value) => {
      values.push(value)
    })
    lastname.set('Hyde')
    expect(values).toEqual(['Henry Jekyll', 'Edward Hyde'])
    unsubscribe()
  })

  // Passes because the adapter delivers core notifications inside svelte/store's own queue (src/delivery.ts): Svelte's
  // derived does not pass an invalidation on to its subscribers, and relies on that queue to defer `a`'s set.
  it('prevents diamond dependency problem', () => {
    const count = createStore(0)
    const values: string[] = []
    const a = derived(count, ($count) => 'a' + $count)
    const b = derived(count, ($count) => 'b' + $count)
    const combined = derived([a, b], ([a, b]) => a + b)
    const unsubscribe = combined.subscribe((v) => {
      values.push(v)
    })
    expect(values).toEqual(['a0b0'])
    count.set(1)
    expect(values).toEqual(['a0b0', 'a1b1'])
    unsubscribe()
    expect(count.getListenerCount()).toBe(0)
  })
})

describe('the same diamond with core computed stores and select', () => {
  it('recomputes once per change, with no mixed state', () => {
    const count = createStore(0)
    const a = select(count, ($count) => 'a' + $count)
    const b = createComputedStore([count], ($count) => 'b' + $count)
    const combined = createComputedStore([a, b], (a, b) => a + b)
    const values: string[] = []
    const unsubscribe = combined.subscribe((v) => {
      values.push(v)
    })
    count.set(1)
    unsubscribe()
    expect([values, count.getListenerCount()]).toEqual([['a0b0', 'a1b1'], 0])
  })
})

describe('core notifications inside svelte/store\'s queue', () => {
  it('re-throws a listener\'s error after every other subscriber ran, and svelte/store keeps working', () => {
    const count = createStore(0)
    const doubled = derived(count, ($count) => $count * 2)
    const seen: string[] = []
    const offDerived = doubled.subscribe((v) => seen.push(`doubled ${v}`))
    const offThrowing = count.subscribe((v) => {
      if (v === 1) throw new Error('listener failed')
    })
    expect(() => count.set(1)).toThrow('listener failed')
    const plain = writable('x')
    const offPlain = plain.subscribe((v) => seen.push(`plain ${v}`))
    plain.set('y')
    count.set(2)
    offDerived()
    offThrowing()
    offPlain()
    expect(seen).toEqual(['doubled 0', 'doubled 2', 'plain x', 'plain y', 'doubled 4'])
  })

  it('a core write made inside a svelte/store run reaches derived stores in svelte/store\'s order, with no glitch', () => {
    const source = writable(0)
    const count = createStore(0)
    const a = derived(count, ($count) => 'a' + $count)
    const b = derived(count, ($count) => 'b' + $count)
    const combined = derived([a, b], ([a, b]) => a + b)
    const values: string[] = []
    const offCombined = combined.subscribe((v) => values.push(v))
    const offSource = source.subscribe((v) => {
      count.set(v)
      values.push(`count ${count.getValue()}`)
    })
    source.set(1)
    offCombined()
    offSource()
    expect(values).toEqual(['a0b0', 'count 0', 'count 1', 'a1b1'])
  })
})

