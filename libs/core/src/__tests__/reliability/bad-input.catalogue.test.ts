import { writeFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { isCoded, partOfMessage, sameMessage } from '../production-messages'
import {
  ActionRegister,
  batch,
  compensate,
  createCache,
  createComputedStore,
  createStore,
  deepEqual,
  fromReadable,
  isStore,
  shallowEqual,
  transaction,
  type PipelineController,
} from '../../index'

// One row per bad (or borderline) call to a public function. Every row runs against a fresh fixture and then
// checks that nothing changed: the sentinel store keeps its value (same reference), no listener was told,
// no handler ran (unless the row is about a handler), and Object.prototype was not polluted.

type Actions = { save: { id: string }; other: void }
interface Fixture {
  store: ReturnType<typeof createStore<{ n: number }>>
  computed: ReturnType<typeof createComputedStore<readonly [ReturnType<typeof createStore<{ n: number }>>], number>>
  actions: ActionRegister<Actions>
  strict: ActionRegister<Actions>
  cache: ReturnType<typeof createCache<string, string>>
  runs: string[]
  notified: unknown[]
  /** Register a handler that calls `body` with its controller (for controller rows). */
  withController: (body: (c: PipelineController<any, any>) => void) => void
}

function fixture(): Fixture {
  const store = createStore('sentinel', { n: 1 })
  const computed = createComputedStore([store], (s) => s.n * 2, { name: 'double' })
  const runs: string[] = []
  const notified: unknown[] = []
  store.listen((v) => notified.push(v))
  computed.listen((v) => notified.push(v))
  const actions = new ActionRegister<Actions>({ name: 'app' })
  const strict = new ActionRegister<Actions>({ name: 'strictApp', registry: { strict: true } })
  actions.register('save', () => void runs.push('save'), { id: 'saver' })
  const cache = createCache<string, string>({ name: 'users', fetch: async (k) => `user ${k}` })
  return {
    store,
    computed,
    actions,
    strict,
    cache,
    runs,
    notified,
    withController: (body) => {
      actions.register('other', (_, c) => body(c), { id: 'probe' })
    },
  }
}

interface Row {
  fn: string
  input: string
  call: (f: Fixture) => unknown
  /** `throws`/`rejects`: message fragment naming the function and the problem. `works`: checks the result. */
  expect: { throws: string } | { rejects: string } | { works: (result: unknown, f: Fixture) => void | Promise<void> }
  /** Handlers that are expected to run (controller rows run the probing handler). */
  ran?: string[]
  /** Store values are legal anything: rows that write on purpose say so. */
  writes?: boolean
}

const cyclic = (): Record<string, unknown> => {
  const o: Record<string, unknown> = { name: 'loop' }
  o.self = o
  return o
}
const polluting = () => JSON.parse('{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}, "id": "x"}')

const rows: Row[] = [
  // createStore
  { fn: 'createStore', input: 'no arguments', call: () => (createStore as (...a: unknown[]) => unknown)(), expect: { throws: 'createStore: missing the initial value' } },
  { fn: 'createStore', input: 'options = 5', call: () => createStore(1, 5 as never), expect: { throws: 'createStore: options must be an object, got 5' } },
  { fn: 'createStore', input: 'options.equals = 1', call: () => createStore(1, { equals: 1 as never }), expect: { throws: 'createStore: options.equals must be a function, got 1' } },
  { fn: 'createStore', input: 'options.name = 5', call: () => createStore(1, { name: 5 as never }), expect: { throws: 'createStore: options.name must be a string, got 5' } },
  { fn: 'createStore', input: "name = ''", call: () => createStore('', 1), expect: { throws: 'createStore: the name must not be empty' } },
  { fn: 'createStore', input: 'frozen initial value', call: () => createStore(Object.freeze({ a: Object.freeze([1]) })), expect: { works: (s) => expect((s as { getValue(): unknown }).getValue()).toEqual({ a: [1] }) } },
  { fn: 'createStore', input: 'cyclic initial value, deepEqual', call: () => createStore(cyclic(), { equals: deepEqual }), expect: { works: (s) => expect((s as { getValue(): { self: unknown } }).getValue().self).toBeDefined() } },
  // store methods
  { fn: 'store.subscribe', input: 'run = 5', call: (f) => f.store.subscribe(5 as never), expect: { throws: 'sentinel.subscribe: expected a function, got 5' } },
  { fn: 'store.subscribe', input: 'invalidate = 5', call: (f) => f.store.subscribe(() => {}, 5 as never), expect: { throws: 'sentinel.subscribe: invalidate must be a function, got 5' } },
  { fn: 'store.listen', input: 'listener = null', call: (f) => f.store.listen(null as never), expect: { throws: 'sentinel.listen: expected a function, got null' } },
  { fn: 'store.update', input: "updater = 'x'", call: (f) => f.store.update('x' as never), expect: { throws: 'sentinel.update: expected an updater function, got "x"' } },
  { fn: 'store.update', input: 'updater that throws', call: (f) => f.store.update(() => { throw new Error('updater failed') }), expect: { throws: 'updater failed' } },
  {
    fn: 'store.setValue',
    input: 'NaN, then NaN again (Object.is: no second notification)',
    writes: true,
    call: () => {
      const s = createStore(0)
      const seen: number[] = []
      s.listen((v) => seen.push(v))
      s.setValue(NaN)
      s.setValue(NaN)
      return seen
    },
    expect: { works: (seen) => expect(seen).toEqual([NaN]) },
  },
  {
    fn: 'store.setValue',
    input: 'frozen and cyclic values',
    writes: true,
    call: () => {
      const s = createStore<unknown>(null, { equals: deepEqual })
      const seen: unknown[] = []
      s.listen((v) => seen.push(v))
      s.setValue(Object.freeze({ list: Object.freeze([1, 2]) }))
      const loop = cyclic()
      s.setValue(loop)
      s.setValue(cyclic()) // deep-equal to the previous one: no notification
      return seen.length
    },
    expect: { works: (n) => expect(n).toBe(2) },
  },
  {
    fn: 'store.update',
    input: '__proto__ / constructor keys merged into the value',
    writes: true,
    call: () => {
      const s = createStore<Record<string, unknown>>({})
      s.update((v) => ({ ...v, ...polluting() }))
      return s.getValue()
    },
    expect: { works: (v) => expect(Object.keys(v as object).sort()).toEqual(['__proto__', 'constructor', 'id']) },
  },
  // computed stores
  { fn: 'computed.setValue', input: 'any value', call: (f) => (f.computed.setValue as (v: unknown) => void)(3), expect: { throws: 'double.setValue: computed stores are read-only; write to their input stores instead' } },
  { fn: 'computed.set', input: 'any value', call: (f) => (f.computed.set as (v: unknown) => void)(3), expect: { throws: 'double.setValue: computed stores are read-only' } },
  { fn: 'computed.update', input: 'an updater', call: (f) => (f.computed.update as (v: unknown) => void)((n: number) => n + 1), expect: { throws: 'double.setValue: computed stores are read-only' } },
  { fn: 'createComputedStore', input: 'a store instead of an array', call: (f) => createComputedStore(f.store as never, () => 1), expect: { throws: 'createComputedStore: expected an array of stores, got an object; wrap a single store in an array: [store]' } },
  { fn: 'createComputedStore', input: 'stores = [1]', call: () => createComputedStore([1] as never, () => 1), expect: { throws: 'createComputedStore: stores[0] is not a store, got 1' } },
  { fn: 'createComputedStore', input: 'compute = 5', call: (f) => createComputedStore([f.store], 5 as never), expect: { throws: 'createComputedStore: compute must be a function, got 5' } },
  { fn: 'createComputedStore', input: 'options.equals = "x"', call: (f) => createComputedStore([f.store], () => 1, { equals: 'x' as never }), expect: { throws: 'createComputedStore: options.equals must be a function, got "x"' } },
  {
    fn: 'createComputedStore',
    input: 'compute reads the store itself (cycle)',
    call: (f) => {
      const self: { c?: { getValue(): number } } = {}
      self.c = createComputedStore([f.store], () => self.c!.getValue() + 1, { name: 'loop' })
      return self.c.getValue()
    },
    expect: { throws: 'createComputedStore: cycle detected: computed store "loop" reads itself while computing' },
  },
  { fn: 'createComputedStore', input: 'empty array', call: () => createComputedStore([], () => 42).getValue(), expect: { works: (v) => expect(v).toBe(42) } },
  // batch and transaction
  { fn: 'batch', input: 'fn = 3', call: () => batch(3 as never), expect: { throws: 'batch: the argument must be a function, got 3' } },
  { fn: 'batch', input: 'missing argument', call: () => (batch as (...a: unknown[]) => unknown)(), expect: { throws: 'batch: the argument must be a function, got undefined' } },
  {
    fn: 'batch',
    input: 'fn writes then throws',
    call: (f) =>
      batch(() => {
        f.store.setValue({ n: 99 })
        throw new Error('halfway')
      }),
    expect: { throws: 'halfway' },
  },
  { fn: 'transaction', input: 'a store instead of an array', call: (f) => transaction(f.store as never, () => {}), expect: { throws: 'transaction: expected an array of stores, got an object; wrap a single store in an array: [store]' } },
  { fn: 'transaction', input: "stores = ['x']", call: () => transaction(['x'] as never, () => {}), expect: { throws: 'transaction: stores[0] is not a store, got "x"' } },
  { fn: 'transaction', input: 'a computed store listed', call: (f) => transaction([f.computed] as never, () => {}), expect: { throws: 'transaction: stores[0] ("double") is read-only (a computed store, or a store of another library); list the stores it comes from' } },
  { fn: 'transaction', input: 'options.timeout = NaN', call: (f) => transaction([f.store], () => {}, { timeout: NaN }), expect: { throws: 'transaction: options.timeout must be a finite number of milliseconds ≥ 0, got NaN' } },
  { fn: 'transaction', input: 'options.signal = "x"', call: (f) => transaction([f.store], () => {}, { signal: 'x' as never }), expect: { throws: 'transaction: options.signal must be an AbortSignal, got "x"' } },
  { fn: 'fromReadable', input: 'source = {}', call: () => fromReadable({} as never), expect: { throws: 'fromReadable: expected a store (an object with a subscribe method), got an object' } },
  { fn: 'transaction', input: 'missing body', call: (f) => (transaction as (...a: unknown[]) => unknown)([f.store]), expect: { throws: 'transaction: body must be a function, got undefined' } },
  {
    fn: 'transaction',
    input: 'a view used after the transaction ended',
    call: (f) => {
      let view: { setValue(v: { n: number }): void } | undefined
      transaction([f.store], (v) => void (view = v))
      view!.setValue({ n: 5 })
    },
    expect: { throws: 'sentinel.setValue: this store view belongs to a transaction that has ended; write to the store itself' },
  },
  { fn: 'compensate', input: 'body = null', call: () => compensate(null as never), expect: { rejects: 'compensate: body must be a function, got null' } },
  { fn: 'compensate step', input: 'run = 1', call: () => compensate((step) => step(1 as never)), expect: { rejects: 'compensate step: run must be a function, got 1' } },
  // equality helpers and isStore
  { fn: 'deepEqual', input: 'two equal cyclic values', call: () => deepEqual(cyclic(), cyclic()), expect: { works: (v) => expect(v).toBe(true) } },
  { fn: 'shallowEqual', input: 'NaN, NaN', call: () => shallowEqual(NaN, NaN), expect: { works: (v) => expect(v).toBe(true) } },
  { fn: 'isStore', input: 'undefined, {}, a look-alike', call: () => [isStore(undefined), isStore({}), isStore({ getValue: () => 1, subscribe: () => () => {} })], expect: { works: (v) => expect(v).toEqual([false, false, false]) } },
  // createCache
  { fn: 'createCache', input: 'no options', call: () => (createCache as (...a: unknown[]) => unknown)(), expect: { throws: 'createCache: missing the options object with a `fetch` function' } },
  { fn: 'createCache', input: 'fetch = 1', call: () => createCache({ fetch: 1 as never }), expect: { throws: 'createCache: options.fetch must be a function, got 1' } },
  { fn: 'createCache', input: 'ttl = NaN', call: () => createCache({ fetch: () => 1, ttl: NaN }), expect: { throws: 'createCache: options.ttl must be a number of milliseconds ≥ 0 (or Infinity), got NaN' } },
  { fn: 'createCache', input: 'ttl = -1', call: () => createCache({ fetch: () => 1, ttl: -1 }), expect: { throws: 'createCache: options.ttl must be a number of milliseconds ≥ 0 (or Infinity), got -1' } },
  { fn: 'createCache', input: 'ttl = 1e308 (huge)', call: () => createCache({ fetch: () => 1, ttl: 1e308 }).name, expect: { works: (name) => expect(typeof name).toBe('string') } },
  { fn: 'cache.load', input: 'key = 42', call: (f) => f.cache.load(42 as never), expect: { throws: 'users.load: expected a string key, got 42' } },
  { fn: 'cache.select', input: 'key = undefined', call: (f) => f.cache.select(undefined as never), expect: { throws: 'users.select: expected a string key, got undefined' } },
  { fn: 'cache.set', input: 'key = {}', call: (f) => f.cache.set({} as never, 'x'), expect: { throws: 'users.set: expected a string key, got an object' } },
  { fn: 'cache.invalidate', input: 'key = null', call: (f) => f.cache.invalidate(null as never), expect: { throws: 'users.invalidate: expected a string key, got null' } },
  {
    fn: 'cache.load',
    input: 'after dispose()',
    call: (f) => {
      f.cache.dispose()
      return f.cache.load('1')
    },
    expect: { throws: 'users.load: the cache was disposed; create a new one' },
  },
  {
    fn: 'cache.set / cache.get',
    input: "keys '__proto__' and 'constructor'",
    call: (f) => {
      const before = f.cache.get('constructor')
      f.cache.set('__proto__', 'proto user')
      return [before, f.cache.get('__proto__'), f.cache.get('constructor'), Object.getPrototypeOf(f.cache.entries.getValue()) === Object.prototype]
    },
    expect: { works: (v) => expect(v).toEqual([undefined, 'proto user', undefined, true]) },
  },
  // ActionRegister: construction
  { fn: 'new ActionRegister', input: 'config = 5', call: () => new ActionRegister(5 as never), expect: { throws: 'new ActionRegister: config must be an object, got 5' } },
  { fn: 'new ActionRegister', input: 'unknown key', call: () => new ActionRegister({ nmae: 'x' } as never), expect: { throws: 'new ActionRegister: unknown config key "nmae"; supported keys are name, registry' } },
  { fn: 'new ActionRegister', input: 'maxHandlers = NaN', call: () => new ActionRegister({ registry: { maxHandlers: NaN } }), expect: { throws: 'new ActionRegister: registry.maxHandlers must be an integer ≥ 1, got NaN' } },
  { fn: 'new ActionRegister', input: 'maxHandlers = -1', call: () => new ActionRegister({ registry: { maxHandlers: -1 } }), expect: { throws: 'registry.maxHandlers must be an integer ≥ 1, got -1' } },
  { fn: 'new ActionRegister', input: "defaultExecutionMode = 'fast'", call: () => new ActionRegister({ registry: { defaultExecutionMode: 'fast' as never } }), expect: { throws: 'new ActionRegister: registry.defaultExecutionMode must be one of "sequential", "parallel", "race", got "fast"' } },
  { fn: 'new ActionRegister', input: "strict = 'yes'", call: () => new ActionRegister({ registry: { strict: 'yes' as never } }), expect: { throws: 'new ActionRegister: registry.strict must be a boolean, got "yes"' } },
  // ActionRegister.register
  { fn: 'ActionRegister.register', input: 'action = 5', call: (f) => f.actions.register(5 as never, () => {}), expect: { throws: 'ActionRegister.register: action must be a non-empty string, got 5' } },
  { fn: 'ActionRegister.register', input: 'handler = "x"', call: (f) => f.actions.register('save', 'x' as never), expect: { throws: 'ActionRegister.register: handler must be a function, got "x"' } },
  { fn: 'ActionRegister.register', input: 'missing handler', call: (f) => (f.actions.register as (...a: unknown[]) => unknown)('save'), expect: { throws: 'ActionRegister.register: handler must be a function, got undefined' } },
  { fn: 'ActionRegister.register', input: 'priority = NaN', call: (f) => f.actions.register('save', () => {}, { priority: NaN }), expect: { throws: 'ActionRegister.register: priority must be a number, got NaN' } },
  {
    fn: 'ActionRegister.register',
    input: 'priority = ±Infinity / 1e308 (allowed, ordered)',
    ran: ['inf', 'save', 'huge', 'save', 'neg'],
    call: async (f) => {
      f.actions.register('save', () => void f.runs.push('neg'), { priority: -Infinity })
      f.actions.register('save', () => void f.runs.push('huge'), { priority: 1e308 })
      f.actions.register('save', () => void f.runs.push('inf'), { priority: Infinity })
      f.actions.register('save', () => void f.runs.push('save'), { priority: Infinity, id: 'first' })
      await f.actions.dispatch('save', { id: '1' })
      return [...f.runs]
    },
    // Equal priorities keep registration order; the fixture's own handler (priority 0) pushes 'save'.
    expect: { works: (runs) => expect(runs).toEqual(['inf', 'save', 'huge', 'save', 'neg']) },
  },
  { fn: 'ActionRegister.register', input: "id = ''", call: (f) => f.actions.register('save', () => {}, { id: '' }), expect: { throws: 'ActionRegister.register: id must be a non-empty string, got ""' } },
  { fn: 'ActionRegister.register', input: "once = 'yes'", call: (f) => f.actions.register('save', () => {}, { once: 'yes' as never }), expect: { throws: 'ActionRegister.register: once must be a boolean, got "yes"' } },
  { fn: 'ActionRegister.register', input: 'debounce = -1', call: (f) => f.actions.register('save', () => {}, { debounce: -1 }), expect: { throws: 'ActionRegister.register: debounce must be a finite number of milliseconds ≥ 0, got -1' } },
  { fn: 'ActionRegister.register', input: 'throttle = Infinity', call: (f) => f.actions.register('save', () => {}, { throttle: Infinity }), expect: { throws: 'ActionRegister.register: throttle must be a finite number of milliseconds ≥ 0, got Infinity' } },
  { fn: 'ActionRegister.register', input: 'condition = true', call: (f) => f.actions.register('save', () => {}, { condition: true as never }), expect: { throws: 'ActionRegister.register: condition must be a function, got true' } },
  { fn: 'ActionRegister.register', input: "tags = 'a'", call: (f) => f.actions.register('save', () => {}, { tags: 'a' as never }), expect: { throws: 'ActionRegister.register: tags must be an array of strings, got "a"' } },
  { fn: 'ActionRegister.register', input: 'unknown config key', call: (f) => f.actions.register('save', () => {}, { prio: 1 } as never), expect: { throws: 'ActionRegister.register: unknown config key "prio"' } },
  {
    fn: 'ActionRegister.register',
    input: 'more handlers than registry.maxHandlers',
    call: () => {
      const small = new ActionRegister<Actions>({ registry: { maxHandlers: 1 } })
      small.register('save', () => {})
      small.register('save', () => {})
    },
    expect: { throws: 'ActionRegister.register: action "save" already has 1 handlers (registry.maxHandlers); unregister one or raise the limit' },
  },
  {
    fn: 'ActionRegister.register',
    input: 'after dispose()',
    call: (f) => {
      f.actions.dispose()
      f.actions.register('save', () => {})
    },
    expect: { throws: 'ActionRegister.register: register "app" was disposed' },
  },
  // ActionRegister.dispatch / dispatchWithResult
  { fn: 'ActionRegister.dispatch', input: 'action = 5', call: (f) => f.actions.dispatch(5 as never), expect: { rejects: 'ActionRegister.dispatch: action must be a non-empty string, got 5' } },
  { fn: 'ActionRegister.dispatch', input: 'missing action', call: (f) => (f.actions.dispatch as (...a: unknown[]) => Promise<void>)(), expect: { rejects: 'ActionRegister.dispatch: action must be a non-empty string, got undefined' } },
  { fn: 'ActionRegister.dispatch', input: 'unknown action, strict register', call: (f) => f.strict.dispatch('other'), expect: { rejects: 'ActionRegister.dispatch: no handler is registered for "other" (registry.strict is on)' } },
  {
    fn: 'ActionRegister.dispatchWithResult',
    input: 'unknown action, strict register',
    call: (f) => f.strict.dispatchWithResult('other'),
    expect: { works: async (r) => expect((r as { errors: Array<{ handlerId: string; error: Error }> }).errors.map((e) => [e.handlerId, e.error.message])).toEqual([['pipeline', 'ActionRegister.dispatchWithResult: no handler is registered for "other" (registry.strict is on)']]) },
  },
  { fn: 'ActionRegister.dispatch', input: 'unknown action, default register', call: (f) => f.actions.dispatch('other'), expect: { works: (r) => expect(r).toBeUndefined() } },
  { fn: 'ActionRegister.dispatch', input: 'options = 5', call: (f) => f.actions.dispatch('save', { id: '1' }, 5 as never), expect: { rejects: 'ActionRegister.dispatch: options must be an object, got 5' } },
  { fn: 'ActionRegister.dispatch', input: "executionMode = 'fast'", call: (f) => f.actions.dispatch('save', { id: '1' }, { executionMode: 'fast' as never }), expect: { rejects: 'ActionRegister.dispatch: options.executionMode must be one of "sequential", "parallel", "race", got "fast"' } },
  { fn: 'ActionRegister.dispatch', input: "concurrency = 'latest'", call: (f) => f.actions.dispatch('save', { id: '1' }, { concurrency: 'latest' as never }), expect: { rejects: 'ActionRegister.dispatch: options.concurrency must be one of "parallel", "takeLatest", "takeFirst", "queue", got "latest"' } },
  { fn: 'ActionRegister.dispatch', input: 'signal = {}', call: (f) => f.actions.dispatch('save', { id: '1' }, { signal: {} as never }), expect: { rejects: 'ActionRegister.dispatch: options.signal must be an AbortSignal, got an object' } },
  { fn: 'ActionRegister.dispatch', input: 'debounce = NaN', call: (f) => f.actions.dispatch('save', { id: '1' }, { debounce: NaN }), expect: { rejects: 'ActionRegister.dispatch: options.debounce must be a finite number of milliseconds ≥ 0, got NaN' } },
  { fn: 'ActionRegister.dispatch', input: 'unknown option', call: (f) => f.actions.dispatch('save', { id: '1' }, { mode: 'x' } as never), expect: { rejects: 'ActionRegister.dispatch: unknown option "mode"' } },
  { fn: 'ActionRegister.dispatchWithResult', input: "result.strategy 'custom' without merger", call: (f) => f.actions.dispatchWithResult('save', { id: '1' }, { result: { strategy: 'custom' } }), expect: { rejects: 'ActionRegister.dispatchWithResult: options.result.strategy "custom" needs options.result.merger' } },
  { fn: 'ActionRegister.dispatchWithResult', input: 'result.maxResults = -1', call: (f) => f.actions.dispatchWithResult('save', { id: '1' }, { result: { maxResults: -1 } }), expect: { rejects: 'ActionRegister.dispatchWithResult: options.result.maxResults must be an integer ≥ 0, got -1' } },
  { fn: 'ActionRegister.dispatch', input: "filter.tags = 'a'", call: (f) => f.actions.dispatch('save', { id: '1' }, { filter: { tags: 'a' as never } }), expect: { rejects: 'ActionRegister.dispatch: options.filter.tags must be an array of strings, got "a"' } },
  {
    fn: 'ActionRegister.dispatch',
    input: 'after dispose()',
    call: (f) => {
      f.actions.dispose()
      return f.actions.dispatch('save', { id: '1' })
    },
    expect: { rejects: 'ActionRegister.dispatch: register "app" was disposed' },
  },
  {
    fn: 'ActionRegister.dispatch',
    input: 'frozen and cyclic payloads (passed by reference)',
    ran: ['save', 'save'],
    call: async (f) => {
      const frozen = Object.freeze({ id: 'frozen' })
      const loop = Object.assign(cyclic(), { id: 'loop' })
      const seen: unknown[] = []
      f.actions.register('save', (p) => void seen.push(p), { priority: -1 })
      await f.actions.dispatch('save', frozen)
      await f.actions.dispatch('save', loop as never)
      return seen[0] === frozen && seen[1] === loop
    },
    expect: { works: (v) => expect(v).toBe(true) },
  },
  {
    fn: 'ActionRegister.dispatch',
    input: '__proto__ / constructor keys in the payload, merged by modifyPayload',
    ran: ['save'],
    call: async (f) => {
      let seen: Record<string, unknown> = {}
      f.actions.register('save', (_, c) => c.modifyPayload((p) => ({ ...p, ...polluting() })), { priority: 1 })
      f.actions.register('save', (p) => void (seen = p as never), { priority: -1 })
      await f.actions.dispatch('save', polluting())
      return Object.keys(seen).sort()
    },
    expect: { works: (keys) => expect(keys).toEqual(['__proto__', 'constructor', 'id']) },
  },
  // ActionRegister: configuration and introspection
  { fn: 'ActionRegister.setActionExecutionMode', input: "mode = 'fast'", call: (f) => f.actions.setActionExecutionMode('save', 'fast' as never), expect: { throws: 'ActionRegister.setActionExecutionMode: mode must be one of "sequential", "parallel", "race", got "fast"' } },
  { fn: 'ActionRegister.setActionExecutionMode', input: 'action = null', call: (f) => f.actions.setActionExecutionMode(null as never, 'race'), expect: { throws: 'ActionRegister.setActionExecutionMode: action must be a non-empty string, got null' } },
  { fn: 'ActionRegister.setActionConcurrency', input: 'policy = 1', call: (f) => f.actions.setActionConcurrency('save', 1 as never), expect: { throws: 'ActionRegister.setActionConcurrency: policy must be one of "parallel", "takeLatest", "takeFirst", "queue", got 1' } },
  { fn: 'ActionRegister.getActionStatus', input: "action = ''", call: (f) => f.actions.getActionStatus('' as never), expect: { throws: 'ActionRegister.getActionStatus: action must be a non-empty string, got ""' } },
  { fn: 'ActionRegister.observe', input: 'observer = {}', call: (f) => f.actions.observe({} as never), expect: { throws: 'ActionRegister.observe: observer must be a function, got an object' } },
  { fn: 'ActionRegister.getHandlerCount', input: 'an action never registered', call: (f) => [f.actions.getHandlerCount('other'), f.actions.hasHandlers('other'), f.actions.getActionStats('other')], expect: { works: (v) => expect(v).toEqual([0, false, null]) } },
  { fn: 'ActionRegister.clearAction', input: 'an action never registered', call: (f) => f.actions.clearAction('other'), expect: { works: (v) => expect(v).toBeUndefined() } },
  // PipelineController (inside a handler): the handler fails with the message, the dispatch rejects with it
  { fn: 'PipelineController.abort', input: 'reason = 5', call: (f) => (f.withController((c) => c.abort(5 as never)), f.actions.dispatch('other')), expect: { rejects: 'PipelineController.abort: reason must be a string, got 5' } },
  { fn: 'PipelineController.jumpToPriority', input: 'priority = NaN', call: (f) => (f.withController((c) => c.jumpToPriority(NaN)), f.actions.dispatch('other')), expect: { rejects: 'PipelineController.jumpToPriority: priority must be a number, got NaN' } },
  { fn: 'PipelineController.modifyPayload', input: 'modifier = 5', call: (f) => (f.withController((c) => c.modifyPayload(5 as never)), f.actions.dispatch('other')), expect: { rejects: 'PipelineController.modifyPayload: modifier must be a function, got 5' } },
  { fn: 'PipelineController.mergeResult', input: 'merger = null', call: (f) => (f.withController((c) => c.mergeResult(null as never)), f.actions.dispatch('other')), expect: { rejects: 'PipelineController.mergeResult: merger must be a function, got null' } },
]

const results: string[] = []

/**
 * The development message contains `expected`. A coded message of the production build names the same function, and
 * when `expected` is a whole message, its code is that message's (message text is asserted in development only).
 */
function expectMessage(message: string, expected: string): void {
  if (process.env.CORE_BUILD !== 'production' || !isCoded(new Error(message))) expect(message).toContain(expected)
  else {
    const named = expected.startsWith(message.slice(0, message.indexOf(': error ') + 2))
    expect([message, sameMessage(message, expected) || named || partOfMessage(message, expected)]).toEqual([message, true])
  }
}

describe('bad-input catalogue: @context-action/core', () => {
  it.each(rows.map((r) => [`${r.fn}(${r.input})`, r] as const))('%s', async (_, row) => {
    const f = fixture()
    const before = f.store.getValue()
    let outcome: string
    if ('throws' in row.expect) {
      let error: unknown
      try {
        row.call(f)
      } catch (e) {
        error = e
      }
      expect(error, 'expected a synchronous throw').toBeInstanceOf(Error)
      expectMessage((error as Error).message, row.expect.throws)
      outcome = `throws \`${(error as Error).message}\``
    } else if ('rejects' in row.expect) {
      const result = row.call(f)
      expect(result, 'expected a promise, not a synchronous throw').toBeInstanceOf(Promise)
      const error = await (result as Promise<unknown>).then(
        () => undefined,
        (e: unknown) => e,
      )
      expect(error, 'expected a rejection').toBeInstanceOf(Error)
      expectMessage((error as Error).message, row.expect.rejects)
      outcome = `rejects \`${(error as Error).message}\``
    } else {
      const value = await row.call(f)
      await row.expect.works(value, f)
      outcome = 'works'
    }
    expect(f.store.getValue()).toBe(before)
    expect(f.notified).toEqual([])
    expect(f.runs).toEqual(row.ran ?? [])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
    results.push(`| \`${row.fn}\` | ${row.input} | ${outcome.replace(/\|/g, '\\|')} |`)
  })

  afterAll(() => {
    if (process.env.CATALOGUE_OUT) writeFileSync(process.env.CATALOGUE_OUT, results.join('\n') + '\n')
  })
})
