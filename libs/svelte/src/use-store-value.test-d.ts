import { createStore } from '@context-action/core'
import { describe, expectTypeOf, it } from 'vitest'
import { useStoreValue, type StoreValue } from './use-store-value.svelte'

const user = createStore({ name: 'Ada', tags: ['a'] as string[] })

describe('useStoreValue types', () => {
  it('gives { readonly current } of the value or of the selected slice', () => {
    expectTypeOf(useStoreValue(user)).toEqualTypeOf<StoreValue<{ name: string; tags: string[] }>>()
    expectTypeOf(useStoreValue(user, (u) => u.tags.length)).toEqualTypeOf<StoreValue<number>>()
    expectTypeOf(useStoreValue(user, (u) => u.name).current).toEqualTypeOf<string>()
  })

  it('types the equality from the slice and keeps current read-only', () => {
    useStoreValue(user, (u) => u.tags, (a, b) => {
      expectTypeOf(a).toEqualTypeOf<string[]>()
      return a.length === b.length
    })
    const value = useStoreValue(user, (u) => u.name)
    // @ts-expect-error current is read-only
    value.current = 'Grace'
  })
})
