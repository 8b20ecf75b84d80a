import { assertFunction, stateError } from '../shared/errors'

/** A node that may have to tell its listeners about a change once the current batch ends. */
export interface Notifier {
  readonly name: string
  queued: boolean
  /** Run the `invalidate` callbacks of subscribers when a change is coming; never throws. */
  invalidate(): void
  notify(): void
}

/** A node whose writes can be undone when the batch that made them throws. */
export interface Restorable {
  /** The batch that last journaled this node; it is journaled once per batch. */
  journaled: number
  snapshot(): unknown
  restore(snapshot: unknown): void
}

/** Open batch levels; writes check it to know whether to journal. */
export let depth = 0
/** True while queued notifications are being delivered. */
export let flushing = false
// Stryker disable next-line ArrayDeclaration: a slot is read only below `queued`, and `enqueue` writes it first
const queue: Array<Notifier | undefined> = []
let queued = 0
/** Queue entries whose subscribers have been invalidated; the rest are invalidated before the next run. */
let invalidated = 0
/** Notifications one flush may deliver before listeners writing stores back are taken for an endless loop. */
const MAX_NOTIFICATIONS = 100_000
// One flat undo list for all open levels: node, value before its first write in the level, node, value, …
// A level owns the entries from its start mark; an inner level that ends well leaves its entries to the outer one.
// Stryker disable next-line ArrayDeclaration: a slot is read only below `undoSize`, and `journal` writes it first
const undo: unknown[] = []
let undoSize = 0
/** The innermost open batch level, 0 outside any; every level gets a new number. */
export let level = 0
let levels = 0

/** Remember a store's value before its first write inside the innermost open batch. */
export function journal(node: Restorable): void {
  // Stryker disable next-line ConditionalExpression: journaling a node again only adds entries; the rollback replays newest first and ends at the oldest value anyway
  if (node.journaled === level) return
  node.journaled = level
  undo[undoSize++] = node
  undo[undoSize++] = node.snapshot()
}

/** A store that can tell its listeners about a change it has already compared (see `notifyNow`). */
export interface DirectNotifier {
  emitChange(): void
}

/** Notify `node` at once when nothing is batching or flushing (the common single write); else return false. */
// Stryker disable next-line BlockStatement: a fast path; without it the store enqueues itself, and that flush delivers the same notifications
export function notifyNow(node: DirectNotifier): boolean {
  // Stryker disable next-line ConditionalExpression: a fast path (see above); `true` sends every write through enqueue and its flush
  if (depth !== 0 || flushing) return false
  flushing = true
  try {
    node.emitChange()
  } catch (error) {
    flushing = false
    // Listeners that wrote still get their notifications; the first error is the one re-thrown.
    // Stryker disable next-line BlockStatement: store.ts `changed` (the only caller) also delivers what is queued when a direct write's walk throws
    try {
      // Stryker disable next-line ConditionalExpression,EqualityOperator: as above, store.ts `changed` flushes the queue when this does not
      if (queued > 0) flush()
    } catch {}
    throw error
  }
  flushing = false
  // Listeners that wrote queued their stores meanwhile.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: flushing an empty queue delivers nothing
  if (queued > 0) flush()
  // Stryker disable next-line BooleanLiteral: `false` makes the store enqueue itself too; its notify finds `notified` equal to the value and emits nothing
  return true
}

/** Before the first run of a flush, or at the end of a batch inside one: every `invalidate` runs before any `run`. */
function invalidate(): void {
  while (invalidated < queued) queue[invalidated++]!.invalidate()
}

export function enqueue(node: Notifier): void {
  if (node.queued) return
  node.queued = true
  queue[queued++] = node
  // Stryker disable next-line ConditionalExpression: every caller (store.ts `reach`, `addListener`) enqueues only while a batch or a flush is open, whose end flushes
  if (depth === 0 && !flushing) flush()
}

/**
 * Drop `list[from..size)` and return the new size. Setting `length` is a runtime call in V8, costlier than clearing a
 * few slots, so short lists keep their length and lose only their references; long ones are cut.
 */
function clear(list: unknown[], from: number, size: number): number {
  // Stryker disable next-line ConditionalExpression,EqualityOperator,BlockStatement: either way of clearing leaves the same slots unread; the threshold is about speed only
  if (size > 64) {
    list.length = from
    return from
  }
  // Stryker disable next-line ConditionalExpression,EqualityOperator: slots at and past `size` are never read; not clearing them only keeps references (memory, not behaviour)
  for (let i = from; i < size; i++) list[i] = undefined
  return from
}

/** Runs a flush's deliveries; an adapter may run them inside its framework's update queue (see `setDeliveryScheduler`). */
let scheduler: ((deliver: () => void) => void) | null = null
// Stryker disable next-line BooleanLiteral: `flush` sets `failed` to false before any delivery reads it
let failed = false
let failure: unknown

/**
 * Make every flush deliver its notifications through `schedule(deliver)`, which must call `deliver` synchronously
 * (`null` restores the default). `@context-action/svelte` runs them inside svelte/store's own update queue, so
 * svelte/store's `derived` stays glitch-free over core stores, as it is over Svelte's `writable`.
 * @example setDeliveryScheduler((deliver) => frameworkQueue.run(deliver))
 */
export function setDeliveryScheduler(schedule: ((deliver: () => void) => void) | null): void {
  if (schedule !== null) assertFunction('setDeliveryScheduler', 'the scheduler', schedule)
  scheduler = schedule
}

// Never throws (a scheduler need not guard it): the first error is kept for `flush` to re-throw.
function deliver(): void {
  // Listeners may write; their notifications join the end of this same loop.
  for (let i = 0; i < queued; i++) {
    const node = queue[i]!
    node.queued = false
    // The store notified last is the one a listener keeps writing (the queue is the loop's trail).
    // Stryker disable next-line EqualityOperator: the cut-off guards against endless loops; its exact count (one notification more or less) is not a documented promise
    if (i > MAX_NOTIFICATIONS) {
      failed = true
      failure = stateError(`${node.name}.setValue`, 'maximum recursive updates exceeded; does a listener keep writing this store?')
      break
    }
    try {
      node.notify()
    } catch (e) {
      if (!failed) {
        failed = true
        failure = e
      }
    }
  }
}

function flush(): void {
  flushing = true
  invalidate()
  failed = false
  try {
    if (scheduler === null) deliver()
    else scheduler(deliver)
  } finally {
    queued = clear(queue, 0, queued)
    invalidated = 0
    flushing = false
  }
  if (failed) {
    const error = failure
    // Stryker disable next-line BooleanLiteral: `flush` sets `failed` to false again before the next delivery reads it
    failed = false
    failure = undefined
    throw error
  }
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
  const outer = level
  const start = undoSize
  // Stryker disable next-line UpdateOperator: levels only need to be distinct and non-zero (0 means outside any batch); counting down gives -1, -2, …
  level = ++levels
  depth++
  let ok = false
  try {
    const result = fn()
    ok = true
    return result
  } finally {
    level = outer
    if (!ok && atomic) {
      // Newest first, so a node journaled again by a nested level ends at its oldest value.
      for (let i = undoSize - 2; i >= start; i -= 2) (undo[i] as Restorable).restore(undo[i + 1])
      undoSize = clear(undo, start, undoSize)
    } else if (depth === 1) undoSize = clear(undo, 0, undoSize)
    depth--
    // A batch that ends inside a flush leaves its notifications to that flush, announced now.
    // Stryker disable next-line ConditionalExpression,EqualityOperator: with an empty queue, `invalidate` and `flush` do nothing (`queued >= 0`, `true`)
    if (depth === 0 && queued > 0) {
      if (flushing) invalidate()
      else flush()
    }
  }
}
