import { batch, defer, depth, journal } from '../stores/batch'
import { argumentError, assertDelay, assertFunction, assertShape, describe, stateError } from '../shared/errors'
import { nodesOf, tracking, writable, type Store, type StoreNode } from '../stores/store'

type Updater = (value: any) => any

/** One write to a store while a transaction touching it was in progress; `tx` null = an outside write. */
interface Entry {
  tx: Transaction | null
  value: unknown
  updater: Updater | undefined
}

/**
 * Writes to one store since the first transaction write to it, led by an outside "write" of the value from before
 * them: rollback replays them without the failed ones.
 */
type Log = Entry[]

interface Transaction {
  parent: Transaction | null
  nodes: Set<StoreNode<any>>
  touched: Set<StoreNode<any>>
  active: boolean
  /** Set when it ends: whether it was rolled back. */
  failed: boolean
}

/** Options of `transaction`: a signal and a timeout that roll a pending body back. */
export interface TransactionOptions {
  /** Aborting it rolls a pending body back; the call rejects with the signal's reason (an `AbortError`). */
  signal?: AbortSignal | undefined
  /** Milliseconds after which a pending body is rolled back; the call rejects with a `TimeoutError`. */
  timeout?: number | undefined
}

const OPTIONS = new Set(['signal', 'timeout'])
const TX: unique symbol = Symbol('context-action.transaction')
const logs = new Map<StoreNode<any>, Log>()
/** The transaction whose synchronous part is running, so direct writes in it can be attributed. */
let current: Transaction | null = null

class LogMark {
  constructor(
    readonly value: unknown,
    readonly length: number,
  ) {}
}

tracking.snapshot = (node) => new LogMark(node.value, logs.get(node)?.length ?? 0)
tracking.restore = (node, snapshot) => {
  // A batch that threw is undone: its logged writes never happened either. No mark: no transaction was active at the
  // store's first write in the batch, so its log (if any) is all newer.
  const mark = snapshot instanceof LogMark ? snapshot : new LogMark(snapshot, 0)
  const log = logs.get(node)
  if (log) {
    log.splice(mark.length)
    // Nothing left after the value from before, or a log opened inside the undone batch (whose first value no longer
    // exists): the log starts from the value restored.
    if (log.length < 2) log[0] = { tx: null, value: mark.value, updater: undefined }
  }
  return mark.value
}
// `tx`: the transaction whose view was written through (`writable`'s owner), or null for a direct write.
tracking.record = ((node, value, updater, tx: Transaction | null) => {
  if (tx?.active === false) {
    throw stateError(`${node.name}.setValue`, 'this store view belongs to a transaction that has ended; write to the store itself')
  }
  for (let scope = current; !tx && scope; scope = scope.parent) {
    if (scope.nodes.has(node)) tx = scope
  }
  let log = logs.get(node)
  if (!log) {
    if (!tx) return
    log = [{ tx: null, value: node.value, updater: undefined }]
    logs.set(node, log)
  }
  log.push({ tx, value, updater })
  tx?.touched.add(node)
}) as typeof tracking.record

/** Whether an ancestor that ended before `tx` was rolled back (then `tx`, which wrote inside it, is rolled back too). */
function orphaned(tx: Transaction): boolean {
  for (let parent = tx.parent; parent && !parent.active; parent = parent.parent) if (parent.failed) return true
  return false
}

function settle(tx: Transaction, failed = false): void {
  tx.active = false
  tx.failed = failed
  tracking.active--
  // A committed transaction hands its writes to the nearest ancestor still running (ancestors that ended before it
  // committed: see `orphaned`), so a rollback of that one undoes them; with none, they are final.
  let heir = tx.parent
  while (heir && !heir.active) heir = heir.parent
  const errors: unknown[] = []
  for (const node of tx.touched) {
    let log = logs.get(node)
    if (!log) continue
    if (failed) {
      logs.set(node, (log = log.filter((entry) => entry.tx !== tx)))
      // Replay what is left, starting from the value from before.
      try {
        let value
        for (const entry of log) value = entry.updater ? entry.updater(value) : entry.value
        if (!node.equals(node.value, value)) {
          // Set without the write log's bookkeeping: the log is what is being replayed.
          // Stryker disable next-line ConditionalExpression: a failed settle runs only inside rollback's batch, where depth is never 0 (`true`)
          if (depth !== 0) journal(node)
          node.value = value
          node.changed()
        }
      } catch (error) {
        errors.push(error)
      }
    } else {
      for (const entry of log) if (entry.tx === tx) entry.tx = heir
      heir?.touched.add(node)
    }
    // Only outside writes left: nothing to roll back any more.
    if (!log.some((entry) => entry.tx)) logs.delete(node)
  }
  if (!tracking.active) logs.clear()
  if (errors.length) throw new AggregateError(errors, 'transaction: an updater failed while replaying writes during rollback')
}

/** Roll `tx` back; returns what its caller gets: `error`, or both errors when the replay failed too. */
function rollback(tx: Transaction, error: unknown): unknown {
  try {
    batch(() => settle(tx, true))
  } catch (replayError) {
    return new AggregateError([error, replayError], 'transaction: rollback was incomplete', { cause: error })
  }
  return error
}

/**
 * Run `body` so that, if it throws or rejects, every write it made to the listed stores is undone while writes
 * made by anyone else in the meantime are kept (the remaining writes are replayed on the value from before).
 * The body receives views of the stores; writes through them, or made directly before the first `await`,
 * belong to the transaction. Sync bodies return synchronously; async bodies return their promise.
 * While a body is pending, every write to the stores it wrote is kept for the replay: bound a body that may hang
 * with `options.timeout` or `options.signal` (either rolls it back and rejects; its later view writes throw).
 * The views are typed from `stores` alone, and a body may declare fewer parameters than there are stores.
 * @example await transaction([cart, inventory], async (cart, inventory) => { cart.setValue(empty); await pay() })
 */
export function transaction<const S extends readonly Store<any>[], R>(stores: S, body: (...stores: { [I in keyof S]: NoInfer<S[I]> }) => R, options?: TransactionOptions): R {
  const nodes = nodesOf('transaction', stores)
  assertFunction('transaction', 'body', body)
  const { signal, timeout } = options ?? {}
  if (options !== undefined) assertShape('transaction', 'options', options, OPTIONS, 'option', 'options')
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw argumentError('transaction', `options.signal must be an AbortSignal, got ${describe(signal)}`)
  assertDelay('transaction', 'options.timeout', timeout)
  // Like fetch: an aborted signal refuses the call before the body runs.
  if (signal?.aborted) throw signal.reason
  const tx: Transaction = { parent: current, nodes: new Set(nodes), touched: new Set(), active: true, failed: false }
  const views = nodes.map((node, i) => {
    if (node.readOnly) throw argumentError('transaction', `stores[${i}] ("${node.name}") is read-only (a computed store, or a store of another library); list the stores it comes from`)
    // Outside any transaction's synchronous part, the first listed view of a running one makes this one nested in it.
    const owner = (stores[i] as { [TX]?: Transaction })[TX]
    tx.parent ??= owner?.active ? owner : null
    return Object.assign(writable(node, tx), { [TX]: tx })
  }) as unknown as S
  tracking.active++

  const outer = current
  current = tx
  let result!: R
  /** What the body threw (after its rollback), and what a listener threw as the sync part's writes were delivered. */
  let failure: [unknown] | undefined
  let heard: [unknown] | undefined
  try {
    // The sync part's writes and, if it throws, their rollback share one deferral: listeners hear only the net change.
    defer(() => {
      try {
        result = body(...views)
      } catch (error) {
        current = outer
        failure = [rollback(tx, error)]
      } finally {
        current = outer
      }
    })
  } catch (error) {
    // A listener threw as the deferral ended. As with `setValue`, the writes stand and the writer hears of it once the
    // transaction has ended; a pending body goes on, and still rolls back if it fails.
    heard = [error]
  }
  if (failure) throw failure[0]
  if (typeof (result as PromiseLike<unknown>)?.then === 'function') {
    return new Promise((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined
      // The first of the body, the signal and the timer settles the transaction; the others find it ended.
      const end = (ok: boolean, outcome: unknown) => {
        if (!tx.active) return
        clearTimeout(timer)
        signal?.removeEventListener('abort', abort)
        if (ok && !orphaned(tx)) {
          settle(tx)
          return heard ? reject(heard[0]) : resolve(outcome)
        }
        // Nested in a transaction that was rolled back while this one ran: its writes go too, and the caller hears why.
        reject(rollback(tx, ok ? stateError('transaction', 'the transaction it was nested in was rolled back while it ran; its writes are undone too') : outcome))
      }
      const abort = () => end(false, signal!.reason)
      signal?.addEventListener('abort', abort)
      if (timeout !== undefined) timer = setTimeout(() => end(false, new DOMException(`transaction: timed out after ${timeout} ms`, 'TimeoutError')), timeout)
      Promise.resolve(result).then((value) => end(true, value), (error) => end(false, error))
    }) as R
  }
  settle(tx)
  if (heard) throw heard[0]
  return result
}
