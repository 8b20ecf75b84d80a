import { assertFunction } from './errors'

/** A node that may have to tell its listeners about a change once the current batch ends. */
export interface Notifier {
  queued: boolean
  notify(): void
}

/** A node whose writes can be undone when the batch that made them throws. */
export interface Restorable {
  snapshot(): unknown
  restore(snapshot: unknown): void
}

let depth = 0
let flushing = false
const queue: Notifier[] = []
// One journal per open batch level: the value each store had before its first write at that level.
const journals: Array<Map<Restorable, unknown> | null> = []

export function isBatching(): boolean {
  return depth > 0
}

/** Remember a store's value before the first write inside the innermost open batch. */
export function journal(node: Restorable): void {
  let top = journals[depth - 1]
  // Created on the first write: a batch that writes nothing allocates nothing.
  if (top === null) top = journals[depth - 1] = new Map()
  if (!top.has(node)) top.set(node, node.snapshot())
}

/** A store that can tell its listeners about a change it has already compared (see `notifyNow`). */
export interface DirectNotifier {
  emitChange(): void
}

/** Notify `node` at once when nothing is batching or flushing (the common single write); else return false. */
export function notifyNow(node: DirectNotifier): boolean {
  if (depth !== 0 || flushing) return false
  flushing = true
  try {
    node.emitChange()
  } catch (error) {
    flushing = false
    // Listeners that wrote still get their notifications; the first error is the one re-thrown.
    try {
      if (queue.length > 0) flush()
    } catch {}
    throw error
  }
  flushing = false
  // Listeners that wrote queued their stores meanwhile.
  if (queue.length > 0) flush()
  return true
}

export function enqueue(node: Notifier): void {
  if (node.queued) return
  node.queued = true
  queue.push(node)
  if (depth === 0 && !flushing) flush()
}

function flush(): void {
  flushing = true
  let failed = false
  let error: unknown
  try {
    // Listeners may write; their notifications join the end of this same loop.
    for (let i = 0; i < queue.length; i++) {
      const node = queue[i]
      node.queued = false
      try {
        node.notify()
      } catch (e) {
        if (!failed) {
          failed = true
          error = e
        }
      }
    }
  } finally {
    queue.length = 0
    flushing = false
  }
  if (failed) throw error
}

/**
 * Run `fn` with notifications deferred until the outermost batch ends; each changed store then notifies once.
 * If `fn` throws, every write it made is undone before anyone is notified, and the error is re-thrown.
 * @example batch(() => { first.setValue(1); second.setValue(2) })
 */
export function batch<R>(fn: () => R): R {
  assertFunction('batch', 'the argument', fn)
  return run(fn, true)
}

/** Like `batch`, but writes stay when `fn` throws (a transaction undoes its own writes, and only those). */
export function defer<R>(fn: () => R): R {
  return run(fn, false)
}

function run<R>(fn: () => R, atomic: boolean): R {
  depth++
  journals.push(null)
  let ok = false
  try {
    const result = fn()
    ok = true
    return result
  } finally {
    const mine = journals.pop()
    if (mine != null) {
      if (!ok && atomic) {
        for (const [node, value] of mine) node.restore(value)
      } else if (depth > 1) {
        const parent = journals[depth - 2]
        if (parent == null) journals[depth - 2] = mine
        else for (const [node, value] of mine) if (!parent.has(node)) parent.set(node, value)
      }
    }
    depth--
    if (depth === 0 && !flushing && queue.length > 0) flush()
  }
}
