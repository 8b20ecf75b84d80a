import { type EqualityFn } from './equality'
import { assertFunction, stateError } from './errors'
import { epoch, nextVersion, nodesOf, readable, StoreNode, storeOptions, type ReadableStore } from './store'

/** No value has this type: it makes every write to a computed store a type error. */
export interface ReadOnlyStore {
  readonly 'computed stores are read-only; write to their input stores': never
}

/** A read-only store derived from others. Writing to it throws. */
export interface ComputedStore<T> extends ReadableStore<T> {
  /** Always throws: computed stores are read-only; write to their input stores instead. */
  readonly setValue: (value: ReadOnlyStore) => never
  /** Always throws, see `setValue`. */
  readonly set: (value: ReadOnlyStore) => never
  /** Always throws, see `setValue`. */
  readonly update: (updater: ReadOnlyStore) => never
}

export interface ComputedOptions<T> {
  name?: string
  /** When a recomputed value equals the previous one, nobody is notified; `Object.is` by default. */
  equals?: EqualityFn<T>
}

/** The value types of a tuple of stores. */
export type StoreValues<S extends readonly ReadableStore<any>[]> = {
  [K in keyof S]: S[K] extends ReadableStore<infer V> ? V : never
}

let count = 0

class ComputedNode<T> extends StoreNode<T> {
  private versions: number[]
  private checked = -1
  private computing = false
  private has = false
  override readonly readOnly = true

  constructor(
    name: string,
    private readonly sources: StoreNode<any>[],
    private readonly compute: (...values: any[]) => T,
    equals: EqualityFn<T>,
  ) {
    super(name, undefined as T, equals)
    this.versions = sources.map(() => -1)
  }

  override read(): T {
    if (this.computing) {
      throw stateError('createComputedStore', `cycle detected: computed store "${this.name}" reads itself while computing`)
    }
    if (this.checked !== epoch) this.refresh()
    return this.value
  }

  private refresh(): void {
    const { sources, versions } = this
    this.computing = true
    try {
      let dirty = !this.has
      for (let i = 0; i < sources.length; i++) {
        sources[i].read()
        if (sources[i].version !== versions[i]) dirty = true
      }
      if (dirty) {
        const next = this.run(sources)
        for (let i = 0; i < sources.length; i++) versions[i] = sources[i].version
        if (!this.has || !this.equals(this.value, next)) {
          this.value = next
          this.version = nextVersion()
        }
        this.has = true
      }
      this.checked = epoch
    } finally {
      this.computing = false
    }
  }

  // Up to three inputs without building an arguments array: recomputing is the hot path of derived state.
  private run(sources: StoreNode<any>[]): T {
    const compute = this.compute
    switch (sources.length) {
      case 1:
        return compute(sources[0].value)
      case 2:
        return compute(sources[0].value, sources[1].value)
      case 3:
        return compute(sources[0].value, sources[1].value, sources[2].value)
      default:
        return compute(...sources.map((source) => source.value))
    }
  }

  override activate(): void {
    for (const source of this.sources) source.addObserver(this)
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
export function createComputedStore<const S extends readonly ReadableStore<any>[], R>(
  stores: S,
  compute: (...values: StoreValues<S>) => R,
  options?: ComputedOptions<R>,
): ComputedStore<R> {
  const fn = 'createComputedStore'
  const sources = nodesOf(fn, stores)
  assertFunction(fn, 'compute', compute)
  const { name, equals } = storeOptions(fn, options)
  const node = new ComputedNode<R>(name ?? `computed${++count}`, sources, compute as never, equals)
  const readOnly = (): never => node.write() as never
  return Object.assign(readable(node), { setValue: readOnly, set: readOnly, update: readOnly })
}
