import type { Store } from '@context-action/core'
import { expectTypeOf, it } from 'vitest'
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
