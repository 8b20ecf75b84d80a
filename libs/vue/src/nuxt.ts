import type { StoreManager } from '@context-action/core'
import { toRaw, type App } from 'vue'
import type { StoreContext } from './create-store-context'
// Not through ./deps: the root entry does not use toRaw, and its bundle should not name it.
import { describeValue } from './deps'
import { isDev } from './dev'
import { productionMessage } from './errors'

/**
 * The parts of Nuxt's `NuxtApp` (the argument of `defineNuxtPlugin`) this entry uses. Typed here, structurally, so
 * `@context-action/vue` does not depend on `nuxt`: pass the Nuxt app itself.
 */
export interface NuxtAppLike {
  /** The Vue app: one per request on the server, one per page load in the browser. */
  vueApp: App
  /** Serialized into the page on the server, read back in the browser before the app renders. */
  payload: Record<string, unknown>
  /** Set on the server only (the request being rendered); how this entry tells the server from the browser. */
  ssrContext?: unknown
  /** Nuxt's hooks; `app:rendered` runs on the server after the render, before the payload is serialized. */
  hook(name: 'app:rendered', callback: () => void): unknown
}

/** What `transferState` carries from the server to the browser: a `StoreManager`, or anything with the same two methods. */
export interface TransferableState<S extends object> {
  /** The values to send, as plain data (called on the server once the page is rendered). */
  snapshot(): S
  /** Write the values the page carried (called in the browser before the app renders). */
  hydrate(snapshot: Partial<S>): void
}

/** Options of `installStoreContext`. */
export interface InstallStoreContextOptions {
  /** The snapshot's name in the payload: the context's name by default; give two contexts of one name their own. */
  key?: string | undefined
}

/** The field of Nuxt's payload that holds the transferred snapshots, by key: `nuxtApp.payload.contextAction`. */
export const PAYLOAD_KEY = 'contextAction'

/** The keys already transferred, per Nuxt app (one per request on the server): a second use of a key is a mistake. */
const usedKeys = new WeakMap<object, Set<string>>()

function fail(fn: string, code: number, message: string): never {
  throw new TypeError(isDev ? `${fn}: ${message}` : productionMessage(fn, code))
}

function checkNuxtApp(fn: string, nuxtApp: unknown): asserts nuxtApp is NuxtAppLike {
  const app = nuxtApp as Partial<Record<keyof NuxtAppLike, unknown>> | null
  const valid = typeof app === 'object' && app !== null && typeof app.vueApp === 'object' && app.vueApp !== null && typeof app.payload === 'object' && app.payload !== null && typeof app.hook === 'function'
  if (!valid) fail(fn, 9, `expected the Nuxt app (the argument of defineNuxtPlugin), got ${describeValue(nuxtApp)}`)
}

function checkKey(fn: string, nuxtApp: NuxtAppLike, key: unknown): asserts key is string {
  if (typeof key !== 'string' || key === '') fail(fn, 10, `the key must be a non-empty string, got ${describeValue(key)}`)
  if (usedKeys.get(nuxtApp)?.has(key)) fail(fn, 11, `"${key}" is already transferred on this Nuxt app; give each store context its own key`)
}

/** The payload's bucket of snapshots, created on first use; an existing non-object is refused. */
function snapshots(fn: string, payload: Record<string, unknown>): Record<string, unknown> | undefined {
  const bucket = payload[PAYLOAD_KEY]
  if (bucket === undefined) return undefined
  if (typeof bucket !== 'object' || bucket === null || Array.isArray(bucket)) fail(fn, 12, `nuxtApp.payload.${PAYLOAD_KEY} must be an object of snapshots, got ${describeValue(bucket)}`)
  return bucket as Record<string, unknown>
}

/** Both halves of the transfer, once the arguments are checked. */
function transfer<S extends object>(fn: string, nuxtApp: NuxtAppLike, key: string, state: TransferableState<S>): boolean {
  const raw = toRaw(nuxtApp.payload)
  const found = snapshots(fn, raw)?.[key]
  const keys = usedKeys.get(nuxtApp) ?? new Set<string>()
  usedKeys.set(nuxtApp, keys.add(key))
  if (nuxtApp.ssrContext !== undefined) {
    // After the render: what the components loaded (onServerPrefetch, async setup) is in the stores by then, and
    // Nuxt serializes the payload after this hook.
    nuxtApp.hook('app:rendered', () => {
      const bucket = snapshots(fn, raw) ?? {}
      bucket[key] = state.snapshot()
      raw[PAYLOAD_KEY] = bucket
    })
    return false
  }
  if (found === undefined) return false
  // The browser's payload is reactive: hand the stores the plain values, not Vue proxies.
  state.hydrate(toRaw(found) as Partial<S>)
  return true
}

/**
 * In a Nuxt plugin: carry `state` (a `StoreManager`, or any `{ snapshot, hydrate }`) from the server render to the
 * browser. On the server, writes `state.snapshot()` into `nuxtApp.payload.contextAction[key]` once the page is
 * rendered; in the browser, hydrates `state` from it before the app renders. Returns true when the browser hydrated.
 * @example export default defineNuxtPlugin((nuxtApp) => { transferState(nuxtApp, 'cart', cartManager) })
 */
export function transferState<S extends object>(nuxtApp: NuxtAppLike, key: string, state: TransferableState<S>): boolean {
  const fn = 'transferState'
  checkNuxtApp(fn, nuxtApp)
  checkKey(fn, nuxtApp, key)
  const methods = state as Partial<Record<keyof TransferableState<S>, unknown>> | null
  if (typeof methods?.snapshot !== 'function' || typeof methods.hydrate !== 'function') {
    fail(fn, 13, `the state must have snapshot() and hydrate() (a StoreManager), got ${describeValue(state)}`)
  }
  return transfer(fn, nuxtApp, key, state)
}

/**
 * In a Nuxt plugin: provide a store context app-wide with fresh stores (the server makes a new app per request, so
 * every request gets its own), and carry their values from the server render to the browser (see `transferState`).
 * Returns the stores' manager, to load data into on the server or to hand to framework-free code.
 * @example export default defineNuxtPlugin((nuxtApp) => { installStoreContext(nuxtApp, Cart) })
 */
export function installStoreContext<V extends object>(
  nuxtApp: NuxtAppLike,
  context: StoreContext<V>,
  options: InstallStoreContextOptions = {},
): StoreManager<V> {
  const fn = 'installStoreContext'
  checkNuxtApp(fn, nuxtApp)
  const candidate = context as Partial<Record<keyof StoreContext<V>, unknown>> | null
  if (typeof candidate?.install !== 'function' || typeof candidate.useStoreManager !== 'function' || typeof candidate.name !== 'string') {
    fail(fn, 14, `expected a store context from createStoreContext, got ${describeValue(context)}`)
  }
  const key = options.key ?? context.name
  checkKey(fn, nuxtApp, key)
  // install, not app.use: Vue's use() skips a second install silently, install says so.
  context.install(nuxtApp.vueApp)
  const manager = nuxtApp.vueApp.runWithContext(() => context.useStoreManager())
  transfer(fn, nuxtApp, key, manager)
  return manager
}
