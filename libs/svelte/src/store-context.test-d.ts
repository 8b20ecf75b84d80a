import type { Store } from '@context-action/core'
import { describe, expectTypeOf, it } from 'vitest'
import { createStoreContext } from './store-context'

describe('createStoreContext types', () => {
  it('types each store from its initial value and the equality from it too', () => {
    const App = createStoreContext('App', {
      count: { initialValue: 0 },
      user: {
        initialValue: { name: 'Ada', tags: [] as string[] },
        equals: (a, b) => {
          expectTypeOf(a).toEqualTypeOf<{ name: string; tags: string[] }>()
          return a.name === b.name
        },
      },
    })
    expectTypeOf(App.useStore('count')).toEqualTypeOf<Store<number>>()
    expectTypeOf(App.useStore('user').getValue().tags).toEqualTypeOf<string[]>()
    expectTypeOf(App.useStoreManager().keys).toEqualTypeOf<readonly ('count' | 'user')[]>()
    // @ts-expect-error unknown store
    App.useStore('missing')
    // @ts-expect-error equality of the wrong type
    createStoreContext('Bad', { count: { initialValue: 0, equals: (a: string, b: string) => a === b } })
  })

  it('provide takes a snapshot of the values or a manager of the same values', () => {
    const Shop = createStoreContext('Shop', { cart: { initialValue: [] as string[] } })
    const Other = createStoreContext('Other', { cart: { initialValue: 0 } })
    const stores = Shop.createStores({ cart: ['book'] })
    expectTypeOf(Shop.provide(stores)).toEqualTypeOf(stores)
    Shop.provide({ cart: [] })
    // @ts-expect-error a manager of other values
    Shop.provide(Other.createStores())
    // A context with a store called `name`: a manager has a `name` too, and still does not pass for its values.
    const Profile = createStoreContext('Profile', { name: { initialValue: '' }, age: { initialValue: 0 } })
    // @ts-expect-error a manager of other values
    Profile.provide(Other.createStores())
    // @ts-expect-error a manager is no state to write into new stores
    Profile.createStores(Profile.createStores())
    Profile.provide({ name: 'Ada' })
  })

  it('takes values declared as an interface (no index signature), as a type alias', () => {
    interface Values {
      count: number
      user: { name: string }
    }
    const Declared = createStoreContext<Values>('Declared', { count: { initialValue: 0 }, user: { initialValue: { name: '' } } })
    expectTypeOf(Declared.useStore('user').getValue().name).toEqualTypeOf<string>()
    expectTypeOf(Declared.createStores({ count: 1 }).snapshot()).toEqualTypeOf<Values>()
  })
})
