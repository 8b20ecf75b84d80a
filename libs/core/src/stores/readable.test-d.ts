import { describe, expectTypeOf, it } from 'vitest'
import { createComputedStore, type ComputedStore, type StoreValues } from './computed'
import { fromReadable, isReadable, type Subscribable } from './readable'
import { createStore, type ReadableStore } from './store'

/** Shaped like `svelte/store`'s `Readable` and an RxJS subject, without importing either. */
interface SvelteLike<T> {
  subscribe(this: void, run: (value: T) => void, invalidate?: () => void): () => void
}
interface SubjectLike<T> {
  subscribe(run: (value: T) => void): { unsubscribe(): void }
}

describe('foreign store types', () => {
  it('infers the values of foreign stores in a computed store', () => {
    const page = {} as SvelteLike<{ url: string }>
    const clicks = {} as SubjectLike<number>
    const count = createStore(1)
    const summary = createComputedStore([page, clicks, count], (p, c, n) => {
      expectTypeOf(p).toEqualTypeOf<{ url: string }>()
      expectTypeOf(c).toEqualTypeOf<number>()
      expectTypeOf(n).toEqualTypeOf<number>()
      return p.url.length + c + n
    })
    expectTypeOf(summary).toEqualTypeOf<ComputedStore<number>>()
    expectTypeOf<StoreValues<[SvelteLike<string>, ReadableStore<boolean>]>>().toEqualTypeOf<[string, boolean]>()
    // @ts-expect-error an object without subscribe is not a store
    createComputedStore([{ getValue: () => 1 }], (v) => v)
  })

  it('types fromReadable and isReadable', () => {
    expectTypeOf(fromReadable({} as SvelteLike<string>)).toEqualTypeOf<ReadableStore<string>>()
    expectTypeOf(fromReadable(createStore(1))).toEqualTypeOf<ReadableStore<number>>()
    const value: unknown = null
    if (isReadable(value)) expectTypeOf(value).toEqualTypeOf<Subscribable<unknown>>()
  })
})
