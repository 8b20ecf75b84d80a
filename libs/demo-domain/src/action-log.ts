import { createStore, type ActionRegisterLike, type ActionPayloadMap, type DispatchEvent, type HandlerOutcome, type ReadableStore } from '@context-action/core'
import { formatPayload } from './format'

export interface ActionLogEntry {
  /** The register's dispatch id. */
  id: number
  action: string
  /** The payload as short readable text (`formatPayload`), `—` when there is none. */
  payload: string
  handlers: Array<{ id: string; outcome: HandlerOutcome; duration: number }>
  outcome: 'running' | 'completed' | 'aborted' | 'failed' | 'dropped'
  /** Milliseconds, once the dispatch ended. */
  duration?: number | undefined
  abortReason?: string | undefined
  /** The handler that called `controller.abort` (absent when a signal or a newer dispatch aborted it). */
  abortedBy?: string | undefined
  error?: string | undefined
  startedAt: number
}

/**
 * What one handler did in a dispatch, as a reader would say it: `ran`, `aborted it` (it called `controller.abort`),
 * `skipped` (never started: a handler before it stopped the dispatch, or its condition said no), `stopped` (it was
 * running when the dispatch was aborted from outside) or `failed`.
 */
export type HandlerStepLabel = 'ran' | 'aborted it' | 'skipped' | 'stopped' | 'failed'

export interface HandlerStep {
  id: string
  label: HandlerStepLabel
  /** Milliseconds the handler ran; absent when it never started. */
  duration?: number
}

export interface ActionLog {
  /** Oldest first, at most `limit` entries. */
  readonly entries: ReadableStore<ActionLogEntry[]>
  clear(): void
  stop(): void
}

function stepLabel(handler: ActionLogEntry['handlers'][number], abortedBy: string | undefined): HandlerStepLabel {
  if (handler.id === abortedBy) return 'aborted it'
  if (handler.outcome === 'completed') return 'ran'
  if (handler.outcome === 'failed') return 'failed'
  // The core reports a handler it never started (after an abort) as `aborted` with no running time.
  if (handler.outcome === 'skipped' || handler.duration <= 0) return 'skipped'
  return 'stopped'
}

/**
 * Each handler of a log entry with what it did (see `HandlerStepLabel`) and how long it ran.
 * @example handlerSteps(entry) // [{ id: 'validateUser', label: 'aborted it', duration: 0.1 }, { id: 'saveUser', label: 'skipped' }]
 */
export function handlerSteps(entry: ActionLogEntry): HandlerStep[] {
  return entry.handlers.map((handler) => {
    const label = stepLabel(handler, entry.abortedBy)
    return label === 'skipped' ? { id: handler.id, label } : { id: handler.id, label, duration: handler.duration }
  })
}

/**
 * The Handlers column of the log as one line: `id: what it did` per handler.
 * @example handlerSummary(entry) // "validateUser: aborted it, saveUser: skipped"
 */
export function handlerSummary(entry: ActionLogEntry): string {
  return handlerSteps(entry)
    .map(({ id, label }) => `${id}: ${label}`)
    .join(', ')
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * Record every dispatch of `register` (action, payload, handlers run, outcome, duration) in a store, fed by `observe`.
 * @example const log = createActionLog(register); log.entries.subscribe(render)
 */
export function createActionLog<T extends ActionPayloadMap>(register: ActionRegisterLike<T>, limit = 100): ActionLog {
  const entries = createStore<ActionLogEntry[]>([], { name: `${register.name}.log` })
  const patch = (id: number, change: (entry: ActionLogEntry) => ActionLogEntry) =>
    entries.update((list) => (list.some((entry) => entry.id === id) ? list.map((entry) => (entry.id === id ? change(entry) : entry)) : list))

  const onEvent = (event: DispatchEvent): void => {
    switch (event.type) {
      case 'start': {
        const entry: ActionLogEntry = {
          id: event.dispatchId,
          action: event.action,
          payload: formatPayload(event.payload),
          handlers: [],
          outcome: 'running',
          startedAt: event.time,
        }
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
