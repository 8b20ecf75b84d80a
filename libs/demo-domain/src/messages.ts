import { createStore, type ActionPayloadMap, type ActionRegisterLike, type DispatchEvent, type ReadableStore } from '@context-action/core'

/** Why the last of some actions did not go through, and which view sent it (the payload's `source`, when given). */
export interface ActionMessage {
  text: string
  action: string
  source?: string
}

export interface ActionMessageStore {
  readonly message: ReadableStore<ActionMessage | null>
  clear(): void
  stop(): void
}

const sourceOf = (payload: unknown): string | undefined => {
  if (typeof payload !== 'object' || payload === null) return undefined
  const source = (payload as { source?: unknown }).source
  return typeof source === 'string' ? source : undefined
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error))

/**
 * The message of whichever of `actions` finished last: its abort reason or error, `null` once one went through.
 * A dispatch dropped by its concurrency policy leaves the message as it was.
 * @example const { message } = createActionMessage(register, ['addToCart', 'processCheckout'], 'checkoutMessage')
 */
export function createActionMessage<T extends ActionPayloadMap>(register: ActionRegisterLike<T>, actions: ReadonlyArray<keyof T & string>, name: string): ActionMessageStore {
  const message = createStore<ActionMessage | null>(null, { name })
  const watched = new Set<string>(actions)
  const running = new Map<number, { source?: string | undefined; text?: string | undefined }>()

  const onEvent = (event: DispatchEvent): void => {
    if (!watched.has(event.action)) return
    switch (event.type) {
      case 'start':
        running.set(event.dispatchId, { source: sourceOf(event.payload) })
        return
      case 'abort': {
        const run = running.get(event.dispatchId)
        if (run !== undefined && event.reason !== undefined) run.text = event.reason
        return
      }
      case 'error': {
        const run = running.get(event.dispatchId)
        if (run !== undefined && run.text === undefined) run.text = errorText(event.error)
        return
      }
      case 'end': {
        const run = running.get(event.dispatchId)
        running.delete(event.dispatchId)
        if (run === undefined || event.outcome === 'dropped') return
        if (event.outcome === 'completed' || run.text === undefined) return message.setValue(null)
        const next: ActionMessage = { text: run.text, action: event.action }
        if (run.source !== undefined) next.source = run.source
        return message.setValue(next)
      }
    }
  }

  const stop = register.observe(onEvent)
  return { message, clear: () => message.setValue(null), stop }
}

/**
 * The text a view shows for `message`; a message sent by another view (another `source`) says where it came from.
 * @example messageText({ text: 'Name cannot be empty', action: 'updateSelectedUser', source: 'Svelte' }, 'Vue') // "Name cannot be empty (from the Svelte tree)"
 */
export function messageText(message: ActionMessage | null, viewer: string): string {
  if (message === null) return ''
  if (message.source === undefined || message.source === viewer) return message.text
  return `${message.text} (from the ${message.source} tree)`
}
