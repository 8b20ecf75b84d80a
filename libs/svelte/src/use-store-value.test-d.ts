import { createComputedStore, createStore } from '@context-action/core'
import { readable, writable } from 'svelte/store'
import { describe, expectTypeOf, it } from 'vitest'
import { useStoreValue, type StoreValue, type WritableStoreValue } from './use-store-value.js'

const user = createStore({ name: 'Ada', tags: ['a'] as string[] })

describe('useStoreValue types', () => {
  it('gives { current } of the value, writable for a writable store', () => {
    expectTypeOf(useStoreValue(user)).toEqualTypeOf<WritableStoreValue<{ name: string; tags: string[] }>>()
    const all = useStoreValue(user)
    all.current = { name: 'Grace', tags: [] }
    // @ts-expect-error the value type of the store
    all.current = 'Grace'
  })

  it('gives { readonly current } of a selected slice and of a computed store', () => {
    expectTypeOf(useStoreValue(user, (u) => u.tags.length)).toEqualTypeOf<StoreValue<number>>()
    expectTypeOf(useStoreValue(user, (u) => u.name).current).toEqualTypeOf<string>()
    const total = useStoreValue(createComputedStore([user], (u) => u.tags.length))
    expectTypeOf(total).toEqualTypeOf<StoreValue<number>>()
    // @ts-expect-error a computed store is read-only
    total.current = 2
    const name = useStoreValue(user, (u) => u.name)
    // @ts-expect-error a slice is read-only
    name.current = 'Grace'
  })

  it('types the equality from the slice', () => {
    useStoreValue(user, (u) => u.tags, (a, b) => {
      expectTypeOf(a).toEqualTypeOf<string[]>()
      return a.length === b.length
    })
  })

  it('accepts stores of the Svelte contract: writable ones give a writable current, others a read-only one', () => {
    expectTypeOf(useStoreValue(writable(1))).toEqualTypeOf<WritableStoreValue<number>>()
    expectTypeOf(useStoreValue(readable('x'))).toEqualTypeOf<StoreValue<string>>()
    expectTypeOf(useStoreValue(writable({ n: 1 }), (v) => v.n)).toEqualTypeOf<StoreValue<number>>()
    // @ts-expect-error not a store
    useStoreValue({ current: 1 })
  })
})
