import { createStore, type ActionRegisterLike, type ActionPayloadMap, type DispatchEvent, type HandlerOutcome, type ReadableStore } from '@context-action/core'

export interface ActionLogEntry {
  /** The register's dispatch id. */
  id: number
  action: string
  handlers: Array<{ id: string; outcome: HandlerOutcome; duration: number }>
  outcome: 'running' | 'completed' | 'aborted' | 'failed' | 'dropped'
  /** Milliseconds, once the dispatch ended. */
  duration?: number
  abortReason?: string
  /** The handler that called `controller.abort` (absent when a signal or a newer dispatch aborted it). */
  abortedBy?: string
  error?: string
  startedAt: number
}

export interface ActionLog {
  /** Oldest first, at most `limit` entries. */
  readonly entries: ReadableStore<ActionLogEntry[]>
  clear(): void
  stop(): void
}

/**
 * The Handlers column of the log: `id: outcome` per handler; the one that stopped the dispatch says so, because its
 * own outcome is `completed` and the handler after it shows `aborted`.
 * @example handlerSummary(entry) // "validateUser: completed (called abort), saveUser: aborted"
 */
export function handlerSummary(entry: ActionLogEntry): string {
  return entry.handlers.map(({ id, outcome }) => `${id}: ${outcome}${id === entry.abortedBy ? ' (called abort)' : ''}`).join(', ')
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * Record every dispatch of `register` (action, handlers run, outcome, duration) in a store, fed by `observe`.
 * @example const log = createActionLog(register); log.entries.subscribe(render)
 */
export function createActionLog<T extends ActionPayloadMap>(register: ActionRegisterLike<T>, limit = 100): ActionLog {
  const entries = createStore<ActionLogEntry[]>([], { name: `${register.name}.log` })
  const patch = (id: number, change: (entry: ActionLogEntry) => ActionLogEntry) =>
    entries.update((list) => (list.some((entry) => entry.id === id) ? list.map((entry) => (entry.id === id ? change(entry) : entry)) : list))

  const onEvent = (event: DispatchEvent): void => {
    switch (event.type) {
      case 'start': {
        const entry: ActionLogEntry = { id: event.dispatchId, action: event.action, handlers: [], outcome: 'running', startedAt: event.time }
        entries.update((list) => [...list.slice(Math.max(0, list.length - limit + 1)), entry])
        return
      }
      case 'handler':
        return patch(event.dispatchId, (e) => ({ ...e, handlers: [...e.handlers, { id: event.handlerId, outcome: event.outcome, duration: event.duration }] }))
      case 'abort':
        return patch(event.dispatchId, (e) => ({ ...e, abortReason: event.reason, abortedBy: event.handlerId }))
      case 'error':
        return patch(event.dispatchId, (e) => ({ ...e, error: message(event.error) }))
      case 'end':
        return patch(event.dispatchId, (e) => ({ ...e, outcome: event.outcome, duration: event.duration, handlers: event.handlers.map(({ id, outcome, duration }) => ({ id, outcome, duration })) }))
    }
  }

  const stop = register.observe(onEvent)
  return { entries, clear: () => entries.setValue([]), stop }
}
