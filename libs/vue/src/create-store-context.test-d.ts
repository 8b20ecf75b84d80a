import type { Store } from '@context-action/core'
import { expectTypeOf, it } from 'vitest'
import { createApp, h } from 'vue'
import { createStoreContext } from './create-store-context'

it('useStore(key) is typed by the definitions, inferred or given', () => {
  const Inferred = createStoreContext('Inferred', { count: { initialValue: 0 }, user: { initialValue: { name: 'Ada' } } })
  expectTypeOf(Inferred.useStore('count')).toEqualTypeOf<Store<number>>()
  expectTypeOf(Inferred.useStore('user').getValue().name).toEqualTypeOf<string>()
  // @ts-expect-error unknown key
  Inferred.useStore('nope')

  const Given = createStoreContext<{ user: { name: string } | null }>('Given', { user: { initialValue: null } })
  expectTypeOf(Given.useStore('user')).toEqualTypeOf<Store<{ name: string } | null>>()
  expectTypeOf(Given.useStoreManager().keys).toEqualTypeOf<ReadonlyArray<'user'>>()
  // @ts-expect-error definitions always use the { initialValue } form
  createStoreContext('Direct', { count: 0 })
})

it('provide(state), install options and the Provider state prop take a partial snapshot of the values', () => {
  const Shop = createStoreContext('Shop', { cart: { initialValue: [] as string[] }, coupon: { initialValue: '' } })
  expectTypeOf(Shop.provide({ coupon: 'X' }).snapshot()).toEqualTypeOf<{ cart: string[]; coupon: string }>()
  Shop.provide()
  // @ts-expect-error unknown key
  Shop.provide({ nope: 1 })
  // @ts-expect-error wrong value type
  Shop.provide({ coupon: 5 })
  const app = createApp({})
  app.use(Shop, { state: { cart: ['book'] } })
  // @ts-expect-error wrong value type in the app-wide state
  app.use(Shop, { state: { cart: 'book' } })
  h(Shop.Provider, { state: { coupon: 'Y' } })
  // @ts-expect-error wrong value type in the Provider prop
  h(Shop.Provider, { state: { coupon: 1 } })
  expectTypeOf(Shop.name).toEqualTypeOf<string>()
})

it('provide(manager), install options and the Provider stores prop take a manager of the same values, never beside state', () => {
  const Shop = createStoreContext('Shop', { cart: { initialValue: [] as string[] }, coupon: { initialValue: '' } })
  const Other = createStoreContext('Other', { cart: { initialValue: 0 } })
  const stores = Shop.useStoreManager()
  expectTypeOf(Shop.provide(stores)).toEqualTypeOf(stores)
  // @ts-expect-error a manager of other values
  Shop.provide(Other.useStoreManager())
  const app = createApp({})
  app.use(Shop, { stores })
  // @ts-expect-error one or the other
  app.use(Shop, { stores, state: { coupon: 'X' } })
  // @ts-expect-error a manager of other values
  app.use(Shop, { stores: Other.useStoreManager() })
  h(Shop.Provider, { stores })
  // @ts-expect-error one or the other
  h(Shop.Provider, { stores, state: { coupon: 'Y' } })
  // A context with a store called `name`: a manager has a `name` too, and still does not pass for its values.
  const Profile = createStoreContext('Profile', { name: { initialValue: '' }, age: { initialValue: 0 } })
  // @ts-expect-error a manager of other values
  Profile.provide(Other.useStoreManager())
  // @ts-expect-error a manager of other values, as state
  app.use(Profile, { state: Other.useStoreManager() })
  Profile.provide({ name: 'Ada' })
})

it('takes values declared as an interface (no index signature), as a type alias', () => {
  interface Values {
    count: number
    user: { name: string }
  }
  const Declared = createStoreContext<Values>('Declared', { count: { initialValue: 0 }, user: { initialValue: { name: '' } } })
  expectTypeOf(Declared.useStore('user').getValue().name).toEqualTypeOf<string>()
  expectTypeOf(Declared.provide({ count: 1 }).snapshot()).toEqualTypeOf<Values>()
})
