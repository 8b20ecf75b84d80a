import { describe, expectTypeOf, it } from 'vitest'
import { createComputedStore, type ComputedStore } from './computed'
import { createStore, type ReadableStore, type Store } from './store'
import { transaction } from '../transactions/transaction'

describe('store types', () => {
  it('infers the value type from the initial value or the type argument', () => {
    expectTypeOf(createStore(1)).toEqualTypeOf<Store<number>>()
    expectTypeOf(createStore('user', { id: '' })).toEqualTypeOf<Store<{ id: string }>>()
    expectTypeOf(createStore<string | null>(null).getValue()).toEqualTypeOf<string | null>()
    // @ts-expect-error a number store does not take a string
    createStore(1).setValue('x')
  })

  it('infers a widened value type when options carry a typed equals (not the literal of the initial value)', () => {
    const sameText = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
    expectTypeOf(createStore('query', '', { equals: sameText })).toEqualTypeOf<Store<string>>()
    expectTypeOf(createStore(0, { equals: Object.is })).toEqualTypeOf<Store<number>>()
    // @ts-expect-error the equals must still suit the value type
    createStore(0, { equals: sameText })
  })

  it('types computed parameters from the tuple of stores', () => {
    const count = createStore(1)
    const label = createStore('items')
    const summary = createComputedStore([count, label], (c, l) => {
      expectTypeOf(c).toEqualTypeOf<number>()
      expectTypeOf(l).toEqualTypeOf<string>()
      return { text: `${c} ${l}` }
    })
    expectTypeOf(summary).toEqualTypeOf<ComputedStore<{ text: string }>>()
    expectTypeOf(summary).toMatchTypeOf<ReadableStore<{ text: string }>>()
  })

  it('makes computed stores impossible to write', () => {
    const summary = createComputedStore([createStore(1)], (c) => c * 2)
    // @ts-expect-error computed stores are read-only
    summary.setValue(3)
    // @ts-expect-error computed stores are read-only
    summary.update((v: number) => v + 1)
    // @ts-expect-error a computed store is not a writable store
    const writable: Store<number> = summary
    void writable
  })

  it('hands a transaction body views typed like the stores', () => {
    const cart = createStore<string[]>([])
    const stock = createStore(3)
    const result = transaction([cart, stock], (c, s) => {
      expectTypeOf(c).toEqualTypeOf<Store<string[]>>()
      expectTypeOf(s).toEqualTypeOf<Store<number>>()
      return 'ok' as const
    })
    expectTypeOf(result).toEqualTypeOf<'ok'>()
    expectTypeOf(transaction([cart], async () => 1)).toEqualTypeOf<Promise<number>>()
    // A body may declare fewer parameters than there are stores; the views stay typed from the stores.
    expectTypeOf(transaction([cart, stock], (c) => c.getValue().length)).toEqualTypeOf<number>()
    // @ts-expect-error a view's type comes from its store, not from the body
    transaction([cart, stock], (c: Store<number>) => c)
  })
})
