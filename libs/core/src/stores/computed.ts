import { type EqualityFn } from './equality'
import { assertFunction, stateError } from '../shared/errors'
import { sourceNode, type Subscribable } from './readable'
import { epoch, nextVersion, version, nodesOf, readable, StoreNode, storeOptions, type ReadableStore } from './store'

/**
 * No value has this type: it makes every write to a computed store a type error, which names it (`… not assignable to
 * parameter of type 'ComputedStoresAreReadOnly'`).
 */
export interface ComputedStoresAreReadOnly {
  readonly 'computed stores are read-only; write to their input stores': never
}

/** A read-only store derived from others. Writing to it throws. */
export interface ComputedStore<T> extends ReadableStore<T> {
  /** Always throws: computed stores are read-only; write to their input stores instead. */
  readonly setValue: (value: ComputedStoresAreReadOnly) => never
  /** Always throws, see `setValue`. */
  readonly set: (value: ComputedStoresAreReadOnly) => never
  /** Always throws, see `setValue`. */
  readonly update: (updater: ComputedStoresAreReadOnly) => never
}

/** Options of `createComputedStore`: its name and the equality that decides what counts as a change. */
export interface ComputedOptions<T> {
  name?: string | undefined
  /** When a recomputed value equals the previous one, nobody is notified; `Object.is` by default. */
  equals?: EqualityFn<T> | undefined
}

/** The value types of a tuple of stores (core stores or any with the Svelte store contract). */
export type StoreValues<S extends readonly Subscribable<any>[]> = {
  [K in keyof S]: S[K] extends Subscribable<infer V> ? V : never
}

let count = 0
const COMPUTING = -2

class ComputedNode<T> extends StoreNode<T> {
  /** The version counter when the value was last computed; -1 before the first time. Versions only grow, so an input is newer than the value exactly when its version is greater. */
  private computed = -1
  /** The epoch at which the value was last known current; `COMPUTING` while the compute function runs. */
  private checked = -1
  override readonly readOnly = true
  override readonly volatile: boolean

  constructor(
    name: string,
    private readonly sources: StoreNode<any>[],
    private readonly compute: (...values: any[]) => T,
    equals: EqualityFn<T>,
  ) {
    super(name, undefined as T, equals)
    this.volatile = sources.some((source) => source.volatile)
  }

  override read(): T {
    // Unobserved, an input of another library may have changed without a word: look again on every read.
    // Stryker disable next-line ConditionalExpression,LogicalOperator: refreshing more often only costs time: `refresh` recomputes only when an input's version moved
    if (this.checked !== epoch || (this.volatile && this.getListenerCount() === 0)) this.refresh()
    return this.value
  }

  private refresh(): void {
    const sources = this.sources
    // Stryker disable next-line EqualityOperator: `computed` is -1 or a version, and versions start at 1
    let dirty = this.computed < 0
    let next!: T
    if (this.checked === COMPUTING) {
      throw stateError('createComputedStore', `cycle detected: computed store "${this.name}" reads itself while computing`)
    }
    this.checked = COMPUTING
    try {
      for (let i = 0; i < sources.length; i++) {
        const source = sources[i]
        // Plain stores are always current; computed ones bring themselves up to date first.
        // Stryker disable next-line ConditionalExpression: reading a plain store has no effect
        if (source.readOnly) source.read()
        if (source.version > this.computed) dirty = true
      }
      if (dirty) {
        const before = epoch
        next = this.run(sources)
        // A compute that writes would leave this value stale (or loop): refuse it, every time it is read.
        if (epoch !== before) throw stateError('createComputedStore', `computed store "${this.name}" wrote to a store while computing`)
      }
    } catch (error) {
      this.checked = -1
      throw error
    }
    if (dirty) {
      // Stryker disable next-line EqualityOperator: as above, `computed` is never 0
      const first = this.computed < 0
      this.computed = version()
      if (first || !this.equals(this.value, next)) {
        this.value = next
        this.version = nextVersion()
      }
    }
    this.checked = epoch
  }

  // Up to three inputs without building an arguments array: recomputing is the hot path of derived state.
  private run(sources: StoreNode<any>[]): T {
    const compute = this.compute
    switch (sources.length) {
      case 1:
        return compute(sources[0].value)
      case 2:
        return compute(sources[0].value, sources[1].value)
      // Stryker disable next-line ConditionalExpression: the default case computes the same with a spread; this case only saves building an array
      case 3:
        return compute(sources[0].value, sources[1].value, sources[2].value)
      default:
        return compute(...sources.map((source) => source.value))
    }
  }

  /** Reached through propagation, not a write: whether the value changed is only known once it is recomputed. */
  override emitChange(): void {
    this.notify()
  }

  override activate(): void {
    try {
      for (const source of this.sources) source.addObserver(this)
    } catch (error) {
      // An input of another library refused its subscription: leave none of the inputs observed by this store.
      this.deactivate()
      throw error
    }
  }

  override deactivate(): void {
    for (const source of this.sources) source.removeObserver(this)
  }

  override write(): void {
    throw stateError(`${this.name}.setValue`, 'computed stores are read-only; write to their input stores instead')
  }
}

/**
 * A read-only store computed from `stores`; lazy, recomputed at most once per change, glitch-free.
 * @example const total = createComputedStore([price, quantity], (p, q) => p * q)
 */
export function createComputedStore<const S extends readonly Subscribable<any>[], R>(
  stores: S,
  compute: (...values: StoreValues<S>) => R,
  options?: ComputedOptions<R>,
): ComputedStore<R> {
  const fn = 'createComputedStore'
  const sources = nodesOf(fn, stores, sourceNode)
  assertFunction(fn, 'compute', compute)
  const { name, equals } = storeOptions(fn, options)
  const node = new ComputedNode<R>(name ?? `computed${++count}`, sources, compute as never, equals)
  const readOnly = (): never => node.write() as never
  return Object.assign(readable(node), { setValue: readOnly, set: readOnly, update: readOnly })
}
