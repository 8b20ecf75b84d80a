import type { ActionRegister, DispatchEvent, StoreManager } from '@context-action/core'
import { setupDevtoolsPlugin } from '@vue/devtools-api'
import type { App } from 'vue'
import { contextHooks, type ProvidedEntry } from './context'
import { getCurrentScope, onScopeDispose } from './deps'
import { setIn } from './set-in'

// Module-scoped, so it does not clash with @types/node.
declare const process: { env: { NODE_ENV?: string } }

type DevtoolsApi = Parameters<Parameters<typeof setupDevtoolsPlugin>[1]>[0]

/** The id of the plugin's timeline layer in Vue devtools. */
export const DEVTOOLS_LAYER = 'context-action:dispatches'
/** The id of the plugin's inspector in Vue devtools. */
export const DEVTOOLS_INSPECTOR = 'context-action:contexts'

/**
 * Vue devtools for Context-Action: a timeline layer with every dispatch (payload, each handler's outcome, abort
 * reason, duration) and an inspector with each provided context's stores, live and editable. Does nothing in
 * production builds or on the server; install it before the contexts (`app.use(ContextActionDevtools)` first).
 * @example app.use(ContextActionDevtools).use(AppActions).use(AppStores)
 */
export const ContextActionDevtools = {
  install(app: App): void {
    // Read here, not imported: bundlers replace it with a constant, so production builds drop setupDevtools and
    // @vue/devtools-api.
    if (process.env.NODE_ENV !== 'production' && typeof window !== 'undefined') setupDevtools(app)
  },
}

/** Collects what the contexts provide and hands it to Vue devtools for `app`. */
function setupDevtools(app: App): void {
  let api: DevtoolsApi | undefined
  const entries = new Map<string, ProvidedEntry>()
  let count = 0
  const refresh = () => {
    api?.sendInspectorTree(DEVTOOLS_INSPECTOR)
    api?.sendInspectorState(DEVTOOLS_INSPECTOR)
  }

  contextHooks.provided = (entry) => {
    const id = `${entry.name}#${++count}`
    entries.set(id, entry)
    const stops = entry.kind === 'actions' ? [followDispatches(id, entry.value as ActionRegister<any>, () => api)] : followStores(entry.value as StoreManager<any>, refresh)
    refresh()
    // A Provider's or provide()'s entry ends with its component; an app's lasts as long as the app.
    if (getCurrentScope()) {
      onScopeDispose(() => {
        stops.forEach((stop) => stop())
        entries.delete(id)
        refresh()
      })
    }
  }
  app.onUnmount(() => {
    contextHooks.provided = undefined
  })

  setupDevtoolsPlugin(
    { id: 'context-action', label: 'Context-Action', packageName: '@context-action/vue', app, enableEarlyProxy: true },
    (devtools) => {
      api = devtools
      devtools.addTimelineLayer({ id: DEVTOOLS_LAYER, label: 'Context-Action dispatches', color: 0x42b883 })
      devtools.addInspector({ id: DEVTOOLS_INSPECTOR, label: 'Context-Action', icon: 'storage', treeFilterPlaceholder: 'Search contexts' })
      devtools.on.getInspectorTree((payload) => {
        if (payload.inspectorId !== DEVTOOLS_INSPECTOR) return
        payload.rootNodes = [...entries]
          .filter(([id]) => id.toLowerCase().includes(payload.filter.toLowerCase()))
          .map(([id, entry]) => ({ id, label: id, tags: [{ label: entry.kind, textColor: 0xffffff, backgroundColor: entry.kind === 'stores' ? 0x42b883 : 0x3b82f6 }] }))
      })
      devtools.on.getInspectorState((payload) => {
        const entry = payload.inspectorId === DEVTOOLS_INSPECTOR ? entries.get(payload.nodeId) : undefined
        if (entry !== undefined) payload.state = inspect(entry)
      })
      devtools.on.editInspectorState((payload) => {
        const entry = payload.inspectorId === DEVTOOLS_INSPECTOR ? entries.get(payload.nodeId) : undefined
        if (entry?.kind !== 'stores') return
        const [key, ...rest] = payload.path
        const store = (entry.value as StoreManager<any>).getStore(key)
        store.setValue(setIn(store.getValue(), rest, payload.state.value))
      })
    },
  )
}

/** What the inspector shows for one entry: store values (editable), or each action's handler count and status. */
function inspect(entry: ProvidedEntry): Record<string, Array<{ key: string; value: unknown; editable: boolean }>> {
  if (entry.kind === 'stores') {
    const manager = entry.value as StoreManager<any>
    return { stores: manager.keys.map((key) => ({ key, value: manager.getStore(key).getValue(), editable: true })) }
  }
  const register = entry.value as ActionRegister<any>
  return {
    actions: register.getRegisteredActions().map((action) => ({
      key: action,
      value: { handlers: register.getHandlerCount(action), status: register.getActionStatus(action).getValue() },
      editable: false,
    })),
  }
}

/** Re-send the inspector whenever a store of `manager` changes; returns the unsubscribes. */
function followStores(manager: StoreManager<any>, refresh: () => void): Array<() => void> {
  return manager.keys.map((key) => manager.getStore(key).listen(refresh))
}

/** One timeline event when a dispatch starts and one when it ends, grouped by dispatch. */
function followDispatches(context: string, register: ActionRegister<any>, api: () => DevtoolsApi | undefined): () => void {
  const started = new Map<number, { payload: unknown; abortReason?: string }>()
  const add = (title: string, subtitle: string, groupId: number, data: object, logType: 'default' | 'warning' | 'error' = 'default') => {
    const devtools = api()
    // Stryker disable next-line OptionalChaining: before the devtools connect there is nothing to show, and the core swallows an observer's error
    devtools?.addTimelineEvent({ layerId: DEVTOOLS_LAYER, event: { time: devtools.now(), title, subtitle, groupId, data, logType } })
  }
  return register.observe((event: DispatchEvent) => {
    if (event.type === 'start') {
      started.set(event.dispatchId, { payload: event.payload })
      add(event.action, 'start', event.dispatchId, { context, action: event.action, payload: event.payload })
    } else if (event.type === 'abort') {
      const run = started.get(event.dispatchId)
      // Stryker disable next-line ConditionalExpression: an abort of a dispatch that started before this observer only throws in the observer, which the core swallows
      if (run !== undefined) run.abortReason = event.reason
    } else if (event.type === 'end') {
      const run = started.get(event.dispatchId)
      started.delete(event.dispatchId)
      const logType = event.outcome === 'failed' ? 'error' : event.outcome === 'completed' ? 'default' : 'warning'
      add(event.action, event.outcome, event.dispatchId, {
        context,
        action: event.action,
        payload: run?.payload,
        outcome: event.outcome,
        abortReason: run?.abortReason,
        duration: event.duration,
        handlers: event.handlers.map((handler) => ({ id: handler.id, outcome: handler.outcome, duration: handler.duration })),
      }, logType)
    }
  })
}
