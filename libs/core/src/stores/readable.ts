import { argumentError, describe } from '../shared/errors'
import { nextVersion, nodeOf, readable, StoreNode, type ReadableStore } from './store'

/** Anything with the Svelte store contract: a Svelte store, a SvelteKit store, `toStore(...)`, an RxJS subject. */
export interface Subscribable<T> {
  subscribe(this: void, run: (value: T) => void, invalidate?: () => void): (() => void) | { unsubscribe(): void }
}

/** True for any object with a `subscribe` method (the Svelte store contract), core stores included. */
export function isReadable(value: unknown): value is Subscribable<unknown> {
  return typeof (value as Partial<Subscribable<unknown>> | null)?.subscribe === 'function'
}

let count = 0

/** A store of another library, followed through its subscription while listened to, read through one otherwise. */
class ReadableNode<T> extends StoreNode<T> {
  override readonly readOnly = true
  override readonly volatile = true
  /** Set while subscribed: each `run` after the first is a change. */
  private off: (() => void) | null = null

  constructor(
    name: string,
    private readonly source: Subscribable<T>,
  ) {
    super(name, undefined as T, Object.is)
  }

  override read(): T {
    if (this.off === null) this.connect()()
    return this.value
  }

  private connect(): () => void {
    const off = this.source.subscribe((value) => {
      // The source decides what a change is (Svelte's stores re-run for an object set again): so listeners are told
      // even of the object they were told last, also when a batch delivers (see `notify`).
      if (this.off !== null) {
        this.value = value
        this.inPlace = true
        this.changed()
      } else if (!Object.is(this.value, value)) {
        this.value = value
        this.version = nextVersion()
      }
    })
    if (typeof off === 'function') return off
    if (typeof off?.unsubscribe === 'function') return () => off.unsubscribe()
    throw argumentError('fromReadable', `subscribe returned ${describe(off)}, not an unsubscribe function`)
  }

  override activate(): void {
    this.off = this.connect()
  }

  override deactivate(): void {
    const off = this.off!
    this.off = null
    off()
  }
}

/** The node for an input of a computed store: a core store's own, or one following a foreign store. */
export function sourceNode(value: unknown): StoreNode<any> | undefined {
  // Stryker disable next-line StringLiteral,UpdateOperator: this node is never handed out and has no listeners (only the computed store observes it), so its name appears nowhere
  return nodeOf(value) ?? (isReadable(value) ? new ReadableNode(`readable${++count}`, value) : undefined)
}

/**
 * A core read-only store following any store with the Svelte store contract; a core store is returned as is.
 * @example const page = fromReadable(sveltekitPage, 'page')
 */
export function fromReadable<T>(source: Subscribable<T> | ReadableStore<T>, name?: string): ReadableStore<T> {
  if (nodeOf(source)) return source as ReadableStore<T>
  if (!isReadable(source)) throw argumentError('fromReadable', `expected a store (an object with a subscribe method), got ${describe(source)}`)
  if (name !== undefined && typeof name !== 'string') throw argumentError('fromReadable', `name must be a string, got ${describe(name)}`)
  return readable(new ReadableNode(name ?? `readable${++count}`, source as Subscribable<T>))
}
