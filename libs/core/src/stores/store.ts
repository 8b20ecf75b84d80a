import { defer, depth, enqueue, flushing, journal, level, notifyNow, type Notifier, type Restorable } from './batch'
import { type EqualityFn } from './equality'
import { argumentError, assertFunction, assertOptions, describe } from '../shared/errors'

/** Called with the new value and the value listeners saw before. */
export type Listener<T> = (value: T, previous: T) => void
/** Stops a subscription; calling it again does nothing. */
export type Unsubscribe = () => void

/** Read side of every store; satisfies Svelte's store contract, so `$store` works in `.svelte` files. */
export interface ReadableStore<T> {
  readonly name: string
  /** The current value, by reference. */
  getValue(): T
  /**
   * Svelte store contract: calls `run` now and after every change; on a change, every subscriber's `invalidate`
   * runs before any `run`, so Svelte's `derived` over these stores is glitch-free.
   */
  subscribe(run: (value: T) => void, invalidate?: () => void): Unsubscribe
  /** Calls `listener(value, previous)` after every change, not now. */
  listen(listener: Listener<T>): Unsubscribe
  getListenerCount(): number
}

/** A writable store. Methods are safe to destructure. */
export interface Store<T> extends ReadableStore<T> {
  // Property syntax keeps writes invariant: a read-only store is never accepted where a writable one is expected.
  /** Store `value` and notify, unless it equals the current value. */
  readonly setValue: (value: T) => void
  /**
   * Same as `setValue`, for Svelte's `bind:value={$store}`; except that the current value itself, when it is an array
   * or a plain object, is stored as a shallow copy: Svelte writes `$store.field = v` by changing the object in place,
   * then calling `set` with it.
   */
  readonly set: (value: T) => void
  /** `setValue(updater(getValue()))`. */
  readonly update: (updater: (current: T) => T) => void
}

/** Options of `createStore`: its name and the equality that decides what counts as a change. */
export interface StoreOptions<T> {
  name?: string | undefined
  /** Decides whether a write is a change; `Object.is` by default. */
  equals?: EqualityFn<T> | undefined
}

interface ListenerNode<T> {
  fn: Listener<T> | null
  next: ListenerNode<T> | null
  prev: ListenerNode<T> | null
  born: number
  /** A subscriber's `invalidate`, or null. */
  inv: (() => void) | null
  /** The store it listens to. */
  owner: StoreNode<T>
}

/**
 * Remove a listener's node (`this`) from its store's list. A subscription's disposer is this function bound to the
 * node (`unlink.bind(node)`): a bound function with no bound arguments is smaller than a closure and its context, so
 * a subscription costs the node and one small object.
 */
function unlink(this: ListenerNode<any>): void {
  if (this.fn === null) return
  this.fn = null
  const { owner: store, prev, next } = this
  // Unlink but keep `this.next`, so a notification standing on this node can go on.
  if (prev === null) store.head = next
  else prev.next = next
  if (next === null) store.tail = prev
  else next.prev = prev
  store.listeners--
  // Stryker disable next-line ConditionalExpression,UpdateOperator: a count that never returns to 0 only keeps `changed` off its fast path (see there); a count reaching 0 early is tested
  if (this.inv) invalidating--
  if (store.getListenerCount() === 0) store.deactivate()
}

/** Transaction bookkeeping plugs in here so plain stores pay one property read when none is active. */
export const tracking = {
  /** Number of transactions in progress; while 0, nothing below is consulted. */
  active: 0,
  record: null as null | ((node: StoreNode<any>, next: unknown, updater: ((v: any) => any) | undefined, owner: unknown) => void),
  snapshot: null as null | ((node: StoreNode<any>) => unknown),
  restore: null as null | ((node: StoreNode<any>, snapshot: unknown) => unknown),
}

export const NODE: unique symbol = Symbol('context-action.node')

let ids = 0
let stamps = 0
export const nextVersion = (): number => ++ids
/** The newest version handed out so far. */
export const version = (): number => ids
/** Increases on every accepted write; a computed store checked at the current epoch is up to date. */
export let epoch = 0
/**
 * The stamp a write propagates with: a node passes a change on once per stamp. Writes made in one batch level share
 * it, because a node an earlier write of the batch reached is already queued, and so is everything below it: later
 * writes stop there instead of walking the same graph again. `sharedBy` is the level sharing `pass`; a new listener
 * clears it, since what lies below a node may then have changed.
 */
let pass = 0
// Stryker disable next-line UnaryOperator: a pass matters only to nodes with listeners or observers, and the first listener's `addListener` sets `sharedBy` to -1 before any write can reach one
let sharedBy = -1
/** Subscribers that passed an `invalidate`, over all stores; while 0, there is nothing to invalidate. */
let invalidating = 0

/** Internal state of a store; computed stores extend it. */
export class StoreNode<T> implements Notifier, Restorable {
  value: T
  notified: T
  version = ++ids
  queued = false
  journaled = 0
  head: ListenerNode<T> | null = null
  tail: ListenerNode<T> | null = null
  listeners = 0
  /** The value was changed in place since listeners were last told (`write`'s `changedInPlace`). */
  inPlace = false
  /** Whether subscribers were invalidated for a change not delivered yet, and the first error an `invalidate` threw. */
  invalidated = false
  failed: [unknown] | undefined = undefined
  // An array, not a Set: iterated on every write, changed only when a computed store starts or stops observing.
  readonly observers: StoreNode<any>[] = []
  marked = 0
  /**
   * Listeners that joined while a batch or a flush was under way, when the value differed from what the older
   * listeners were last told: each with the value it joined at, which is what it must be told against.
   */
  late: Map<ListenerNode<T>, T> | null = null
  constructor(
    readonly name: string,
    initial: T,
    readonly equals: EqualityFn<T>,
  ) {
    this.value = initial
    this.notified = initial
  }

  /** Computed stores cannot be written or listed in a transaction. */
  readonly readOnly: boolean = false
  /** Can change without this library hearing of it while nobody listens (a store of another library, or over one). */
  // Stryker disable next-line BooleanLiteral: a plain store changes only through `write`, which moves `epoch`; a computed store over it refreshing on every read finds its inputs' versions unchanged and does not recompute
  readonly volatile: boolean = false

  read(): T {
    return this.value
  }

  /**
   * The single write path: transaction log, batch journal, value, version, propagation. `changedInPlace`: `next` is
   * the current value, changed in place (Svelte's `set`), so it is a change though it equals itself.
   */
  write(next: T, owner: unknown, updater?: (v: T) => T, changedInPlace?: boolean): void {
    // Journal first: undoing a batch must also drop the log entry this write is about to add.
    // Stryker disable next-line ConditionalExpression: outside a batch, `journal` finds `journaled` at level 0 (a store never batched) or files an entry below every later batch's start mark: never replayed, dropped when the next outermost batch ends
    if (depth !== 0) journal(this)
    // Compared before logging: an `equals` that throws leaves no write in a transaction's log.
    const same = !changedInPlace && this.equals(this.value, next)
    if (tracking.active !== 0 || owner !== null) tracking.record!(this, next, updater, owner)
    if (same) return
    this.value = next
    // Listeners are then told even though the value equals what they were last told (see `notify`).
    if (changedInPlace) this.inPlace = true
    this.changed()
  }

  snapshot(): unknown {
    return tracking.active === 0 ? this.value : tracking.snapshot!(this)
  }

  restore(snapshot: unknown): void {
    this.value = (tracking.restore === null ? snapshot : tracking.restore(this, snapshot)) as T
    this.changed()
  }

  changed(): void {
    this.version = ++ids
    epoch++
    if (depth === 0 || sharedBy !== level) {
      sharedBy = level
      pass++
    }
    // A plain store is never reached by another's propagation, so it needs no mark of its own.
    // While some subscriber passed an `invalidate`, a direct write is delivered as a batch: invalidates come first.
    // No closure here: one would cost every write an allocation.
    try {
      // Stryker disable next-line ConditionalExpression,LogicalOperator: a fast path; delivering a direct write as a batch (as is done whenever a subscriber passed an `invalidate`) tells the same listeners the same values, only a listener's own writes may come after the computed stores below instead of before (no order is promised)
      if (invalidating !== 0 && depth === 0) this.deliver(pass)
      else this.reach(pass)
    } catch (error) {
      // Only a direct write's walk throws (a listener did): deliver what it had not reached yet as a batch (a store
      // already told is not told again), then re-throw the first error.
      try {
        this.deliver(++pass)
      } catch {}
      throw error
    }
  }

  /** Walk as a batch, so that every `invalidate` runs before any `run`. */
  private deliver(stamp: number): void {
    defer(() => this.reach(stamp))
  }

  /** Reached by a change at `stamp` (once per stamp): tell this node's listeners, then pass it on. */
  propagate(stamp: number): void {
    if (this.marked === stamp) return
    this.marked = stamp
    this.reach(stamp)
  }

  private reach(stamp: number): void {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: enqueueing a store nobody listens to, or one `notifyNow` already told, delivers nothing (`notify` finds `notified` equal to the value; a computed one is computed there instead of by the computed store below, which reads it anyway)
    if (this.listeners !== 0 && !notifyNow(this)) enqueue(this)
    const observers = this.observers
    for (let i = 0; i < observers.length; i++) observers[i].propagate(stamp)
  }

  /**
   * The direct path of `notifyNow`: with nothing batching or flushing, listeners last saw the value this write
   * replaced, and `write` has already found the two unequal, so there is nothing to compare again.
   */
  emitChange(): void {
    this.emit(this.value)
  }

  invalidate(): void {
    // Stryker disable next-line ConditionalExpression,LogicalOperator: with no subscriber passing an `invalidate` there is none to call, and `notify` clears the flag set below; a node is invalidated once per queue entry, and `notify` clears the flag before it can be queued again
    if (invalidating === 0 || this.invalidated) return
    // Only a change to come is announced (a batch may have put the value back). A compute that throws here will
    // throw again in `notify`, and so does the first `invalidate` that throws (after every run).
    try {
      if (this.equals(this.notified, this.read())) return
    } catch {
      return
    }
    this.invalidated = true
    for (let node = this.head; node !== null; node = node.next) {
      try {
        node.inv?.()
      } catch (error) {
        this.failed ??= [error]
      }
    }
  }

  notify(): void {
    const invalidated = this.invalidated
    let failed: [unknown] | undefined
    // Stryker disable next-line ConditionalExpression: `failed` is set only after `invalidated`, so when `invalidated` is false both are already cleared
    if (invalidated) {
      failed = this.failed
      this.invalidated = false
      this.failed = undefined
    }
    const value = this.read()
    if (this.inPlace || this.late !== null || !this.equals(this.notified, value)) this.emit(value)
    // Invalidated subscribers always get a `run`, even when the change came to nothing.
    else if (invalidated) this.emit(value, true)
    if (failed) throw failed[0]
  }

  /**
   * Call every listener that existed when the emission began, with the value it was last told (or joined at, for a
   * late one) as `previous`, unless that equals `value`; the first error is re-thrown after all ran.
   */
  emit(value: T, invalidatedOnly?: boolean): void {
    const previous = this.notified
    const late = this.late
    this.notified = value
    this.late = null
    this.inPlace = false
    const stamp = stamps
    let failed = false
    let error: unknown
    for (let node = this.head; node !== null; node = node.next) {
      const fn = node.fn
      if (fn === null || node.born > stamp || (invalidatedOnly && !node.inv)) continue
      let before = previous
      // With late listeners, each is told only what is news to it; so are the older ones (told `previous`).
      if (late !== null) {
        if (late.has(node)) before = late.get(node)!
        if (!node.inv && this.equals(before, value)) continue
      }
      try {
        fn(value, before)
      } catch (e) {
        if (!failed) {
          failed = true
          error = e
        }
      }
    }
    if (failed) throw error
  }

  getListenerCount(): number {
    return this.listeners + this.observers.length
  }

  /** Hook for computed stores: called when the first listener or observer arrives / the last leaves. */
  activate(): void {}
  deactivate(): void {}

  addListener(fn: Listener<T>, inv: (() => void) | null): Unsubscribe {
    const first = this.getListenerCount() === 0
    if (first) this.activate()
    if (this.listeners === 0) {
      // Nobody was told about writes made while unobserved: start from the current value, owed to nobody (an in-place
      // change made meanwhile included).
      this.inPlace = false
      try {
        this.notified = this.read()
      } catch (e) {
        if (first) this.deactivate()
        throw e
      }
    }
    const node: ListenerNode<T> = { fn, next: null, prev: this.tail, born: ++stamps, inv, owner: this }
    // Stryker disable next-line ConditionalExpression,LogicalOperator: outside a batch and a flush, every listener was told the current value (and with no listener `notified` was just set to it), so the check below finds nothing late
    if (this.listeners !== 0 && (depth !== 0 || flushing)) {
      // Joining mid-batch: the others may be due a notification that is not news to this one, or this one may
      // be due one they are not (a later write puts the value back, or the batch is undone).
      const value = this.read()
      if (!this.equals(this.notified, value)) {
        ;(this.late ??= new Map()).set(node, value)
        enqueue(this)
      }
    }
    // Every new edge of the graph comes with a listener (a computed observes its inputs once it is listened to).
    sharedBy = -1
    if (this.tail === null) this.head = node
    else this.tail.next = node
    this.tail = node
    this.listeners++
    // Stryker disable next-line UpdateOperator: a count that never returns to 0 only keeps `changed` off its fast path (see there)
    if (inv) invalidating++
    return unlink.bind(node)
  }

  addObserver(observer: StoreNode<any>): void {
    if (this.getListenerCount() === 0) this.activate()
    this.observers.push(observer)
  }

  removeObserver(observer: StoreNode<any>): void {
    const at = this.observers.indexOf(observer)
    if (at === -1) return
    this.observers.splice(at, 1)
    if (this.getListenerCount() === 0) this.deactivate()
  }
}

/** The read API over a node, shared by stores, computed stores and transaction views. */
export function readable<T>(node: StoreNode<T>): ReadableStore<T> & { [NODE]: StoreNode<T> } {
  const name = node.name
  const listen = (fn: string, listener: Listener<T>, invalidate?: () => void): Unsubscribe => {
    if (typeof listener !== 'function') throw argumentError(fn, `expected a function, got ${describe(listener)}`)
    if (invalidate !== undefined) assertFunction(fn, 'invalidate', invalidate)
    return node.addListener(listener, invalidate ?? null)
  }
  return {
    [NODE]: node,
    name,
    getValue: () => node.read(),
    subscribe(run: (value: T) => void, invalidate?: () => void): Unsubscribe {
      const off = listen(`${name}.subscribe`, run, invalidate)
      try {
        run(node.read())
      } catch (e) {
        off()
        throw e
      }
      return off
    },
    listen: (listener: Listener<T>): Unsubscribe => listen(`${name}.listen`, listener),
    getListenerCount: () => node.getListenerCount(),
  }
}

/** A shallow copy of an array or a plain object; any other value as it is. */
function shallowCopy<T>(value: T): T {
  // `?? 0`: null and undefined have no prototype to read.
  return Array.isArray(value) ? ([...value] as T) : Object.getPrototypeOf(value ?? 0) === Object.prototype ? { ...value } : value
}

/** Writable API over a node; `owner` attributes writes to a transaction (views) or to nobody. */
export function writable<T>(node: StoreNode<T>, owner: unknown = null): Store<T> & { [NODE]: StoreNode<T> } {
  const setValue = (value: T) => node.write(value, owner)
  return Object.assign(readable(node), {
    setValue,
    // Svelte compiles `$store.field = v`, `$store.n++` and `bind:value={$store.field}` to an in-place change followed by
    // `set(theSameObject)`, which `setValue` would ignore. As with Svelte's `writable`, that is a change, whatever the
    // store's `equals`: a plain object or array is stored as a shallow copy, so that selectors see a new value; any
    // other object (a class instance, a Map) cannot be copied, and its listeners get it as both value and previous. The
    // previous value, changed in place already, cannot be told or restored either way.
    set: (value: T) => (value === node.value && Object(value) === value ? node.write(shallowCopy(value), owner, undefined, true) : setValue(value)),
    update(updater: (current: T) => T): void {
      if (typeof updater !== 'function') {
        throw argumentError(`${node.name}.update`, `expected an updater function, got ${describe(updater)}`)
      }
      node.write(updater(node.value), owner, updater)
    },
  })
}

/** The node behind a store, or `undefined` when `value` is not one of ours. */
export function nodeOf(value: unknown): StoreNode<any> | undefined {
  return typeof value === 'object' && value !== null ? (value as { [NODE]?: StoreNode<any> })[NODE] : undefined
}

/** True for stores and computed stores created by this library. */
export function isStore(value: unknown): value is ReadableStore<unknown> {
  return nodeOf(value) !== undefined
}

/** True for stores of `createStore` (and a transaction's views of them): false for computed stores and anything else. */
export function isWritableStore(value: unknown): value is Store<unknown> {
  return nodeOf(value)?.readOnly === false
}

/** Throws unless `value` is a store created by this library; for bindings, so messages name their own function. */
export function assertStore(fn: string, value: unknown): void {
  if (!isStore(value)) throw argumentError(fn, `expected a store (from createStore or createComputedStore), got ${describe(value)}`)
}

/** The nodes of an array of stores, or a clear error naming `fn` and the bad element; `find` may accept others. */
export function nodesOf(fn: string, stores: unknown, find: (store: unknown) => StoreNode<any> | undefined = nodeOf): StoreNode<any>[] {
  if (!Array.isArray(stores)) {
    // The hint inside the message, so that the production build, which drops the message, drops it too.
    throw argumentError(fn, `expected an array of stores, got ${describe(stores)}${find(stores) ? '; wrap a single store in an array: [store]' : ''}`)
  }
  return stores.map((store, i) => {
    const node = find(store)
    if (node === undefined) throw argumentError(fn, `stores[${i}] is not a store, got ${describe(store)}`)
    return node
  })
}

/** Checks the options shared by stores and computed stores; `equals` defaults to `Object.is`. */
export function storeOptions<T>(fn: string, options: StoreOptions<T> | undefined): { name: string | undefined; equals: EqualityFn<T> } {
  assertOptions(fn, options)
  const { name, equals = Object.is } = options ?? {}
  assertFunction(fn, 'options.equals', equals)
  if (name !== undefined && typeof name !== 'string') throw argumentError(fn, `options.name must be a string, got ${describe(name)}`)
  return { name, equals }
}

/**
 * Create a writable store. The upstream shape `createStore(name, initial)` is accepted too.
 * @example const user = createStore({ id: '', name: '' }, { name: 'user' })
 */
export function createStore<T>(name: string, initial: T, options?: StoreOptions<NoInfer<T>>): Store<T>
export function createStore<T>(initial: T, options?: StoreOptions<NoInfer<T>>): Store<T>
export function createStore<T>(...args: unknown[]): Store<T> {
  const fn = 'createStore'
  if (args.length === 0) throw argumentError(fn, 'missing the initial value; pass `undefined` explicitly for an empty store')
  // Upstream's `(name, initial, options?)`: a string followed by at least one more argument.
  const named = typeof args[0] === 'string' && args.length >= 2
  if (args[0] === '' && named) throw argumentError(fn, 'the name must not be empty')
  const [initial, options] = (named ? args.slice(1) : args) as [T, StoreOptions<T>?]
  const { equals, name } = storeOptions(fn, options)
  return writable(new StoreNode<T>(named ? (args[0] as string) : (name ?? `store${ids + 1}`), initial, equals))
}
