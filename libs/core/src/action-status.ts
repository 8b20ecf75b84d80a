import type { ActionStatus } from './action-types'
import { shallowEqual } from './equality'
import { createStore, nodeOf, readable, type ReadableStore, type Store } from './store'

/** How a dispatch that ran ended, as far as the status cares. */
export interface DispatchEnding {
  failed: boolean
  error: unknown
  aborted: boolean
  abortReason: string | undefined
}

/** Running counts per action, and a status store only for the actions someone asked about. */
export class ActionStatusBook {
  private readonly stores = new Map<string, { store: Store<ActionStatus>; view: ReadableStore<ActionStatus> }>()
  private readonly running = new Map<string, number>()

  constructor(private readonly owner: string) {}

  get(action: string): ReadableStore<ActionStatus> {
    let entry = this.stores.get(action)
    if (entry === undefined) {
      const running = this.running.get(action) ?? 0
      const initial: ActionStatus = { running, pending: running > 0, lastError: undefined, lastAbortReason: undefined }
      const store = createStore<ActionStatus>(initial, { name: `${this.owner}.status.${action}`, equals: shallowEqual })
      entry = { store, view: readable(nodeOf(store)!) }
      this.stores.set(action, entry)
    }
    return entry.view
  }

  begin(action: string): void {
    const running = (this.running.get(action) ?? 0) + 1
    this.running.set(action, running)
    const store = this.stores.get(action)?.store
    if (store !== undefined) store.setValue({ ...store.getValue(), running, pending: true })
  }

  end(action: string, ending: DispatchEnding): void {
    const running = (this.running.get(action) ?? 1) - 1
    if (running === 0) this.running.delete(action)
    else this.running.set(action, running)
    const store = this.stores.get(action)?.store
    if (store === undefined) return
    const previous = store.getValue()
    const success = !ending.failed && !ending.aborted
    store.setValue({
      running,
      pending: running > 0,
      lastError: ending.failed ? ending.error : success ? undefined : previous.lastError,
      lastAbortReason: ending.aborted ? ending.abortReason : success ? undefined : previous.lastAbortReason,
    })
  }
}
