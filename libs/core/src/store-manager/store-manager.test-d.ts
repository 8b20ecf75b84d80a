import { expectTypeOf, it } from 'vitest'
import { createStoreManager, type StoreManager } from './store-manager'

it('takes values declared as an interface (no index signature), as a type alias', () => {
  interface Values {
    count: number
    user: { name: string }
  }
  const manager = createStoreManager<Values>('Declared', { count: { initialValue: 0 }, user: { initialValue: { name: '' } } })
  expectTypeOf(manager).toEqualTypeOf<StoreManager<Values>>()
  expectTypeOf(manager.getStore('user').getValue().name).toEqualTypeOf<string>()
  // @ts-expect-error a definition is missing
  createStoreManager<Values>('Declared', { count: { initialValue: 0 } })
})

it('needs a definition for an optional key too: its store exists whatever the value', () => {
  interface Filters {
    query: string
    page?: number
  }
  // @ts-expect-error the definition of page is missing
  createStoreManager<Filters>('Filters', { query: { initialValue: '' } })
  const manager = createStoreManager<Filters>('Filters', { query: { initialValue: '' }, page: { initialValue: undefined } })
  expectTypeOf(manager.getStore('page').getValue()).toEqualTypeOf<number | undefined>()
})
