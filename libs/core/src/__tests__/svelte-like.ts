// A minimal stand-in for `svelte/store`'s `writable` and `derived` (the core may not import Svelte): the same
// algorithm — one shared run queue, `invalidate` before `run`, a pending bit per input — so the core's tests can
// reproduce Svelte's own glitch tests over core stores. The Svelte adapter runs the real ones.

type Run<T> = (value: T) => void
export interface Subscribable<T> {
  subscribe(run: Run<T>, invalidate?: () => void): (() => void) | { unsubscribe(): void }
}

const runQueue: Array<[Run<any>, unknown]> = []

export function likeWritable<T>(initial: T, start?: (set: (value: T) => void) => () => void) {
  let value = initial
  let stop: (() => void) | null = null
  const subscribers = new Set<[Run<T>, () => void]>()
  const set = (next: T) => {
    if (Object.is(value, next)) return
    value = next
    if (stop === null) return
    const runNow = runQueue.length === 0
    for (const subscriber of subscribers) {
      subscriber[1]()
      runQueue.push([subscriber[0], value])
    }
    if (!runNow) return
    for (let i = 0; i < runQueue.length; i++) runQueue[i][0](runQueue[i][1])
    runQueue.length = 0
  }
  const subscribe = (run: Run<T>, invalidate: () => void = () => {}) => {
    const subscriber: [Run<T>, () => void] = [run, invalidate]
    subscribers.add(subscriber)
    if (subscribers.size === 1) stop = start?.(set) ?? (() => {})
    run(value)
    return () => {
      subscribers.delete(subscriber)
      if (subscribers.size === 0 && stop !== null) {
        stop()
        stop = null
      }
    }
  }
  return { set, subscribe }
}

const unsubscribeFrom = (off: (() => void) | { unsubscribe(): void }) => (typeof off === 'function' ? off() : off.unsubscribe())

/** `derived(inputs, fn)` as `svelte/store` implements it: recompute once no input is pending. */
export function likeDerived<T>(inputs: Subscribable<any>[], fn: (values: any[]) => T): { subscribe: ReturnType<typeof likeWritable<T>>['subscribe'] } {
  const { subscribe } = likeWritable<T>(undefined as T, (set) => {
    const values: unknown[] = []
    let pending = 0
    let started = false
    const sync = () => {
      if (pending === 0) set(fn(values))
    }
    const offs = inputs.map((input, i) =>
      input.subscribe(
        (value) => {
          values[i] = value
          pending &= ~(1 << i)
          if (started) sync()
        },
        () => {
          pending |= 1 << i
        },
      ),
    )
    started = true
    sync()
    return () => {
      offs.forEach(unsubscribeFrom)
      started = false
    }
  })
  return { subscribe }
}
