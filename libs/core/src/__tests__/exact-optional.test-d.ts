import { describe, expectTypeOf, it } from 'vitest'
import { ActionRegister, CompensationError, createCache, createComputedStore, createStore, createStoreManager, transaction } from '../index'

// Compiled with `exactOptionalPropertyTypes` (tsconfig.json), as under @tsconfig/strictest: every optional option takes
// `undefined`, which the functions accept at run time, so a value a user passes through (a prop, an optional
// parameter) needs no spreading or `!`.
declare const maybe: { n: number | undefined; s: string | undefined; b: boolean | undefined; signal: AbortSignal | undefined }

describe('options under exactOptionalPropertyTypes', () => {
  it('stores, computed stores, the store manager and transactions take undefined options', () => {
    const count = createStore(0, { name: maybe.s, equals: undefined })
    const doubled = createComputedStore([count], (n) => n * 2, { name: maybe.s, equals: undefined })
    createStoreManager('M', { count: { initialValue: 0, equals: undefined } })
    expectTypeOf(transaction([count], (view) => view.getValue(), { signal: maybe.signal, timeout: maybe.n })).toEqualTypeOf<number>()
    expectTypeOf(doubled.getValue()).toEqualTypeOf<number>()
  })

  it('the register, its handlers and its dispatches take undefined options', () => {
    const register = new ActionRegister<{ save: { text: string } }>({
      name: maybe.s,
      registry: { debug: maybe.b, maxRetries: maybe.n, retryDelay: maybe.n, strict: maybe.b, defaultExecutionMode: undefined },
    })
    register.register('save', () => {}, { priority: maybe.n, id: maybe.s, once: maybe.b, blocking: maybe.b, timeout: maybe.n, retries: maybe.n, tags: undefined, condition: undefined, debounce: maybe.n })
    expectTypeOf(
      register.dispatch('save', { text: 'a' }, { signal: maybe.signal, timeout: maybe.n, executionMode: undefined, filter: { tags: undefined, custom: undefined }, autoAbort: { enabled: true, allowHandlerAbort: maybe.b, onControllerCreated: undefined } }),
    ).toEqualTypeOf<Promise<void>>()
    void register.dispatchWithResult('save', { text: 'a' }, { result: { strategy: undefined, maxResults: maybe.n, timeout: maybe.n } })
  })

  it('a cache takes undefined options', () => {
    createCache({ fetch: async (key: 'a') => key.length, ttl: maybe.n, staleWhileRevalidate: maybe.b, name: maybe.s, now: undefined })
  })
})

// Typed on the class itself, so that a project whose lib predates ES2021 (`AggregateError`) or ES2022 (`Error.cause`)
// still sees them (with skipLibCheck, an unknown base class would leave the class without members).
it('CompensationError declares its errors and cause', () => {
  expectTypeOf<CompensationError['errors']>().toEqualTypeOf<unknown[]>()
  expectTypeOf<CompensationError['cause']>().toEqualTypeOf<unknown>()
})
