import { batch } from '../stores/batch'
import { createComputedStore, type ComputedStore } from '../stores/computed'
import { argumentError, assertFunction, assertOptions, describe, stateError } from '../shared/errors'
import { createStore, storeOptions, type ReadableStore, type Store } from '../stores/store'

/** A cached value and the time (from `options.now`) it was fetched or set. */
export interface CacheEntry<V> {
  readonly value: V
  readonly fetchedAt: number
}

/** Every cached entry by key, as the cache's `entries` store holds them. */
export type CacheEntries<K extends string, V> = Readonly<Partial<Record<K, CacheEntry<V>>>>

/** Per-key request state; keys with no record are `idle`. */
export interface CacheKeyStatus {
  readonly state: 'idle' | 'loading' | 'error'
  readonly error?: unknown
}

/**
 * How a lookup was answered: `hit` (fresh entry, no request), `stale` (expired entry served at once,
 * refreshed in the background), `miss` (a new request), `in-flight` (joined a running request).
 */
export type CacheSource = 'hit' | 'stale' | 'miss' | 'in-flight'

/** What a cache lookup returns: the key, how it was answered and a promise of the value. */
export interface CacheLookup<K extends string, V> {
  readonly key: K
  readonly source: CacheSource
  /** Resolves with the value; rejects when the request fails or is aborted. Ignoring it is safe. */
  readonly promise: Promise<V>
}

/** Options of `createCache`: how to fetch a key, how long entries stay fresh, and the clock. */
export interface CacheOptions<K extends string, V> {
  /** Loads one key. `signal` aborts on `invalidate` of that key, `invalidateAll` and `dispose`. */
  fetch: (key: K, context: { readonly signal: AbortSignal }) => Promise<V> | V
  /** Milliseconds an entry stays fresh; `Infinity` (default) means forever. */
  ttl?: number | undefined
  /** Serve an expired entry at once and refresh it in the background, instead of waiting. */
  staleWhileRevalidate?: boolean | undefined
  /** Clock used for `fetchedAt` and `ttl`; `Date.now` by default. */
  now?: (() => number) | undefined
  name?: string | undefined
}

/** A keyed cache over stores: lookups share in-flight requests, the latest selection wins, failures change nothing. */
export interface Cache<K extends string, V> {
  readonly name: string
  /** Every cached entry by key; an ordinary store, so it can take part in a `transaction`. */
  readonly entries: Store<CacheEntries<K, V>>
  /** Request state per key (only keys that are loading or failed have a record). */
  readonly statuses: ReadableStore<Readonly<Partial<Record<K, CacheKeyStatus>>>>
  /** The selected key, set by `select`. */
  readonly selected: ReadableStore<K | undefined>
  /** The cached value of the selected key, or `undefined` while it is not cached: never another key's value. */
  readonly current: ComputedStore<V | undefined>
  /** The cached value of `key`, fresh or not, without requesting anything. */
  get(key: K): V | undefined
  status(key: K): CacheKeyStatus
  /** Answer `key` from the cache or start (or join) a request, and say which it was. */
  lookup(key: K): CacheLookup<K, V>
  /** `lookup(key).promise`. */
  load(key: K): Promise<V>
  /** Make `key` the selection (so `current` follows it) and look it up. */
  select(key: K): CacheLookup<K, V>
  deselect(): void
  /** Write an entry now; a request for `key` still running is superseded and will not overwrite it. */
  set(key: K, value: V): void
  /** Drop the entry and abort a running request for `key`. */
  invalidate(key: K): void
  invalidateAll(): void
  /** Abort every running request; later calls throw. */
  dispose(): void
}

interface Request<V> {
  readonly key: string
  readonly promise: Promise<V>
  /** Abort the fetch and reject the callers' promise with `reason`. */
  readonly cancel: (reason: Error) => void
}

const IDLE: CacheKeyStatus = Object.freeze({ state: 'idle' })
let count = 0

function own<T>(record: Readonly<Partial<Record<string, T>>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined
}

function without<T extends object>(record: T, key: string): T {
  if (!Object.hasOwn(record, key)) return record
  const { [key]: dropped, ...rest } = record as Record<string, unknown>
  return rest as T
}

/**
 * A keyed cache with a selection, built on stores: hits are served without a request, concurrent loads
 * of one key share a request, and `current` only ever shows the selected key's value (latest wins).
 * Switching the selection does not abort a running request: its response still fills the cache.
 * @example const users = createCache({ fetch: (id: string, { signal }) => api.getUser(id, { signal }) })
 */
export function createCache<K extends string, V>(options: CacheOptions<K, V>): Cache<K, V> {
  const fn = 'createCache'
  if (options === undefined) throw argumentError(fn, 'missing the options object with a `fetch` function')
  assertOptions(fn, options)
  assertFunction(fn, 'options.fetch', options.fetch)
  const { ttl = Infinity, now = Date.now } = options
  // NaN fails the comparison too.
  if (typeof ttl !== 'number' || !(ttl >= 0)) {
    throw argumentError(fn, `options.ttl must be a number of milliseconds ≥ 0 (or Infinity), got ${describe(ttl)}`)
  }
  assertFunction(fn, 'options.now', now)
  // The same name check as a store's.
  const name = storeOptions(fn, { name: options.name }).name ?? `cache${++count}`
  const swr = options.staleWhileRevalidate === true
  const load = options.fetch

  const entries = createStore<CacheEntries<K, V>>(`${name}.entries`, {} as CacheEntries<K, V>)
  const statuses = createStore<Readonly<Partial<Record<K, CacheKeyStatus>>>>(`${name}.statuses`, {} as Partial<Record<K, CacheKeyStatus>>)
  const selected = createStore<K | undefined>(`${name}.selected`, undefined)
  const current = createComputedStore([entries, selected], (all, key) => (key === undefined ? undefined : own(all, key)?.value), {
    name: `${name}.current`,
  })
  const inflight = new Map<K, Request<V>>()
  // Requests that `set` took the key away from: their callers still wait, and invalidate/dispose must reach them.
  const detached = new Set<Request<V>>()
  let disposed = false

  const alive = (method: string): void => {
    if (disposed) throw stateError(`${name}.${method}`, 'the cache was disposed; create a new one')
  }

  const check = (method: string, key: unknown): void => {
    alive(method)
    if (typeof key !== 'string') throw argumentError(`${name}.${method}`, `expected a string key, got ${describe(key)}`)
  }

  const setStatus = (key: K, status: CacheKeyStatus): void => {
    statuses.update((all) => (status === IDLE ? without(all, key) : { ...all, [key]: status }))
  }

  /** Store a value for `key` and clear its request state. */
  const write = (key: K, value: V): void => {
    // An updater, not a value: a transaction rolling back around this write replays it and keeps it.
    const entry: CacheEntry<V> = { value, fetchedAt: now() }
    entries.update((all) => ({ ...all, [key]: entry }))
    setStatus(key, IDLE)
  }

  /** Abort every request for `key`, detached ones included, with one AbortError naming `method`. */
  const abort = (key: K, method: string): void => {
    const reason = new Error(`${name}.${method}: the request for ${describe(key)} was aborted`)
    reason.name = 'AbortError'
    for (const request of detached) {
      if (request.key !== key) continue
      detached.delete(request)
      request.cancel(reason)
    }
    const request = inflight.get(key)
    if (!request) return
    inflight.delete(key)
    request.cancel(reason)
    setStatus(key, IDLE)
  }

  const abortAll = (method: string): void => {
    for (const key of new Set([...inflight.values(), ...detached].map((request) => request.key as K))) abort(key, method)
  }

  /** `expired`: the entry a lookup dropped to request `key` again, put back if the request fails. */
  const start = (key: K, expired?: CacheEntry<V>): Request<V> => {
    const controller = new AbortController()
    let resolve!: (value: V) => void
    let reject!: (reason: unknown) => void
    const promise = new Promise<V>((res, rej) => {
      resolve = res
      reject = rej
    })
    // Callers may ignore the promise (e.g. a view's `select`); failures are in `statuses` anyway.
    promise.catch(() => {})
    const request: Request<V> = {
      key,
      promise,
      cancel(reason) {
        controller.abort(reason)
        reject(reason)
      },
    }
    inflight.set(key, request)
    setStatus(key, { state: 'loading' })
    // `ok` left out: a failure, so `settle` is the rejection handler as it is.
    const settle = (result: any, ok?: boolean): void => {
      // Stryker disable next-line ConditionalExpression: `abort` already took an aborted request out of `inflight` and `detached` and rejected its promise, so settling it changes nothing
      if (controller.signal.aborted) return
      detached.delete(request)
      // Superseded by `set` (or a newer request): the caller still gets the outcome, the cache does not.
      if (inflight.get(key) === request) {
        inflight.delete(key)
        batch(() => {
          if (ok) return write(key, result)
          setStatus(key, { state: 'error', error: result })
          // A failed refresh loses nothing: the expired entry comes back, unless the key got a value meanwhile.
          if (expired && own(entries.getValue(), key) === undefined) entries.update((all) => ({ ...all, [key]: expired }))
        })
      }
      ;(ok ? resolve : reject)(result)
    }
    // The executor runs `fetch` synchronously and turns a synchronous throw into a rejection.
    new Promise<V>((res) => res(load(key, { signal: controller.signal }))).then((value) => settle(value, true), settle)
    return request
  }

  const lookup = (key: K, method: string): CacheLookup<K, V> => {
    check(method, key)
    const entry = own(entries.getValue(), key)
    const running = inflight.get(key)
    if (entry !== undefined && now() - entry.fetchedAt < ttl) return { key, source: 'hit', promise: Promise.resolve(entry.value) }
    if (entry !== undefined && swr) {
      if (!running) start(key)
      return { key, source: 'stale', promise: Promise.resolve(entry.value) }
    }
    if (running) return { key, source: 'in-flight', promise: running.promise }
    // Without stale-while-revalidate an expired entry counts as absent.
    // Stryker disable next-line ConditionalExpression: `without` returns the record itself when the key is absent, and writing the same record changes nothing
    if (entry !== undefined) entries.update((all) => without(all, key))
    return { key, source: 'miss', promise: start(key, entry).promise }
  }

  return {
    name,
    entries,
    statuses,
    selected,
    current,
    get(key) {
      check('get', key)
      return own(entries.getValue(), key)?.value
    },
    status(key) {
      check('status', key)
      return own(statuses.getValue(), key) ?? IDLE
    },
    lookup: (key) => batch(() => lookup(key, 'lookup')),
    load: (key) => batch(() => lookup(key, 'load')).promise,
    select(key) {
      check('select', key)
      return batch(() => {
        selected.setValue(key)
        // Stryker disable next-line StringLiteral: `select` checked the cache and the key above, in this batch (no listener runs in between), so the check in `lookup` cannot throw
        return lookup(key, 'select')
      })
    },
    deselect() {
      alive('deselect')
      selected.setValue(undefined)
    },
    set(key, value) {
      check('set', key)
      batch(() => {
        const running = inflight.get(key)
        if (running) {
          inflight.delete(key)
          detached.add(running)
        }
        write(key, value)
      })
    },
    invalidate(key) {
      check('invalidate', key)
      batch(() => {
        abort(key, 'invalidate')
        entries.update((all) => without(all, key))
      })
    },
    invalidateAll() {
      alive('invalidateAll')
      batch(() => {
        abortAll('invalidateAll')
        entries.setValue({} as CacheEntries<K, V>)
      })
    },
    dispose() {
      // Stryker disable next-line ConditionalExpression: a second dispose finds nothing to abort (the first aborted every request, and calls since cannot start one)
      if (disposed) return
      // Refuse calls first: an abort listener that loads again must not start a request nobody will abort.
      disposed = true
      batch(() => abortAll('dispose'))
    },
  }
}
