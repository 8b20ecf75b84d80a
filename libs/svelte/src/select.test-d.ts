import { createComputedStore, createStore, type ReadableStore } from '@context-action/core'
import { writable, type Readable } from 'svelte/store'
import { describe, expectTypeOf, it } from 'vitest'
import { select } from './select.js'

const user = createStore({ name: 'Ada', age: 36 })

describe('select types', () => {
  it('infers the slice type and is a Svelte Readable of it', () => {
    const name = select(user, (u) => u.name)
    expectTypeOf(name).toEqualTypeOf<ReadableStore<string>>()
    expectTypeOf(name).toExtend<Readable<string>>()
    expectTypeOf(name.getValue()).toEqualTypeOf<string>()
  })

  it('types the selector parameter and the equality from the source and the slice', () => {
    select(user, (u) => {
      expectTypeOf(u).toEqualTypeOf<{ name: string; age: number }>()
      return u.age
    }, (a, b) => {
      expectTypeOf(a).toEqualTypeOf<number>()
      return a === b
    })
  })

  it('accepts computed stores and rejects what is not a store or a mismatched selector', () => {
    expectTypeOf(select(createComputedStore([user], (u) => u.age), (age) => age > 18)).toEqualTypeOf<ReadableStore<boolean>>()
    expectTypeOf(select(writable({ name: 'x' }), (u) => u.name)).toEqualTypeOf<ReadableStore<string>>()
    // @ts-expect-error not a store
    select({ name: 'x' }, (u: { name: string }) => u.name)
    // @ts-expect-error the selector does not take the store's value
    select(user, (n: number) => n)
    // @ts-expect-error no writing through a slice
    select(user, (u) => u.name).setValue('Grace')
  })
})
