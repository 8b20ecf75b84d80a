import type { ActionRegister, DispatchEvent, StoreManager } from '@context-action/core'
import { setupDevtoolsPlugin } from '@vue/devtools-api'
import type { App } from 'vue'
import { contextHooks, type ProvidedEntry } from './context'
import { getCurrentInstance, getCurrentScope, onScopeDispose } from './deps'
import { removeIn, renameIn, setIn } from './set-in'

// Module-scoped, so it does not clash with @types/node.
declare const process: { env: { NODE_ENV?: string } }

type DevtoolsApi = Parameters<Parameters<typeof setupDevtoolsPlugin>[1]>[0]

/** The id of the plugin's timeline layer in Vue devtools. */
export const DEVTOOLS_LAYER = 'context-action:dispatches'
/** The id of the plugin's inspector in Vue devtools. */
export const DEVTOOLS_INSPECTOR = 'context-action:contexts'
/** Where Vue devtools' "View Documentation" leads. */
const HOMEPAGE = 'https://github.com/context-action/context-action-vue-svelte/blob/main/docs/vue.md#devtools'

/**
 * Vue devtools for Context-Action: a timeline layer with every dispatch (payload, each handler's outcome, abort
 * reason or error, duration) and an inspector with each provided context's stores, live and editable. Does nothing in
 * production builds or on the server. Install it in each app that should have it, before or after the app-wide
 * contexts: each app's devtools show the contexts provided in that app.
 * @example app.use(ContextActionDevtools).use(AppActions).use(AppStores)
 */
export const ContextActionDevtools = {
  install(app: App): void {
    // Read here, not imported: bundlers replace it with a constant, so production builds drop setupDevtools and
    // @vue/devtools-api.
    if (process.env.NODE_ENV !== 'production' && typeof window !== 'undefined') setupDevtools(app)
  },
}

/** Each app that installed the plugin, with what it does with a context provided in it. */
const apps = new Map<App, (entry: ProvidedEntry) => void>()

/**
 * The one page-wide hook, shared by every app that installed the plugin: a context goes to the devtools of the app it
 * was provided in (`app.use` passes its app; a component's is its instance's), so apps on one page stay apart.
 */
function announce(name: string, kind: ProvidedEntry['kind'], value: object, app = getCurrentInstance()!.appContext.app): void {
  // An app on the page without the plugin has no entry.
  apps.get(app)?.({ name, kind, value })
}

/** Collects what the contexts provide in `app` and hands it to Vue devtools for `app`. */
function setupDevtools(app: App): void {
  let api: DevtoolsApi | undefined
  const entries = new Map<string, { entry: ProvidedEntry; stop: () => void }>()
  let count = 0
  // Vue devtools debounces what plugins re-send, so sending at every store change and dispatch start / end is fine.
  const resendState = () => api?.sendInspectorState(DEVTOOLS_INSPECTOR)
  const refresh = () => {
    api?.sendInspectorTree(DEVTOOLS_INSPECTOR)
    resendState()
  }
  // Called twice for a component's entry when its app unmounts (the app's cleanup runs before its components unmount).
  const remove = (id: string) => {
    entries.get(id)?.stop()
    entries.delete(id)
  }
  // Vue devtools calls every plugin's handlers with the app it shows; a host that names no app is answered too.
  const mine = (payload: { inspectorId: string; app?: unknown }) => payload.inspectorId === DEVTOOLS_INSPECTOR && (payload.app === undefined || payload.app === app)
  const storesOf = (nodeId: string) => {
    const entry = entries.get(nodeId)?.entry
    return entry?.kind === 'stores' ? (entry.value as StoreManager<any>) : undefined
  }

  apps.set(app, (entry) => {
    const id = `${entry.name}#${++count}`
    const stops = entry.kind === 'actions' ? [followDispatches(id, entry.value as ActionRegister<any>, () => api, resendState)] : followStores(entry.value as StoreManager<any>, refresh)
    entries.set(id, { entry, stop: () => stops.forEach((stop) => stop()) })
    refresh()
    // A Provider's or provide()'s entry ends with its component; an app's when the app unmounts (below).
    if (getCurrentScope()) {
      onScopeDispose(() => {
        remove(id)
        refresh()
      })
    }
  })
  contextHooks.provided = announce
  // Contexts installed app-wide before the plugin (`app.use(Ctx).use(ContextActionDevtools)`) announced themselves to
  // nobody: they are among what the app provides, under a key named `<name>.<kind>` (see context.ts).
  const provides = app._context.provides as Record<symbol, unknown>
  for (const key of Object.getOwnPropertySymbols(provides)) {
    // Stryker disable next-line Regex,ArrayDeclaration,StringLiteral: without `^` the greedy `.+` still matches from the start; any array without a second and third item, or any text without a dot, names nothing
    const [, name, kind] = /^(.+)\.(actions|stores)$/.exec(key.description ?? '') ?? []
    const value = provides[key] as Partial<StoreManager<any> & ActionRegister<any>> | null
    const fits = kind === 'stores' ? typeof value?.getStore === 'function' : typeof value?.observe === 'function'
    if (name !== undefined && fits) apps.get(app)!({ name, kind: kind as ProvidedEntry['kind'], value: value! })
  }
  app.onUnmount(() => {
    // Only this app's contexts go: other apps on the page keep their devtools.
    apps.delete(app)
    if (apps.size === 0) contextHooks.provided = undefined
    for (const id of [...entries.keys()]) remove(id)
  })

  setupDevtoolsPlugin(
    { id: 'context-action', label: 'Context-Action', packageName: '@context-action/vue', homepage: HOMEPAGE, app, enableEarlyProxy: true },
    (devtools) => {
      api = devtools
      devtools.addTimelineLayer({ id: DEVTOOLS_LAYER, label: 'Context-Action dispatches', color: 0x42b883 })
      devtools.addInspector({ id: DEVTOOLS_INSPECTOR, label: 'Context-Action', icon: 'storage', treeFilterPlaceholder: 'Search contexts' })
      devtools.on.getInspectorTree((payload) => {
        if (!mine(payload)) return
        payload.rootNodes = [...entries]
          .filter(([id]) => id.toLowerCase().includes(payload.filter.toLowerCase()))
          .map(([id, { entry }]) => ({ id, label: id, tags: [{ label: entry.kind, textColor: 0xffffff, backgroundColor: entry.kind === 'stores' ? 0x42b883 : 0x3b82f6 }] }))
      })
      devtools.on.getInspectorState((payload) => {
        const entry = mine(payload) ? entries.get(payload.nodeId)?.entry : undefined
        if (entry !== undefined) payload.state = inspect(entry)
      })
      devtools.on.editInspectorState((payload) => {
        const manager = mine(payload) ? storesOf(payload.nodeId) : undefined
        if (manager === undefined) return
        const [key, ...rest] = payload.path
        const { state } = payload
        // Vue devtools deletes (`remove`) and renames (`newKey`) entries inside a store's value; a store itself is neither.
        if (rest.length === 0 && (state.remove || state.newKey)) return
        const store = manager.getStore(key)
        const value = store.getValue()
        // Always a new value through setValue, so the store's listeners and equality see the change.
        store.setValue(state.remove ? removeIn(value, rest) : state.newKey ? renameIn(value, rest, state.newKey, state.value) : setIn(value, rest, state.value))
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

/** The message of a handler's error, for the timeline (an `Error`'s message, else the thrown value as text). */
function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Milliseconds to two decimals: what a person reads in the timeline (the clock's own digits are noise there). */
const ms = (duration: number): number => Math.round(duration * 100) / 100

/** `data` without its undefined fields, which devtools would list as `undefined` on every event. */
function defined(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined))
}

/**
 * One timeline event when a dispatch starts and one when it ends, grouped by dispatch; `changed` is called at both,
 * as the inspector's running / pending status of the action changes then. The end's subtitle says why a dispatch
 * did not complete (Vue devtools 7 and 8 do not colour events by `logType`).
 */
function followDispatches(context: string, register: ActionRegister<any>, api: () => DevtoolsApi | undefined, changed: () => void): () => void {
  const started = new Map<number, { payload: unknown; abortReason?: string | undefined; abortedBy?: string | undefined; error?: string }>()
  const add = (title: string, subtitle: string, groupId: number, data: object, logType: 'default' | 'warning' | 'error' = 'default') => {
    const devtools = api()
    // Stryker disable next-line OptionalChaining: before the devtools connect there is nothing to show, and the core swallows an observer's error
    devtools?.addTimelineEvent({ layerId: DEVTOOLS_LAYER, event: { time: devtools.now(), title, subtitle, groupId, data, logType } })
  }
  return register.observe((event: DispatchEvent) => {
    if (event.type === 'start') {
      started.set(event.dispatchId, { payload: event.payload })
      add(event.action, 'start', event.dispatchId, { context, action: event.action, payload: event.payload })
      changed()
    } else if (event.type === 'abort') {
      const run = started.get(event.dispatchId)
      // Stryker disable next-line ConditionalExpression: an abort of a dispatch that started before this observer only throws in the observer, which the core swallows
      if (run !== undefined) {
        run.abortReason = event.reason
        // The handler that called `controller.abort`, when one did (not a signal or a newer dispatch).
        run.abortedBy = event.handlerId
      }
    } else if (event.type === 'error') {
      const run = started.get(event.dispatchId)
      // The first error, as dispatchWithResult reports it.
      // Stryker disable next-line ConditionalExpression: as above, an error of a dispatch that started before this observer only throws in the observer, which the core swallows
      if (run !== undefined && run.error === undefined) run.error = messageOf(event.error)
    } else if (event.type === 'end') {
      const run = started.get(event.dispatchId)
      started.delete(event.dispatchId)
      const logType = event.outcome === 'failed' ? 'error' : event.outcome === 'completed' ? 'default' : 'warning'
      // A `dropped` dispatch (throttle, debounce, takeFirst) tells its reason in its `end` event.
      const abortReason = event.reason ?? run?.abortReason
      // A completed dispatch has no abort reason.
      const why = event.outcome === 'failed' ? run?.error : abortReason
      const data = defined({
        context,
        action: event.action,
        payload: run?.payload,
        outcome: event.outcome,
        abortReason,
        abortedBy: run?.abortedBy,
        error: run?.error,
        durationMs: ms(event.duration),
        handlers: event.handlers.map((handler) => ({ id: handler.id, outcome: handler.outcome, durationMs: ms(handler.duration) })),
      })
      add(event.action, why === undefined ? event.outcome : `${event.outcome}: ${why}`, event.dispatchId, data, logType)
      changed()
    }
  })
}
