import { createComputedStore, createStore } from '@context-action/core'
import { expectTypeOf, it } from 'vitest'
import { shallowRef, type ShallowRef, type WritableComputedRef } from 'vue'
import { useComputedStore } from './use-computed-store'
import { useStore } from './use-store'
import { useStoreValue } from './use-store-value'

const user = createStore({ name: 'Ada', age: 36 })

it('ref types follow the selector', () => {
  expectTypeOf(useStoreValue(user)).toEqualTypeOf<Readonly<ShallowRef<{ name: string; age: number }>>>()
  expectTypeOf(useStoreValue(user, (u) => u.name).value).toEqualTypeOf<string>()
  expectTypeOf(useStoreValue(user, (u) => u.age > 18, (a, b) => a === b).value).toEqualTypeOf<boolean>()
  expectTypeOf(useStoreValue(() => user, (u) => u.age).value).toEqualTypeOf<number>()
  expectTypeOf(useStoreValue(shallowRef(createComputedStore([user], (u) => u.name.length))).value).toEqualTypeOf<number>()
  // @ts-expect-error the selector's parameter is the store's value
  useStoreValue(user, (u: string) => u)
})

it('useStoreValue refs are read-only', () => {
  const name = useStoreValue(user, (u) => u.name)
  // @ts-expect-error read-only ref
  name.value = 'Grace'
  const whole = useStoreValue(user)
  // @ts-expect-error read-only ref
  whole.value = { name: 'Grace', age: 1 }
})

it('useStore is writable with the store type; useComputedStore types its value from the inputs', () => {
  expectTypeOf(useStore(user)).toEqualTypeOf<WritableComputedRef<{ name: string; age: number }>>()
  const { store, value } = useComputedStore([user, createStore(2)], (u, n) => u.name.repeat(n))
  expectTypeOf(value.value).toEqualTypeOf<string>()
  expectTypeOf(store.getValue()).toEqualTypeOf<string>()
})

it('useStore accepts writable stores only, never a computed store', () => {
  const count = createStore(1)
  const doubled = createComputedStore([count], (n) => n * 2)
  expectTypeOf(useStore(count).value).toEqualTypeOf<number>()
  // @ts-expect-error a computed store cannot back a v-model
  useStore(doubled)
})
