import { createComputedStore, createStore, type Store } from '@context-action/core'
import { expectTypeOf, it } from 'vitest'
import { shallowRef, type ShallowRef, type WritableComputedRef } from 'vue'
import type { DeepReadonly } from './deep-readonly'
import { useComputedStore } from './use-computed-store'
import { useStoreModel } from './use-store-model'
import { useStoreRefs, type StoreRefs } from './use-store-refs'
import { useStoreValue } from './use-store-value'

const user = createStore({ name: 'Ada', age: 36, tags: ['math'], address: { city: 'London' } })
type User = ReturnType<typeof user.getValue>

it('DeepReadonly makes objects, arrays, maps and sets read-only all the way down, and keeps primitives and functions', () => {
  type Value = { list: { id: number }[]; map: Map<string, { n: number }>; set: Set<string[]>; when: Date; fn: (x: number) => void; maybe?: string | null }
  const value = {} as DeepReadonly<Value>
  expectTypeOf(value.list).toEqualTypeOf<readonly { readonly id: number }[]>()
  expectTypeOf(value.map).toEqualTypeOf<ReadonlyMap<string, { readonly n: number }>>()
  expectTypeOf(value.set).toEqualTypeOf<ReadonlySet<readonly string[]>>()
  expectTypeOf(value.when).toEqualTypeOf<Date>()
  expectTypeOf(value.fn).toEqualTypeOf<(x: number) => void>()
  expectTypeOf(value.maybe).toEqualTypeOf<string | null | undefined>()
  expectTypeOf<DeepReadonly<string>>().toEqualTypeOf<string>()
  expectTypeOf<DeepReadonly<unknown>>().toEqualTypeOf<unknown>()
  // @ts-expect-error read-only array
  value.list.push({ id: 1 })
  // @ts-expect-error read-only nested property
  value.list[0].id = 2
})

it('DeepReadonly distributes over unions, so a narrowed value of a generic type is DeepReadonly<T>', () => {
  function pickOne<T extends { id: string }>(list: Store<T[]>, use: (item: DeepReadonly<T>) => void): void {
    const item = useStoreValue(list, (all) => all.find((x) => x.id === '1'))
    if (item.value) use(item.value)
  }
  expectTypeOf(pickOne).toBeFunction()
  expectTypeOf<DeepReadonly<{ a: string[] } | undefined>>().toEqualTypeOf<{ readonly a: readonly string[] } | undefined>()
  expectTypeOf<DeepReadonly<boolean>>().toEqualTypeOf<boolean>()
})

it('useStoreValue refs are read-only, deeply, and typed by the selector', () => {
  expectTypeOf(useStoreValue(user)).toEqualTypeOf<Readonly<ShallowRef<DeepReadonly<User>>>>()
  expectTypeOf(useStoreValue(user, (u) => u.name).value).toEqualTypeOf<string>()
  expectTypeOf(useStoreValue(user, (u) => u.age > 18, (a, b) => a === b).value).toEqualTypeOf<boolean>()
  expectTypeOf(useStoreValue(() => user, (u) => u.age).value).toEqualTypeOf<number>()
  expectTypeOf(useStoreValue(shallowRef(createComputedStore([user], (u) => u.name.length))).value).toEqualTypeOf<number>()
  // @ts-expect-error the selector's parameter is the store's value
  useStoreValue(user, (u: string) => u)
  const whole = useStoreValue(user)
  // @ts-expect-error read-only ref
  whole.value = { name: 'Grace', age: 1, tags: [], address: { city: '' } }
  // @ts-expect-error read-only field
  whole.value.name = 'Grace'
  // @ts-expect-error read-only nested array
  whole.value.tags.push('x')
  // @ts-expect-error read-only nested object
  whole.value.address.city = 'Paris'
})

it('useStoreModel reads deeply read-only values and writes whole values; it takes writable stores only', () => {
  const model = useStoreModel(user)
  expectTypeOf(model).toEqualTypeOf<WritableComputedRef<DeepReadonly<User>, User | DeepReadonly<User>>>()
  model.value = { name: 'Grace', age: 1, tags: [], address: { city: '' } }
  // It takes back what it reads: a new value built from the read-only one.
  model.value = { ...model.value, name: 'Grace' }
  model.value = model.value
  // @ts-expect-error a field of the value is read-only (in script; vue-tsc does not check v-model targets)
  model.value.name = 'Grace'
  const count = createStore(1)
  expectTypeOf(useStoreModel(count).value).toEqualTypeOf<number>()
  // @ts-expect-error a computed store cannot back a v-model
  useStoreModel(createComputedStore([count], (n) => n * 2))
})

it('useStoreRefs gives one writable ref per key, read-only inside', () => {
  const refs = useStoreRefs(user)
  expectTypeOf(refs.name).toEqualTypeOf<WritableComputedRef<string, string>>()
  expectTypeOf(refs.tags.value).toEqualTypeOf<readonly string[]>()
  refs.tags.value = ['new']
  refs.name.value = 'Grace'
  // @ts-expect-error the field's type
  refs.name.value = 5
  // @ts-expect-error unknown key
  void refs.nope
  // @ts-expect-error read-only inside
  refs.address.value.city = 'Paris'
  // A ref takes back a read-only value read from a ref.
  refs.tags.value = refs.tags.value
  refs.address.value = useStoreValue(user).value.address
  // @ts-expect-error still the field's type
  refs.tags.value = [1]
})

it('useStoreRefs keeps optional keys optional: their ref exists only when the value has the key', () => {
  const optional = {} as Store<{ name: string; note?: string }>
  const refs = useStoreRefs(optional)
  expectTypeOf(refs.note).toEqualTypeOf<WritableComputedRef<string | undefined, string | undefined> | undefined>()
  expectTypeOf(refs.name).toEqualTypeOf<WritableComputedRef<string, string>>()
  // @ts-expect-error the ref may be missing
  void refs.note.value
  void refs.note?.value
  const withoutNote: StoreRefs<{ name: string; note?: string }> = { name: refs.name }
  void withoutNote
})

it('useComputedStore is a read-only ref typed from its inputs', () => {
  const total = useComputedStore([user, createStore(2)], (u, n) => u.name.repeat(n))
  expectTypeOf(total).toEqualTypeOf<Readonly<ShallowRef<string>>>()
  // @ts-expect-error read-only
  total.value = 'x'
})
