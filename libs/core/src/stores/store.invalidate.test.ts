import { describe, expect, it, vi } from 'vitest'
import { likeDerived, likeWritable } from '../__tests__/svelte-like'
import { batch } from './batch'
import { createComputedStore } from './computed'
import { createStore } from './store'
import { transaction } from '../transactions/transaction'

/** Subscribe with both callbacks, logging `inv <name>` and `run <name> <value>`. */
function watch(log: string[], name: string, store: { subscribe(run: (v: any) => void, inv?: () => void): () => void }) {
  return store.subscribe(
    (value) => log.push(`run ${name} ${value}`),
    () => log.push(`inv ${name}`),
  )
}

describe('subscribe(run, invalidate)', () => {
  it('runs every invalidate of a store before any run', () => {
    const count = createStore(0)
    const log: string[] = []
    watch(log, 'x', count)
    watch(log, 'y', count)
    log.length = 0
    count.setValue(1)
    expect(log).toEqual(['inv x', 'inv y', 'run x 1', 'run y 1'])
  })

  it('invalidates everything a write reaches (stores and computed stores) before any run', () => {
    const count = createStore(1)
    const double = createComputedStore([count], (c) => c * 2)
    const odd = createComputedStore([count], (c) => c % 2 === 1)
    const log: string[] = []
    watch(log, 'count', count)
    watch(log, 'double', double)
    watch(log, 'odd', odd)
    count.listen((v) => log.push(`listen ${v}`))
    log.length = 0
    count.setValue(3)
    // `odd` does not change: it is neither invalidated nor run.
    expect(log).toEqual(['inv count', 'inv double', 'run count 3', 'listen 3', 'run double 6'])
  })

  it('in a batch, invalidates at the end, before the runs, and not for a value put back', () => {
    const a = createStore(0)
    const b = createStore(0)
    const log: string[] = []
    watch(log, 'a', a)
    watch(log, 'b', b)
    log.length = 0
    batch(() => {
      a.setValue(1)
      b.setValue(1)
      b.setValue(0)
      log.push('end of body')
    })
    expect(log).toEqual(['end of body', 'inv a', 'run a 1'])
  })

  it('invalidates at the end of a transaction that commits, not for one that rolls back', () => {
    const a = createStore(0)
    const log: string[] = []
    watch(log, 'a', a)
    log.length = 0
    transaction([a], (a) => {
      a.setValue(1)
      log.push('end of body')
    })
    expect(() =>
      transaction([a], (a) => {
        a.setValue(2)
        throw new Error('no')
      }),
    ).toThrow('no')
    expect(log).toEqual(['end of body', 'inv a', 'run a 1'])
  })

  it('runs an invalidated subscriber even when a listener puts the value back before its turn', () => {
    const first = createStore(0)
    const second = createStore(0)
    first.listen(() => second.setValue(0))
    const log: string[] = []
    watch(log, 'second', second)
    second.listen((v) => log.push(`listen ${v}`))
    log.length = 0
    batch(() => {
      first.setValue(1)
      second.setValue(1)
    })
    // Told a change was coming, the subscriber hears the outcome: no change after all.
    expect(log).toEqual(['inv second', 'run second 0'])
  })

  it('invalidates subscribers of stores written by listeners before their runs', () => {
    const source = createStore(0)
    const target = createStore(0)
    source.listen((v) => target.setValue(v * 10))
    const log: string[] = []
    watch(log, 'target', target)
    log.length = 0
    source.setValue(1)
    expect(log).toEqual(['inv target', 'run target 10'])
  })

  it('an invalidate that throws stops neither the other invalidates nor the runs; its error is re-thrown after', () => {
    const count = createStore(0)
    const log: string[] = []
    count.subscribe(
      (v) => log.push(`run x ${v}`),
      () => {
        throw new Error('invalidate failed')
      },
    )
    watch(log, 'y', count)
    log.length = 0
    expect(() => count.setValue(1)).toThrow('invalidate failed')
    expect(() => batch(() => count.setValue(2))).toThrow('invalidate failed')
    count.setValue(2)
    expect(log).toEqual(['inv y', 'run x 1', 'run y 1', 'inv y', 'run x 2', 'run y 2'])
  })

  it('keeps invalidating first after a listener of another store unsubscribes', async () => {
    // Fresh modules: whether anyone passed an invalidate is counted over all stores, and earlier tests leave some.
    vi.resetModules()
    const { createStore } = await import('./store')
    const count = createStore(0)
    const other = createStore(0)
    const log: string[] = []
    watch(log, 'x', count)
    other.listen(() => {})()
    log.length = 0
    count.setValue(1)
    expect(log).toEqual(['inv x', 'run x 1'])
  })

  it('re-throws the error an invalidate threw, as it was thrown', () => {
    const count = createStore(0)
    const failure = new Error('invalidate failed')
    count.subscribe(
      () => {},
      () => {
        throw failure
      },
    )
    expect(() => count.setValue(1)).toThrow(failure)
  })

  it('does not invalidate for a change whose computation throws; the write throws its error', () => {
    const count = createStore(1)
    const inverse = createComputedStore([count], (c) => {
      if (c === 0) throw new Error('division by zero')
      return 1 / c
    })
    const log: string[] = []
    watch(log, 'inverse', inverse)
    log.length = 0
    expect(() => count.setValue(0)).toThrow('division by zero')
    expect(log).toEqual([])
    count.setValue(4)
    expect(log).toEqual(['inv inverse', 'run inverse 0.25'])
  })

  it('does not run the other subscribers again when one joins inside a batch that changes nothing', () => {
    const count = createStore(0)
    const log: string[] = []
    watch(log, 'x', count)
    log.length = 0
    batch(() => watch(log, 'y', count))
    expect(log).toEqual(['run y 0'])
  })

  it('runs an invalidated subscriber when, in the same flush, a listener joins and the value is put back', () => {
    const trigger = createStore(0)
    const count = createStore(0)
    const log: string[] = []
    watch(log, 'x', count)
    trigger.listen(() => {
      batch(() => count.setValue(1))
      count.listen((v, previous) => log.push(`late ${v} ${previous}`))
      count.setValue(0)
    })
    log.length = 0
    trigger.setValue(1)
    // Told a change was coming, the subscriber hears the outcome (no change); the late listener saw 1, so hears of 0.
    expect(log).toEqual(['inv x', 'run x 0', 'late 0 1'])
  })

  it('stops calling invalidate after unsubscribing, and rejects a non-function invalidate', () => {
    const count = createStore(0)
    const log: string[] = []
    watch(log, 'x', count)()
    count.setValue(1)
    expect(log).toEqual(['run x 0'])
    expect(() => count.subscribe(() => {}, 5 as never)).toThrow(/\.subscribe: invalidate must be a function, got 5$/)
    expect(count.getListenerCount()).toBe(0)
  })
})

// Svelte's own tests of `derived` ("prevents glitches", "prevents diamond dependency problem"), with core stores as
// the sources and a stand-in for `derived` that follows Svelte's algorithm.
describe('a Svelte-style derived over core stores', () => {
  it('prevents glitches', () => {
    const lastname = createStore('Jekyll')
    const firstname = likeDerived([lastname], ([l]) => (l === 'Jekyll' ? 'Henry' : 'Edward'))
    const fullname = likeDerived([firstname, lastname], (names) => names.join(' '))
    const values: string[] = []
    const off = fullname.subscribe((v) => values.push(v))
    lastname.setValue('Hyde')
    expect(values).toEqual(['Henry Jekyll', 'Edward Hyde'])
    off()
    expect(lastname.getListenerCount()).toBe(0)
  })

  it('prevents the diamond dependency problem (core computed stores in the middle)', () => {
    const count = createStore(0)
    const a = createComputedStore([count], (c) => `a${c}`)
    const b = createComputedStore([count], (c) => `b${c}`)
    const combined = likeDerived([a, b], ([a, b]) => a + b)
    const values: string[] = []
    const off = combined.subscribe((v) => values.push(v))
    count.setValue(1)
    batch(() => count.setValue(2))
    expect(values).toEqual(['a0b0', 'a1b1', 'a2b2'])
    off()
    expect(count.getListenerCount()).toBe(0)
  })

  it('prevents glitches where a derived mixes a core store and a computed store over it', () => {
    const lastname = createStore('Jekyll')
    const firstname = createComputedStore([lastname], (l) => (l === 'Jekyll' ? 'Henry' : 'Edward'))
    const fullname = likeDerived([firstname, lastname], (names) => names.join(' '))
    const values: string[] = []
    fullname.subscribe((v) => values.push(v))
    lastname.setValue('Hyde')
    lastname.setValue('Jekyll')
    expect(values).toEqual(['Henry Jekyll', 'Edward Hyde', 'Henry Jekyll'])
  })

  it('Svelte-style derived stores in the middle of a diamond over a core store show one intermediate state (the limit)', () => {
    // `a` sets its value while the core runs its subscribers; Svelte's derived runs `combined` at once unless Svelte's own
    // run queue is busy, which only Svelte's writable can arrange: no invalidate from the core can hold `combined` back.
    const count = createStore(0)
    const a = likeDerived([count], ([c]) => `a${c}`)
    const b = likeDerived([count], ([c]) => `b${c}`)
    const values: string[] = []
    likeDerived([a, b], ([a, b]) => a + b).subscribe((v) => values.push(v))
    count.setValue(1)
    expect(values).toEqual(['a0b0', 'a1b0', 'a1b1'])
  })

  it('the stand-in reproduces Svelte over its own writable (the reference behaviour)', () => {
    const count = likeWritable(0)
    const a = likeDerived([count], ([c]) => `a${c}`)
    const b = likeDerived([count], ([c]) => `b${c}`)
    const values: string[] = []
    likeDerived([a, b], ([a, b]) => a + b).subscribe((v) => values.push(v))
    count.set(1)
    expect(values).toEqual(['a0b0', 'a1b1'])
  })
})
