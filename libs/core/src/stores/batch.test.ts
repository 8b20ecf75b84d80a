import { describe, expect, it, vi } from 'vitest'
import { batch } from './batch'
import { createComputedStore } from './computed'
import { createStore, StoreNode } from './store'

/** The stores, computed stores and batch of freshly loaded modules: their shared counters at their start values. */
async function freshModules() {
  vi.resetModules()
  const { createStore } = await import('./store')
  const { createComputedStore } = await import('./computed')
  const { batch } = await import('./batch')
  return { createStore, createComputedStore, batch }
}

describe('batch', () => {
  it('applies writes at once but notifies each changed store once, after the outermost batch', () => {
    const a = createStore(0)
    const b = createStore(0)
    const events: string[] = []
    a.listen((v) => events.push(`a=${v}`))
    b.listen((v) => events.push(`b=${v}`))
    const result = batch(() => {
      a.setValue(1)
      a.setValue(2)
      batch(() => b.setValue(1))
      events.push(`inside a=${a.getValue()} b=${b.getValue()}`)
      return 'done'
    })
    expect(result).toBe('done')
    expect(events).toEqual(['inside a=2 b=1', 'a=2', 'b=1'])
  })

  it('does not notify a store whose value is back to where it started', () => {
    const a = createStore(0)
    const events: number[] = []
    a.listen((v) => events.push(v))
    batch(() => {
      a.setValue(1)
      a.setValue(0)
    })
    expect(events).toEqual([])
  })

  it('recomputes a computed over all batched stores once, and no subscriber sees a partial batch', () => {
    const a = createStore(1)
    const b = createStore(1)
    const c = createStore(1)
    let runs = 0
    const sum = createComputedStore([a, b, c], (x, y, z) => (runs++, x + y + z))
    const seen: Array<[number, number, number, number]> = []
    const record = () => seen.push([a.getValue(), b.getValue(), c.getValue(), sum.getValue()])
    a.listen(record)
    b.listen(record)
    sum.listen(record)
    runs = 0
    batch(() => {
      a.setValue(2)
      b.setValue(2)
      c.setValue(2)
    })
    expect(runs).toBe(1)
    expect(seen).toEqual([
      [2, 2, 2, 6],
      [2, 2, 2, 6],
      [2, 2, 2, 6],
    ])
  })

  it('notifies listeners that joined the graph between two writes of one batch', () => {
    // Repeated writes in a batch skip dependents already queued; a new listener or computed must not be skipped.
    const s = createStore(0)
    const a = createComputedStore([s], (v) => v + 1)
    const events: string[] = []
    a.listen((v) => events.push(`a ${v}`))
    batch(() => {
      s.setValue(1)
      createComputedStore([a], (v) => v * 10).listen((v) => events.push(`late computed ${v}`))
      a.listen((v) => events.push(`late listener ${v}`))
      s.setValue(2)
    })
    expect(events).toEqual(['a 3', 'late listener 3', 'late computed 30'])
  })

  it('tells a subscriber that joined mid-batch about a write it saw being undone or put back', () => {
    const s = createStore(0)
    s.listen(() => {})
    const seen: number[] = []
    // The batch throws after the subscriber was shown 1: the store is back at 0, and so must the subscriber be.
    expect(() =>
      batch(() => {
        s.setValue(1)
        s.subscribe((v) => seen.push(v))
        throw new Error('undo')
      }),
    ).toThrow('undo')
    expect(seen).toEqual([1, 0])
    // Written back before the batch ends: the older listener hears nothing, the late one hears the 0 it was not shown.
    const older: number[] = []
    const late: Array<[number, number]> = []
    s.listen((v) => older.push(v))
    batch(() => {
      s.setValue(2)
      s.listen((v, previous) => late.push([v, previous]))
      s.setValue(0)
    })
    expect(older).toEqual([])
    expect(late).toEqual([[0, 2]])
  })

  it('walks the dependents of a batch once, however many of their inputs it writes', () => {
    const inputs = Array.from({ length: 50 }, () => createStore(0))
    let last = createComputedStore(inputs, (...values: number[]) => values.reduce((a, b) => a + b, 0))
    for (let i = 0; i < 5; i++) last = createComputedStore([last], (v) => v + 1)
    const seen: number[] = []
    last.listen((v) => seen.push(v))
    const propagate = vi.spyOn(StoreNode.prototype, 'propagate')
    try {
      batch(() => inputs.forEach((input) => input.setValue(1)))
      // Each write reaches the sum; only the first goes on to the 5 below it (50 × 6 if every write walked the chain).
      expect(propagate).toHaveBeenCalledTimes(50 + 5)
      propagate.mockClear()
      inputs[0].setValue(2)
      expect(propagate).toHaveBeenCalledTimes(6)
    } finally {
      propagate.mockRestore()
    }
    expect(seen).toEqual([55, 56])
  })

  it('undoes every write of a batch that throws, without notifying anyone', () => {
    const a = createStore(1)
    const b = createStore('x')
    const events: unknown[] = []
    a.listen((v) => events.push(v))
    b.listen((v) => events.push(v))
    expect(() =>
      batch(() => {
        a.setValue(2)
        b.setValue('y')
        throw new Error('halfway')
      }),
    ).toThrow('halfway')
    expect([a.getValue(), b.getValue()]).toEqual([1, 'x'])
    expect(events).toEqual([])
  })

  it('undoes only the inner batch when an inner batch throws and the outer catches', () => {
    const a = createStore(1)
    const b = createStore(1)
    const events: string[] = []
    a.listen((v) => events.push(`a=${v}`))
    b.listen((v) => events.push(`b=${v}`))
    batch(() => {
      a.setValue(2)
      try {
        batch(() => {
          a.setValue(3)
          b.setValue(3)
          throw new Error('inner')
        })
      } catch {
        events.push(`caught a=${a.getValue()} b=${b.getValue()}`)
      }
    })
    expect(events).toEqual(['caught a=2 b=1', 'a=2'])
  })

  it('re-throws the first listener error after all listeners ran', () => {
    const a = createStore(0)
    const b = createStore(0)
    const events: string[] = []
    a.listen(() => {
      throw new Error('a failed')
    })
    b.listen((v) => events.push(`b=${v}`))
    expect(() =>
      batch(() => {
        a.setValue(1)
        b.setValue(1)
      }),
    ).toThrow('a failed')
    expect(events).toEqual(['b=1'])
  })

  it('re-throws the first of several listener errors, after every listener ran', () => {
    const a = createStore(0)
    const b = createStore(0)
    const c = createStore(0)
    const events: string[] = []
    a.listen(() => {
      throw new Error('a failed')
    })
    b.listen(() => {
      throw new Error('b failed')
    })
    c.listen((v) => events.push(`c=${v}`))
    expect(() =>
      batch(() => {
        a.setValue(1)
        b.setValue(1)
        c.setValue(1)
      }),
    ).toThrow('a failed')
    expect(events).toEqual(['c=1'])
  })

  it('notifies a store written many times in one batch once, with its last value', () => {
    const a = createStore(0)
    const events: number[] = []
    a.listen((v) => events.push(v))
    // More writes than one flush may deliver notifications: each store is queued once, however often it is written.
    batch(() => {
      for (let i = 1; i <= 200_000; i++) a.setValue(i)
    })
    expect(events).toEqual([200_000])
  })

  it('delivers the writes of a batch a listener runs after that listener returns, in order', () => {
    const a = createStore(0)
    const b = createStore(0)
    const events: string[] = []
    a.listen((v) => {
      events.push(`first a=${v}`)
      batch(() => b.setValue(v))
      events.push('first done')
    })
    a.listen((v) => events.push(`second a=${v}`))
    b.listen((v) => events.push(`b=${v}`))
    a.setValue(1)
    expect(events).toEqual(['first a=1', 'first done', 'second a=1', 'b=1'])
  })

  it('still notifies the stores listeners wrote when another listener of a direct write throws', () => {
    const a = createStore(0)
    const b = createStore(0)
    const events: string[] = []
    a.listen((v) => b.setValue(v))
    a.listen(() => {
      throw new Error('listener failed')
    })
    b.listen((v) => events.push(`b=${v}`))
    expect(() => a.setValue(1)).toThrow('listener failed')
    expect(events).toEqual(['b=1'])
  })

  it('notifies the very first write after the stores are loaded, outside any batch', async () => {
    vi.resetModules()
    const fresh = await import('./store')
    const a = fresh.createStore(0)
    const events: number[] = []
    a.listen((v) => events.push(v))
    a.setValue(1)
    expect(events).toEqual([1])
  })

  it('tells computed stores about the very first batch after the stores are loaded', async () => {
    const { createStore, createComputedStore, batch: freshBatch } = await freshModules()
    const s = createStore(0)
    const events: number[] = []
    createComputedStore([s], (v) => v + 1).listen((v) => events.push(v))
    freshBatch(() => s.setValue(1))
    expect(events).toEqual([2])
  })

  it('notifies listeners that joined the graph between two writes of the very first batch after the stores are loaded', async () => {
    const { createStore, createComputedStore, batch: freshBatch } = await freshModules()
    const s = createStore(0)
    const a = createComputedStore([s], (v) => v + 1)
    const events: string[] = []
    a.listen((v) => events.push(`a ${v}`))
    freshBatch(() => {
      s.setValue(1)
      createComputedStore([a], (v) => v * 10).listen((v) => events.push(`late computed ${v}`))
      s.setValue(2)
    })
    expect(events).toEqual(['a 3', 'late computed 30'])
  })

  it('rejects a non-function', () => {
    expect(() => batch(3 as never)).toThrow('batch: the argument must be a function, got 3')
  })
})
