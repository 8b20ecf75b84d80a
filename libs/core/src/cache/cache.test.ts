import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createCache, type CacheOptions } from './cache'
import { createStore } from '../stores/store'
import { transaction } from '../transactions/transaction'

interface Call {
  key: string
  signal: AbortSignal
  resolve: (value: string) => void
  reject: (error: unknown) => void
}

/** A cache whose requests stay pending until the test settles them. */
function setup(options: Partial<CacheOptions<string, string>> = {}) {
  const calls: Call[] = []
  const cache = createCache<string, string>({
    name: 'users',
    fetch: (key, { signal }) => new Promise<string>((resolve, reject) => calls.push({ key, signal, resolve, reject })),
    ...options,
  })
  return { cache, calls }
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('createCache', () => {
  it('fetches a miss once and serves the next lookup from the cache without a request', async () => {
    const { cache, calls } = setup({ now: () => 7 })
    const seen: unknown[] = []
    cache.statuses.listen((s) => seen.push(s))
    const first = cache.lookup('1')
    expect([first.source, calls.map((c) => c.key)]).toEqual(['miss', ['1']])
    calls[0].resolve('Ada')
    expect(await first.promise).toBe('Ada')
    const second = cache.lookup('1')
    expect([second.source, await second.promise, calls.length, cache.get('1')]).toEqual(['hit', 'Ada', 1, 'Ada'])
    expect(cache.entries.getValue()).toEqual({ '1': { value: 'Ada', fetchedAt: 7 } })
    expect(seen).toEqual([{ '1': { state: 'loading' } }, {}])
  })

  it('shares one request between concurrent loads of the same key', async () => {
    const { cache, calls } = setup()
    const a = cache.lookup('1')
    const b = cache.lookup('1')
    const c = cache.load('1')
    expect([a.source, b.source, calls.length, b.promise === a.promise, c === a.promise]).toEqual(['miss', 'in-flight', 1, true, true])
    expect(cache.status('1')).toEqual({ state: 'loading' })
    calls[0].resolve('Ada')
    expect(await Promise.all([a.promise, b.promise, c])).toEqual(['Ada', 'Ada', 'Ada'])
    expect(cache.status('1')).toEqual({ state: 'idle' })
  })

  it('lets the latest selection win: a late response fills the cache but never becomes current', async () => {
    const { cache, calls } = setup()
    const seen: unknown[] = []
    cache.current.subscribe((v) => seen.push(v))
    cache.select('1')
    cache.select('2')
    calls[1].resolve('Bob')
    await settled()
    calls[0].resolve('Ada')
    await settled()
    expect(seen).toEqual([undefined, 'Bob'])
    expect([cache.selected.getValue(), cache.get('1'), cache.get('2')]).toEqual(['2', 'Ada', 'Bob'])
    // Switching the selection does not abort the older request: its result is wanted for the cache.
    expect(calls.map((c) => c.signal.aborted)).toEqual([false, false])
    expect(cache.select('1').source).toBe('hit')
    expect(seen).toEqual([undefined, 'Bob', 'Ada'])
  })

  it('shows a re-selected key as soon as its still running request answers', async () => {
    const { cache, calls } = setup()
    const seen: unknown[] = []
    cache.current.subscribe((v) => seen.push(v))
    const sources = [cache.select('1'), cache.select('2'), cache.select('1')].map((l) => l.source)
    calls[0].resolve('Ada')
    await settled()
    calls[1].resolve('Bob')
    await settled()
    expect([sources, calls.length, seen]).toEqual([['miss', 'miss', 'in-flight'], 2, [undefined, 'Ada']])
  })

  it('leaves cache and current as they were when a request fails, and records the error for the key', async () => {
    const { cache, calls } = setup()
    cache.set('1', 'Ada')
    cache.select('1')
    const entries = cache.entries.getValue()
    const lookup = cache.lookup('2')
    const boom = new Error('HTTP 500')
    calls[0].reject(boom)
    await expect(lookup.promise).rejects.toBe(boom)
    expect([cache.entries.getValue() === entries, cache.current.getValue(), cache.status('2')]).toEqual([true, 'Ada', { state: 'error', error: boom }])
    // The next load retries.
    expect(cache.lookup('2').source).toBe('miss')
    calls[1].resolve('Bob')
    await settled()
    expect([cache.status('2'), cache.get('2')]).toEqual([{ state: 'idle' }, 'Bob'])
  })

  it('turns a synchronous throw in fetch into a failed request', async () => {
    const boom = new Error('offline')
    const cache = createCache<string, string>({
      fetch: () => {
        throw boom
      },
    })
    await expect(cache.load('1')).rejects.toBe(boom)
    expect(cache.status('1')).toEqual({ state: 'error', error: boom })
  })

  it('invalidate drops the entry and aborts a running request, whose late answer is ignored', async () => {
    const { cache, calls } = setup()
    cache.set('1', 'Ada')
    cache.invalidate('1')
    expect(cache.get('1')).toBeUndefined()
    const load = cache.load('1')
    cache.invalidate('1')
    expect(calls[0].signal.aborted).toBe(true)
    await expect(load).rejects.toMatchObject({ name: 'AbortError', message: 'users.invalidate: the request for "1" was aborted' })
    calls[0].resolve('stale Ada')
    await settled()
    expect([cache.get('1'), cache.status('1'), cache.lookup('1').source, calls.length]).toEqual([undefined, { state: 'idle' }, 'miss', 2])
  })

  it('invalidateAll empties the cache and aborts every running request', async () => {
    const { cache, calls } = setup()
    cache.set('1', 'Ada')
    const pending = [cache.load('2'), cache.load('3')]
    cache.invalidateAll()
    expect([cache.entries.getValue(), cache.statuses.getValue(), calls.map((c) => c.signal.aborted)]).toEqual([{}, {}, [true, true]])
    await expect(Promise.allSettled(pending)).resolves.toMatchObject([{ status: 'rejected' }, { status: 'rejected' }])
  })

  it('set supersedes a running request: its caller gets the fetched value, the cache keeps the written one', async () => {
    const { cache, calls } = setup()
    const load = cache.load('1')
    cache.set('1', 'Ada (edited)')
    expect(cache.status('1')).toEqual({ state: 'idle' })
    calls[0].resolve('Ada')
    expect(await load).toBe('Ada')
    expect([cache.get('1'), calls[0].signal.aborted]).toEqual(['Ada (edited)', false])
  })

  it('refetches expired entries; without staleWhileRevalidate the expired value is not served', async () => {
    let time = 0
    const { cache, calls } = setup({ ttl: 100, now: () => time })
    const seen: unknown[] = []
    cache.current.subscribe((v) => seen.push(v))
    cache.select('1')
    calls[0].resolve('Ada')
    await settled()
    time = 99
    expect(cache.lookup('1').source).toBe('hit')
    time = 100
    const lookup = cache.lookup('1')
    expect([lookup.source, calls.length]).toEqual(['miss', 2])
    calls[1].resolve('Ada v2')
    expect(await lookup.promise).toBe('Ada v2')
    expect(seen).toEqual([undefined, 'Ada', undefined, 'Ada v2'])
    expect(cache.entries.getValue()).toEqual({ '1': { value: 'Ada v2', fetchedAt: 100 } })
  })

  it('with staleWhileRevalidate serves the expired value at once and refreshes it in the background', async () => {
    let time = 0
    const { cache, calls } = setup({ ttl: 10, staleWhileRevalidate: true, now: () => time })
    const seen: unknown[] = []
    cache.current.subscribe((v) => seen.push(v))
    cache.set('1', 'Ada')
    cache.select('1')
    time = 50
    const lookups = [cache.lookup('1'), cache.lookup('1')]
    expect([lookups.map((l) => l.source), await lookups[0].promise, calls.length]).toEqual([['stale', 'stale'], 'Ada', 1])
    expect(cache.status('1')).toEqual({ state: 'loading' })
    calls[0].resolve('Ada v2')
    await settled()
    expect([seen, cache.lookup('1').source]).toEqual([[undefined, 'Ada', 'Ada v2'], 'hit'])
  })

  it('with staleWhileRevalidate, a key never cached is a miss that waits for its request', async () => {
    const { cache, calls } = setup({ ttl: 10, staleWhileRevalidate: true })
    const lookup = cache.lookup('1')
    expect([lookup.source, calls.length]).toEqual(['miss', 1])
    calls[0].resolve('Ada')
    expect(await lookup.promise).toBe('Ada')
  })

  it('accepts a ttl of 0: every lookup requests the key again', async () => {
    const { cache, calls } = setup({ ttl: 0, now: () => 5 })
    cache.set('1', 'Ada')
    expect([cache.lookup('1').source, calls.length]).toEqual(['miss', 1])
  })

  it('keeps the stale entry when a background refresh fails', async () => {
    let time = 0
    const { cache, calls } = setup({ ttl: 10, staleWhileRevalidate: true, now: () => time })
    cache.set('1', 'Ada')
    time = 50
    cache.load('1')
    const boom = new Error('HTTP 503')
    calls[0].reject(boom)
    await settled()
    expect([cache.get('1'), cache.status('1')]).toEqual(['Ada', { state: 'error', error: boom }])
  })

  it('without staleWhileRevalidate, a failed refresh of an expired entry puts the entry back (the value, its age, the selection)', async () => {
    let time = 0
    const { cache, calls } = setup({ ttl: 10, now: () => time })
    const seen: unknown[] = []
    cache.current.subscribe((v) => seen.push(v))
    cache.set('1', 'Ada')
    cache.select('1')
    time = 50
    const refresh = cache.load('1')
    expect(cache.get('1')).toBeUndefined()
    const boom = new Error('HTTP 503')
    calls[0].reject(boom)
    await expect(refresh).rejects.toBe(boom)
    expect([cache.get('1'), cache.status('1'), cache.entries.getValue()]).toEqual(['Ada', { state: 'error', error: boom }, { '1': { value: 'Ada', fetchedAt: 0 } }])
    expect(seen).toEqual([undefined, 'Ada', undefined, 'Ada'])
    // Still expired: the next lookup requests it again.
    expect(cache.lookup('1').source).toBe('miss')
  })

  it('a failed refresh does not put an expired entry back over a value written to the entries meanwhile', async () => {
    let time = 0
    const { cache, calls } = setup({ ttl: 10, now: () => time })
    cache.set('1', 'Ada')
    time = 50
    const refresh = cache.load('1')
    // Written to the entries store itself (as a transaction might): the request is not superseded.
    cache.entries.update((all) => ({ ...all, '1': { value: 'Grace', fetchedAt: 50 } }))
    calls[0].reject(new Error('HTTP 503'))
    await expect(refresh).rejects.toThrow('HTTP 503')
    expect(cache.entries.getValue()).toEqual({ '1': { value: 'Grace', fetchedAt: 50 } })
  })

  it('refuses a load made by an abort listener while disposing, so no request outlives the cache', async () => {
    let retried: unknown
    let fetches = 0
    const cache = createCache<string, string>({
      name: 'users',
      fetch: (id, { signal }) => {
        fetches++
        return new Promise((_, reject) =>
          signal.addEventListener('abort', () => {
            try {
              cache.load(`${id}-again`).catch(() => {})
            } catch (error) {
              retried = error
            }
            reject(signal.reason)
          }),
        )
      },
    })
    const load = cache.load('1')
    cache.dispose()
    await expect(load).rejects.toMatchObject({ name: 'AbortError' })
    expect(retried).toEqual(new Error('users.load: the cache was disposed; create a new one'))
    expect(fetches).toBe(1)
  })

  it('dispose aborts running requests and refuses later calls, naming the method', async () => {
    const { cache, calls } = setup()
    const load = cache.load('1')
    cache.dispose()
    expect(calls[0].signal.aborted).toBe(true)
    await expect(load).rejects.toMatchObject({ name: 'AbortError', message: 'users.dispose: the request for "1" was aborted' })
    expect(() => cache.load('2')).toThrow('users.load: the cache was disposed; create a new one')
    expect(() => cache.set('2', 'x')).toThrow('users.set: the cache was disposed')
    cache.dispose()
  })

  it('rolls back cache entries together with list and detail in a transaction, keeping a concurrent response', async () => {
    const { cache, calls } = setup({ now: () => 1 })
    cache.set('1', 'Ada')
    const list = createStore(['Ada', 'Bob'])
    const detail = createStore('Ada')
    const seen: unknown[] = []
    cache.entries.listen((e) => seen.push(e))
    const failed = transaction([list, detail, cache.entries], async (list, detail, _entries) => {
      list.setValue(['Ada Lovelace', 'Bob'])
      detail.setValue('Ada Lovelace')
      cache.set('1', 'Ada Lovelace')
      // Someone else's request lands while this transaction waits.
      cache.load('2')
      calls[0].resolve('Bob')
      await settled()
      throw new Error('save failed')
    })
    await expect(failed).rejects.toThrow('save failed')
    expect([list.getValue(), detail.getValue(), cache.get('1'), cache.get('2')]).toEqual([['Ada', 'Bob'], 'Ada', 'Ada', 'Bob'])
    expect(seen).toEqual([
      { '1': { value: 'Ada Lovelace', fetchedAt: 1 } },
      { '1': { value: 'Ada Lovelace', fetchedAt: 1 }, '2': { value: 'Bob', fetchedAt: 1 } },
      { '1': { value: 'Ada', fetchedAt: 1 }, '2': { value: 'Bob', fetchedAt: 1 } },
    ])
  })

  it('changes no store when invalidating a key it does not hold, nor the statuses when setting a key with no request', () => {
    const { cache } = setup()
    cache.set('1', 'Ada')
    const seen: unknown[] = []
    cache.entries.listen((e) => seen.push(e))
    cache.statuses.listen((s) => seen.push(s))
    cache.invalidate('2')
    cache.set('1', 'Ada')
    expect(seen).toEqual([{ '1': { value: 'Ada', fetchedAt: expect.any(Number) } }])
  })

  it('invalidating one key leaves the superseded requests of other keys running', async () => {
    const { cache, calls } = setup()
    const first = cache.load('1')
    const second = cache.load('2')
    cache.set('1', 'Ada (edited)')
    cache.set('2', 'Bob (edited)')
    cache.invalidate('1')
    expect([calls[0].signal.aborted, calls[1].signal.aborted]).toEqual([true, false])
    calls[1].resolve('Bob')
    expect(await second).toBe('Bob')
    await expect(first).rejects.toMatchObject({ name: 'AbortError', message: 'users.invalidate: the request for "1" was aborted' })
  })

  it('shows no value as current while nothing is selected, whatever the keys cached', () => {
    const { cache } = setup()
    cache.set('undefined', 'odd')
    expect(cache.current.getValue()).toBeUndefined()
    cache.select('undefined')
    expect(cache.current.getValue()).toBe('odd')
    cache.deselect()
    expect(cache.current.getValue()).toBeUndefined()
  })

  it('names its stores after the cache, and an unnamed cache cache<n>', () => {
    const { cache } = setup()
    expect([cache.entries.name, cache.statuses.name, cache.selected.name, cache.current.name]).toEqual([
      'users.entries',
      'users.statuses',
      'users.selected',
      'users.current',
    ])
    expect(createCache({ fetch: () => 1 }).name).toMatch(/^cache[1-9]\d*$/)
  })

  it('names the method in every error and abort reason', async () => {
    const { cache, calls } = setup()
    expect(() => cache.get(1 as never)).toThrow('users.get: expected a string key, got 1')
    expect(() => cache.status(1 as never)).toThrow('users.status: expected a string key, got 1')
    expect(() => cache.lookup(1 as never)).toThrow('users.lookup: expected a string key, got 1')
    expect(() => cache.select(1 as never)).toThrow('users.select: expected a string key, got 1')
    const load = cache.load('1')
    cache.invalidateAll()
    await expect(load).rejects.toMatchObject({ name: 'AbortError', message: 'users.invalidateAll: the request for "1" was aborted' })
    expect(calls[0].signal.reason).toMatchObject({ name: 'AbortError', message: 'users.invalidateAll: the request for "1" was aborted' })
    cache.dispose()
    expect(() => cache.deselect()).toThrow('users.deselect: the cache was disposed; create a new one')
    expect(() => cache.invalidateAll()).toThrow('users.invalidateAll: the cache was disposed; create a new one')
  })

  it('treats keys like "__proto__" as ordinary keys', async () => {
    const { cache, calls } = setup()
    expect(cache.get('__proto__')).toBeUndefined()
    expect(cache.lookup('__proto__').source).toBe('miss')
    calls[0].resolve('odd')
    await settled()
    expect([cache.get('__proto__'), Object.getPrototypeOf(cache.entries.getValue())]).toEqual(['odd', Object.prototype])
  })

  it('rejects bad input with errors that name the function', () => {
    expect(() => createCache(undefined as never)).toThrow('createCache: missing the options object with a `fetch` function')
    expect(() => createCache({ fetch: 1 } as never)).toThrow('createCache: options.fetch must be a function, got 1')
    expect(() => createCache({ fetch: () => 1, ttl: -1 })).toThrow('createCache: options.ttl must be a number of milliseconds ≥ 0 (or Infinity), got -1')
    expect(() => createCache({ fetch: () => 1, ttl: '10' as never })).toThrow('createCache: options.ttl must be a number of milliseconds ≥ 0 (or Infinity), got "10"')
    expect(() => createCache({ fetch: () => 1, now: 'x' } as never)).toThrow('createCache: options.now must be a function, got "x"')
    const { cache } = setup()
    expect(() => cache.load(42 as never)).toThrow('users.load: expected a string key, got 42')
    expect(() => cache.select(undefined as never)).toThrow('users.select: expected a string key, got undefined')
  })

  it('randomised: current always belongs to the latest selection, one request per key in flight', async () => {
    const keys = ['a', 'b', 'c']
    const command = fc.oneof(
      fc.record({ kind: fc.constant('select' as const), key: fc.constantFrom(...keys) }),
      fc.record({ kind: fc.constant('load' as const), key: fc.constantFrom(...keys) }),
      fc.record({ kind: fc.constant('invalidate' as const), key: fc.constantFrom(...keys) }),
      fc.record({ kind: fc.constant('settle' as const), pick: fc.nat(), ok: fc.boolean() }),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(command, { maxLength: 40 }), fc.array(fc.nat(), { minLength: 40, maxLength: 40 }), async (commands, order) => {
        let n = 0
        const pending: Array<Call & { n: number }> = []
        const cache = createCache<string, string>({
          fetch: (key, { signal }) => new Promise<string>((resolve, reject) => pending.push({ key, signal, resolve, reject, n: ++n })),
        })
        const wrong: unknown[] = []
        cache.current.subscribe((v) => {
          if (v !== undefined && !v.startsWith(`${cache.selected.getValue()}@`)) wrong.push(v)
        })
        const settle = async (pick: number, ok: boolean) => {
          const [call] = pending.splice(pick % pending.length, 1)
          if (ok) call.resolve(`${call.key}@${call.n}`)
          else call.reject(new Error(`fail ${call.key}`))
          await settled()
        }
        const check = () => {
          const live = pending.filter((c) => !c.signal.aborted).map((c) => c.key)
          expect(new Set(live).size).toBe(live.length)
          for (const [key, entry] of Object.entries(cache.entries.getValue())) expect(entry!.value.startsWith(`${key}@`)).toBe(true)
        }
        for (const c of commands) {
          if (c.kind === 'select') cache.select(c.key)
          else if (c.kind === 'load') cache.load(c.key).catch(() => {})
          else if (c.kind === 'invalidate') cache.invalidate(c.key)
          else if (pending.length > 0) await settle(c.pick, c.ok)
          check()
        }
        for (let i = 0; pending.length > 0; i++) await settle(order[i % order.length], true)
        const selected = cache.selected.getValue()
        const current = cache.current.getValue()
        if (selected !== undefined && cache.get(selected) !== undefined) expect(current).toBe(cache.get(selected))
        else expect(current).toBeUndefined()
        if (selected !== undefined && cache.get(selected) === undefined) {
          // Once settled, only a failed request or an invalidate leaves the selection without a value.
          const explained = cache.status(selected).state === 'error' || commands.some((c) => c.kind === 'invalidate' && c.key === selected)
          expect(explained).toBe(true)
        }
        expect(wrong).toEqual([])
      }),
      { numRuns: 250 },
    )
  })
})
