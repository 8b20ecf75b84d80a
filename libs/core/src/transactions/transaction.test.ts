import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { batch } from '../stores/batch'
import { createComputedStore } from '../stores/computed'
import { createStore, tracking, type Store } from '../stores/store'
import { transaction } from './transaction'

const fail = (message = 'payment declined') => {
  throw new Error(message)
}

describe('transaction', () => {
  it('returns the body result and keeps the writes when it succeeds', async () => {
    const cart = createStore(['book'])
    const orders = createStore<string[]>([])
    const id = await transaction([cart, orders], async (cart, orders) => {
      orders.update((list) => [...list, 'order-1'])
      cart.setValue([])
      await Promise.resolve()
      return 'order-1'
    })
    expect(id).toBe('order-1')
    expect([cart.getValue(), orders.getValue()]).toEqual([[], ['order-1']])
  })

  it('restores every listed store when an async body rejects, and re-throws', async () => {
    const cart = createStore(['book'])
    const stock = createStore({ book: 3 })
    await expect(
      transaction([cart, stock], async (cart, stock) => {
        cart.setValue([])
        stock.update((s) => ({ book: s.book - 1 }))
        await Promise.resolve()
        stock.update((s) => ({ book: s.book - 1 }))
        fail()
      }),
    ).rejects.toThrow('payment declined')
    expect([cart.getValue(), stock.getValue()]).toEqual([['book'], { book: 3 }])
  })

  it('tells listeners nothing about a sync body that throws', () => {
    const a = createStore(1)
    const b = createStore(1)
    const events: number[] = []
    a.listen((v) => events.push(v))
    b.listen((v) => events.push(v))
    expect(() =>
      transaction([a, b], (a, b) => {
        a.setValue(2)
        b.setValue(2)
        fail('sync')
      }),
    ).toThrow('sync')
    expect(events).toEqual([])
    transaction([a, b], (a, b) => (a.setValue(3), b.setValue(3)))
    expect(events).toEqual([3, 3])
  })

  it('works synchronously with a sync body', () => {
    const a = createStore(1)
    expect(transaction([a], (a) => (a.setValue(2), 'ok'))).toBe('ok')
    expect(() =>
      transaction([a], (a) => {
        a.setValue(3)
        fail('sync')
      }),
    ).toThrow('sync')
    expect(a.getValue()).toBe(2)
  })

  it('undoes only the listed stores, for sync and async bodies alike', async () => {
    const listed = createStore('listed')
    const other = createStore('other')
    expect(() =>
      transaction([listed], (listed) => {
        listed.setValue('changed')
        other.setValue('sync write')
        fail()
      }),
    ).toThrow()
    expect([listed.getValue(), other.getValue()]).toEqual(['listed', 'sync write'])
    await expect(
      transaction([listed], async (listed) => {
        listed.setValue('changed')
        other.setValue('async write')
        fail()
      }),
    ).rejects.toThrow()
    expect([listed.getValue(), other.getValue()]).toEqual(['listed', 'async write'])
  })

  it('attributes direct writes made before the first await to the transaction', async () => {
    const order = createStore<string | null>(null)
    await expect(
      transaction([order], async () => {
        order.setValue('pending')
        await Promise.resolve()
        fail()
      }),
    ).rejects.toThrow()
    expect(order.getValue()).toBeNull()
  })

  it('keeps a write another action made to the same store while the transaction was in flight', async () => {
    const stock = createStore(10)
    let release!: () => void
    const checkout = transaction([stock], async (stock) => {
      stock.update((n) => n - 2)
      await new Promise<void>((resolve) => (release = resolve))
      fail()
    })
    // Another action restocks while the payment is pending: the seed's snapshot rollback would erase this.
    stock.update((n) => n + 5)
    release()
    await expect(checkout).rejects.toThrow()
    expect(stock.getValue()).toBe(15)
  })

  it('rolls back one of two overlapping transactions without touching the other', async () => {
    const log = createStore('')
    let releaseFirst!: () => void
    const first = transaction([log], async (log) => {
      log.update((s) => s + 'A')
      await new Promise<void>((resolve) => (releaseFirst = resolve))
      fail()
    })
    const second = transaction([log], async (log) => {
      log.update((s) => s + 'B')
      await Promise.resolve()
      log.update((s) => s + 'C')
    })
    await second
    releaseFirst()
    await expect(first).rejects.toThrow()
    expect(log.getValue()).toBe('BC')
  })

  it('shows the restore to listeners as one batched change', async () => {
    const cart = createStore(['book'])
    const stock = createStore(3)
    const summary = createComputedStore([cart, stock], (c, s) => `${c.length}/${s}`)
    const events: string[] = []
    cart.listen((c) => events.push(`cart ${c.length} (summary ${summary.getValue()})`))
    stock.listen((s) => events.push(`stock ${s} (summary ${summary.getValue()})`))
    summary.listen((s) => events.push(`summary ${s}`))
    await expect(
      transaction([cart, stock], async (cart, stock) => {
        cart.setValue([])
        stock.setValue(2)
        await Promise.resolve()
        events.push('paying')
        fail()
      }),
    ).rejects.toThrow()
    // Queue order: a store, then what is computed from it; every listener reads a consistent state.
    expect(events).toEqual([
      'cart 0 (summary 0/2)',
      'summary 0/2',
      'stock 2 (summary 0/2)',
      'paying',
      'cart 1 (summary 1/3)',
      'summary 1/3',
      'stock 3 (summary 1/3)',
    ])
  })

  it('nests: an inner failure undoes only the inner writes; an outer failure undoes both', async () => {
    const a = createStore('')
    await transaction([a], async (a) => {
      a.update((s) => s + 'outer;')
      await transaction([a], async (a) => {
        a.update((s) => s + 'inner;')
      })
      await expect(
        transaction([a], async (a) => {
          a.update((s) => s + 'failing;')
          fail()
        }),
      ).rejects.toThrow()
    })
    expect(a.getValue()).toBe('outer;inner;')

    await expect(
      transaction([a], async (a) => {
        await transaction([a], async (a) => a.update((s) => s + 'committed-inner;'))
        fail()
      }),
    ).rejects.toThrow()
    expect(a.getValue()).toBe('outer;inner;')
  })

  it('refuses writes through a view after its transaction ended', async () => {
    const a = createStore(1)
    let leaked!: Store<number>
    await transaction([a], async (view) => {
      leaked = view
    })
    expect(() => leaked.setValue(2)).toThrow('this store view belongs to a transaction that has ended; write to the store itself')
    expect(a.getValue()).toBe(1)
  })

  it('undoes a batch that threw inside a transaction consistently with the transaction log', async () => {
    const a = createStore('')
    await expect(
      transaction([a], async (a) => {
        a.update((s) => s + 'x')
        try {
          batch(() => {
            a.update((s) => s + 'y')
            fail('batch')
          })
        } catch {
          // the batch is undone; the transaction goes on
        }
        await Promise.resolve()
        a.update((s) => s + 'z')
      }),
    ).resolves.toBeUndefined()
    expect(a.getValue()).toBe('xz')
    await expect(transaction([a], async (a) => (a.update((s) => s + '!'), fail()))).rejects.toThrow()
    expect(a.getValue()).toBe('xz')
  })

  it('leaves every store as it was when an updater throws while a rollback replays it, rejecting with both errors', async () => {
    const a = createStore(0)
    const b = createStore(0)
    const seen: string[] = []
    a.listen((v) => seen.push(`a=${v}`))
    b.listen((v) => seen.push(`b=${v}`))
    let release!: () => void
    const checkout = transaction([a, b], async (a, b) => {
      a.setValue(1)
      b.setValue(1)
      await new Promise<void>((resolve) => (release = resolve))
      fail()
    })
    // An outside update while the body is pending; the rollback replays it on the value from before, where it throws.
    let calls = 0
    b.update((n) => {
      calls++
      if (calls > 1) throw new Error('replay failed')
      return n + 10
    })
    seen.length = 0
    release()
    const error = await checkout.then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(AggregateError)
    expect((error as AggregateError).message).toBe('transaction: rollback was incomplete')
    const [bodyError, replayError] = (error as AggregateError).errors as [Error, AggregateError]
    expect(bodyError.message).toBe('payment declined')
    expect((error as AggregateError).cause).toBe(bodyError)
    expect(replayError).toBeInstanceOf(AggregateError)
    expect(replayError.message).toBe('transaction: an updater failed while replaying writes during rollback')
    expect(replayError.errors.map((e: Error) => e.message)).toEqual(['replay failed'])
    // Nothing half-applied: the rollback is undone as a whole, and listeners hear nothing.
    expect([a.getValue(), b.getValue()]).toEqual([1, 11])
    expect(seen).toEqual([])
  })

  it('keeps the writes of a nested transaction that succeeds after its parent has already committed', async () => {
    const a = createStore(0)
    let inner!: Promise<string>
    let release!: () => void
    await transaction([a], async (outerView) => {
      outerView.setValue(1)
      inner = transaction([outerView], async (innerView) => {
        await new Promise<void>((resolve) => (release = resolve))
        innerView.setValue(5)
        return 'done'
      })
    })
    release()
    expect(await inner).toBe('done')
    // Committed for good: a later failing transaction on the store undoes only its own write.
    await expect(
      transaction([a], async (view) => {
        view.setValue(9)
        throw new Error('later failure')
      }),
    ).rejects.toThrow('later failure')
    expect(a.getValue()).toBe(5)
  })

  it('hands a nested write to the grandparent still running when its parent committed first, so a rollback of the grandparent undoes it', async () => {
    const a = createStore(0)
    let inner!: Promise<void>
    let release!: () => void
    let failOuter!: () => void
    const outer = transaction([a], async (outerView) => {
      await transaction([outerView], async (middleView) => {
        inner = transaction([middleView], async (innerView) => {
          await new Promise<void>((resolve) => (release = resolve))
          innerView.setValue(5)
        })
      })
      await new Promise<void>((resolve) => (failOuter = resolve))
      throw new Error('outer failed')
    })
    release()
    await inner
    const during = a.getValue()
    failOuter()
    await expect(outer).rejects.toThrow('outer failed')
    expect([during, a.getValue()]).toEqual([5, 0])
  })

  it('rolls back a nested transaction that succeeds after its parent was rolled back, and rejects saying so', async () => {
    const a = createStore(0)
    const seen: number[] = []
    a.listen((v) => seen.push(v))
    let inner!: Promise<void>
    let release!: () => void
    const outer = transaction([a], async (outerView) => {
      outerView.setValue(1)
      inner = transaction([outerView], async (innerView) => {
        await new Promise<void>((resolve) => (release = resolve))
        innerView.setValue(5)
      })
      throw new Error('outer failed')
    })
    await expect(outer).rejects.toThrow('outer failed')
    release()
    const error = await inner.then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(error).toEqual(new Error('transaction: the transaction it was nested in was rolled back while it ran; its writes are undone too'))
    expect({ value: a.getValue(), seen }).toEqual({ value: 0, seen: [1, 0, 5, 0] })
  })

  it('a listener that throws as the sync part is delivered does not lose a pending body: it still rolls back, and the caller gets its error', async () => {
    const cart = createStore(['keyboard'])
    const stock = createStore(10)
    let crash = true
    cart.listen(() => {
      if (crash) {
        crash = false
        throw new Error('view crashed')
      }
    })
    let paid = false
    const running = transaction([cart, stock], async (cart, stock) => {
      cart.setValue([])
      stock.update((n) => n - 1)
      await new Promise((resolve) => setTimeout(resolve, 1))
      paid = true
      fail('card declined')
    })
    // A promise, not a synchronous throw: the body is still running.
    expect(running).toBeInstanceOf(Promise)
    await expect(running).rejects.toThrow('card declined')
    expect([paid, cart.getValue(), stock.getValue()]).toEqual([true, ['keyboard'], 10])
    // The transaction ended: a later one rolls back as usual.
    await expect(transaction([cart], async (cart) => (cart.setValue(['x']), await Promise.resolve(), fail('again')))).rejects.toThrow('again')
    expect(cart.getValue()).toEqual(['keyboard'])
  })

  it('a listener that throws as the sync part is delivered: the writes stand, as with setValue, and the caller gets its error once the transaction ends', async () => {
    const oops = new Error('view crashed')
    const cart = createStore(['keyboard'])
    const off = cart.listen(() => {
      throw oops
    })
    let view: Store<string[]> | undefined
    let caught: unknown
    try {
      transaction([cart], (cart) => {
        view = cart
        cart.setValue(['sync'])
      })
    } catch (error) {
      caught = error
    }
    expect([caught, cart.getValue()]).toEqual([oops, ['sync']])
    // Ended (committed): its view refuses writes.
    expect(() => view!.setValue([])).toThrow('belongs to a transaction that has ended')
    const pending = transaction([cart], async (cart) => {
      cart.setValue(['async'])
      await Promise.resolve()
      return 'done'
    })
    let rejected: unknown
    await pending.catch((error: unknown) => (rejected = error))
    expect([rejected, cart.getValue()]).toEqual([oops, ['async']])
    off()
    // Nothing is left pending: a rollback elsewhere replays only its own writes.
    await expect(transaction([cart], async (cart) => (cart.setValue(['z']), await Promise.resolve(), fail()))).rejects.toThrow('payment declined')
    expect(cart.getValue()).toEqual(['async'])
  })

  it('leaves no transaction counted as running once each has ended, however it ended', async () => {
    const cart = createStore(['keyboard'])
    transaction([cart], (cart) => cart.setValue([]))
    expect(() => transaction([cart], () => fail())).toThrow('payment declined')
    await transaction([cart], async (cart) => cart.setValue(['a']))
    await expect(transaction([cart], async () => fail())).rejects.toThrow('payment declined')
    const off = cart.listen(() => {
      throw new Error('view crashed')
    })
    expect(() => transaction([cart], (cart) => cart.setValue(['b']))).toThrow('view crashed')
    off()
    expect(tracking.active).toBe(0)
  })

  it('rejects bad input before running anything', () => {
    const a = createStore(1)
    const total = createComputedStore([a], (x) => x)
    let ran = false
    const body = () => void (ran = true)
    expect(() => transaction(a as never, body)).toThrow('transaction: expected an array of stores, got an object; wrap a single store in an array: [store]')
    expect(() => transaction([a, 'b'] as never, body)).toThrow('transaction: stores[1] is not a store, got "b"')
    expect(() => transaction([total] as never, body)).toThrow('is read-only (a computed store, or a store of another library); list the stores it comes from')
    expect(() => transaction([a], 5 as never)).toThrow('transaction: body must be a function, got 5')
    expect(ran).toBe(false)
  })

  it('an equals that throws leaves no write in the log: the rollback undoes the transaction and keeps the rest', async () => {
    const poison = { poison: true }
    const equals = (a: unknown, b: unknown) => {
      if (b === poison) throw new Error('equals failed')
      return Object.is(a, b)
    }
    const store = createStore<unknown>(0, { equals })
    let release!: () => void
    const pending = transaction([store], async (store) => {
      store.setValue(1)
      await new Promise<void>((resolve) => (release = resolve))
      throw new Error('body failed')
    })
    expect(() => store.setValue(poison)).toThrow('equals failed')
    release()
    await expect(pending).rejects.toThrow('body failed')
    expect(store.getValue()).toBe(0)
  })

})

// A step of a randomly generated actor. Tokens are unique, so the final strings show exactly which writes survived.
type Step = { kind: 'update' | 'set' | 'direct'; store: number } | { kind: 'await' } | { kind: 'nested'; fails: boolean; steps: Step[] }
type Actor = { tx: boolean; stores: number[]; fails: boolean; steps: Step[] }

const STORES = 3
const leafStep = fc.oneof(
  fc.record({ kind: fc.constantFrom('update' as const, 'set' as const, 'direct' as const), store: fc.nat(STORES - 1) }),
  fc.constant({ kind: 'await' as const }),
)
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: leafStep },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('nested' as const), fails: fc.boolean(), steps: fc.array(leafStep, { maxLength: 4 }) }) },
)
const actor: fc.Arbitrary<Actor> = fc.record({
  tx: fc.boolean(),
  stores: fc.uniqueArray(fc.nat(STORES - 1), { minLength: 1, maxLength: STORES }),
  fails: fc.boolean(),
  steps: fc.array(step, { maxLength: 6 }),
})

describe('transaction under random interleavings (property)', () => {
  it('ends with exactly the committed and outside writes, replayed in the order they happened', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(actor, { minLength: 1, maxLength: 5 }), async (s, actors) => {
        const stores = Array.from({ length: STORES }, (_, i) => createStore(`s${i}`, `s${i}:`))
        // Every applied write, in the order it happened, with the chain of transactions that own it.
        const applied: Array<{ store: number; token: string; set: boolean; owners: Array<{ failed: boolean }> }> = []
        let counter = 0

        const write = (target: Store<string>, index: number, set: boolean, owners: Array<{ failed: boolean }>) => {
          const token = `${++counter};`
          if (set) target.setValue(token)
          else target.update((v) => v + token)
          applied.push({ store: index, token, set, owners })
        }

        const runSteps = async (steps: Step[], views: Map<number, Store<string>>, owners: Array<{ failed: boolean }>) => {
          let synchronous = true
          for (const st of steps) {
            if (st.kind === 'await') {
              await s.schedule(Promise.resolve())
              synchronous = false
            } else if (st.kind === 'nested') {
              const inner = { failed: false }
              const listed = [...views.keys()]
              if (listed.length === 0) continue
              await transaction(
                listed.map((i) => views.get(i)!),
                async (...innerViews) => {
                  const map = new Map(listed.map((i, k) => [i, innerViews[k]]))
                  await runSteps(st.steps, map, [...owners, inner])
                  if (st.fails) {
                    inner.failed = true
                    throw new Error('inner')
                  }
                },
              ).catch(() => {})
              synchronous = false
            } else {
              const view = views.get(st.store)
              // Writes on unlisted stores, and direct writes after an await, are outside writes by definition.
              if (view && st.kind !== 'direct') write(view, st.store, st.kind === 'set', owners)
              else if (view && synchronous) write(stores[st.store], st.store, false, owners)
              else write(stores[st.store], st.store, st.kind === 'set', [])
            }
          }
        }

        const runs = actors.map(async (a) => {
          await s.schedule(Promise.resolve())
          if (!a.tx) return runSteps(a.steps, new Map(), [])
          const me = { failed: false }
          return transaction(
            a.stores.map((i) => stores[i]),
            async (...views) => {
              await runSteps(a.steps, new Map(a.stores.map((i, k) => [i, views[k]])), [me])
              if (a.fails) {
                me.failed = true
                throw new Error('outer')
              }
            },
          ).catch(() => {})
        })
        await s.waitFor(Promise.all(runs))

        const expected = stores.map((_, i) => `s${i}:`)
        for (const w of applied) {
          if (w.owners.some((o) => o.failed)) continue
          expected[w.store] = w.set ? w.token : expected[w.store] + w.token
        }
        expect(stores.map((st) => st.getValue())).toEqual(expected)
      }),
      { numRuns: 1000 },
    )
  }, 60_000)
})
