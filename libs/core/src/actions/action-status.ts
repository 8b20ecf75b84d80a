import type { ActionStatus } from './action-types'
import { toError } from './dispatch-result'
import { shallowEqual } from '../stores/equality'
import { createStore, nodeOf, readable, type ReadableStore, type Store } from '../stores/store'

/** How a dispatch that ran ended, as far as the status cares. */
export interface DispatchEnding {
  failed: boolean
  error: unknown
  aborted: boolean
  abortReason: string | undefined
}

/** One action's running count and status store; `begin` hands it out, and `end` takes it back. */
export interface StatusEntry {
  running: number
  store?: Store<ActionStatus>
  view?: ReadableStore<ActionStatus>
}

/** Running counts per action, and a status store only for the actions someone asked about. */
export class ActionStatusBook {
  /** Kept while a dispatch of the action runs, once its store exists, or as long as the dispatcher asks. */
  private readonly entries = new Map<string, StatusEntry>()

  constructor(private readonly owner: string) {}

  private entry(action: string): StatusEntry {
    let entry = this.entries.get(action)
    if (entry === undefined) this.entries.set(action, (entry = { running: 0 }))
    return entry
  }

  get(action: string): ReadableStore<ActionStatus> {
    const entry = this.entry(action)
    const { running } = entry
    // Made on the first request: `begin` and `end` write the store, callers get its read-only view.
    return (entry.view ??= readable(
      nodeOf(
        (entry.store = createStore<ActionStatus>(
          { running, pending: running > 0, lastError: undefined, lastAbortReason: undefined },
          { name: `${this.owner}.status.${action}`, equals: shallowEqual },
        )),
      )!,
    ))
  }

  /** A dispatch of `action` starts; what it returns goes to `end` (it stays while the dispatch runs, see `forget`). */
  begin(action: string): StatusEntry {
    const entry = this.entry(action)
    const running = ++entry.running
    entry.store?.setValue({ ...entry.store.getValue(), running, pending: true })
    return entry
  }

  /**
   * Drop the idle count of an action that lost its handlers (its status store, if someone holds it, stays); `false`
   * while a dispatch of it is between its `begin` and its `end`.
   */
  forget(action: string): boolean {
    const entry = this.entries.get(action)
    if (entry === undefined) return true
    if (entry.running > 0) return false
    if (entry.store === undefined) this.entries.delete(action)
    return true
  }

  /**
   * The idle count stays, for an action that will run again (see `forget`). A dispatch a newer one `superseded`
   * (takeLatest) only stops running: its abort is no news for a view, and the newer dispatch reports.
   */
  end(entry: StatusEntry, ending: DispatchEnding, superseded?: boolean): void {
    const { store } = entry
    const running = --entry.running
    if (store === undefined) return
    // A success clears both; a failure or an abort keeps the other one.
    const previous = ending.failed || ending.aborted ? store.getValue() : undefined
    store.setValue({
      running,
      pending: running > 0,
      // A handler that threw nothing (undefined or null) still failed: the view gets an Error it can tell from success.
      lastError: ending.failed ? (ending.error ?? toError(ending.error)) : previous?.lastError,
      lastAbortReason: ending.aborted && !superseded ? ending.abortReason : previous?.lastAbortReason,
    })
  }
}
