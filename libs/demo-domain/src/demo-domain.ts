import { ActionRegister, batch, type Cache, type ReadableStore, type Store, type StoreDefinitions } from '@context-action/core'
import { createActionLog, type ActionLogEntry } from './action-log'
import { setupCheckout } from './checkout'
import type { DemoActions } from './demo-actions'
import { messageOf } from './errors'
import { createActionMessage, type ActionMessage } from './messages'
import { setupMasterDetail, type MasterDetailStores } from './master-detail'
import { setupProcessOrder, type SagaStep } from './process-order'
import { setupSettings } from './settings'
import { createShopStores, setupShop, type ShopStores } from './shop'
import { createUserCache, setupUserCache, type UserCacheStores } from './user-cache'
import type { DemoApi, Settings, User } from './types'

export interface DemoDomainOptions {
  /** The HTTP API client (or any object with the same methods). */
  api: DemoApi
  /** How long an opened user stays fresh in the cache; forever by default. */
  cacheTtl?: number
  staleWhileRevalidate?: boolean
  /** Maximum number of action log entries (default 100). */
  logLimit?: number
  now?: () => number
  /**
   * Stores to build the domain over instead of its own, for the state a server render hands to the client: a store
   * manager's (from `demoStateDefinitions`), so its `snapshot()` holds what the domain loaded and `hydrate` seeds it.
   */
  stores?: { [K in keyof DemoState]?: Store<DemoState[K]> }
}

/** The part of the domain's state that a server render loads and hands to the client: plain data. */
export type DemoState = {
  users: User[]
  selectedUser: User | null
  settings: Settings
}

/**
 * `DemoState` as store definitions, starting where the domain's own stores start.
 * @example const manager = createStoreManager('DemoState', demoStateDefinitions); createDemoDomain({ api, stores: { users: manager.getStore('users') } })
 */
export const demoStateDefinitions: StoreDefinitions<DemoState> = Object.freeze({
  users: { initialValue: [] },
  selectedUser: { initialValue: null },
  settings: { initialValue: { latencyMs: 0, failureRate: 0, failPayments: false } },
})

function checkStores(stores: unknown): NonNullable<DemoDomainOptions['stores']> {
  if (stores === undefined) return {}
  if (typeof stores !== 'object' || stores === null) throw new TypeError(`createDemoDomain: options.stores must be an object of stores, got ${String(stores)}`)
  for (const [key, store] of Object.entries(stores)) {
    if (!Object.hasOwn(demoStateDefinitions, key)) {
      throw new TypeError(`createDemoDomain: options.stores.${key} is not a store the domain takes; it takes ${Object.keys(demoStateDefinitions).join(', ')}`)
    }
    const methods = store as Partial<Record<'getValue' | 'setValue' | 'subscribe', unknown>> | null
    if (typeof methods?.getValue !== 'function' || typeof methods.setValue !== 'function' || typeof methods.subscribe !== 'function') {
      throw new TypeError(`createDemoDomain: options.stores.${key} must be a writable store (getValue, setValue, subscribe)`)
    }
  }
  return stores as NonNullable<DemoDomainOptions['stores']>
}

export interface DemoStores extends MasterDetailStores, UserCacheStores, ShopStores {
  orderSteps: ReadableStore<SagaStep[]>
  settings: ReadableStore<Settings>
  /** Every dispatch: action, payload, handlers run, outcome, duration (oldest first). */
  log: ReadableStore<ActionLogEntry[]>
  /** Why the last `updateSelectedUser` did not go through, and which view sent it; `null` once one did. */
  detailMessage: ReadableStore<ActionMessage | null>
  /** The same for whichever of `addToCart`, `processCheckout` and `processOrder` finished last. */
  checkoutMessage: ReadableStore<ActionMessage | null>
}

export interface DemoDomain {
  register: ActionRegister<DemoActions>
  /** `register.dispatch`, safe to pass around. */
  dispatch: ActionRegister<DemoActions>['dispatch']
  stores: DemoStores
  userCache: Cache<string, User>
  /** Stop logging, abort running requests, unregister every handler. */
  dispose(): void
}

/**
 * One independent instance of the demo: stores, the user cache, an ActionRegister with every handler, and the log.
 * @example const domain = createDemoDomain({ api: createApiClient() }); await domain.dispatch('loadUsers')
 */
export function createDemoDomain(options: DemoDomainOptions): DemoDomain {
  const { api, now = Date.now } = options
  if (typeof api !== 'object' || api === null) throw new TypeError('createDemoDomain: options.api must be the API client')
  const given = checkStores(options.stores)
  const register = new ActionRegister<DemoActions>({ name: 'demo' })
  const log = createActionLog(register, options.logLimit)
  const userCache = createUserCache(api, { ttl: options.cacheTtl, staleWhileRevalidate: options.staleWhileRevalidate, now })
  const shop = createShopStores()
  const masterDetail = setupMasterDetail(register, api, userCache, now, given)
  const cacheStores = setupUserCache(register, userCache, masterDetail.users)
  setupShop(register, api, userCache, shop)
  setupCheckout(register, api, shop, now)
  const orderSteps = setupProcessOrder(register, api, shop)
  const settings = setupSettings(register, api, given.settings)
  const detailMessage = createActionMessage(register, ['updateSelectedUser'], 'detailMessage')
  const checkoutMessage = createActionMessage(register, ['addToCart', 'processCheckout', 'processOrder'], 'checkoutMessage')

  register.register('clearLog', () => log.clear(), { id: 'clearLog' })
  register.register(
    'resetDemo',
    async (_, controller) => {
      try {
        await api.reset({ signal: controller.signal })
      } catch (error) {
        return controller.abort(`Could not reset the API: ${messageOf(error)}`)
      }
      batch(() => {
        userCache.invalidateAll()
        userCache.deselect()
        masterDetail.selectedUser.setValue(null)
        masterDetail.failedSave.setValue(null)
        detailMessage.clear()
        checkoutMessage.clear()
        shop.cart.setValue({ items: [] })
        shop.order.setValue(null)
        shop.orders.setValue([])
        shop.session.setValue(null)
        orderSteps.setValue([])
        cacheStores.cacheRequests.setValue([])
      })
      await Promise.all([register.dispatch('loadUsers'), register.dispatch('loadProducts'), register.dispatch('loadSettings')])
    },
    { id: 'resetDemo' },
  )

  let disposed = false
  return {
    register,
    dispatch: register.dispatch,
    stores: {
      ...masterDetail,
      ...cacheStores,
      ...shop,
      orderSteps,
      settings,
      log: log.entries,
      detailMessage: detailMessage.message,
      checkoutMessage: checkoutMessage.message,
    },
    userCache,
    dispose() {
      if (disposed) return
      disposed = true
      log.stop()
      detailMessage.stop()
      checkoutMessage.stop()
      userCache.dispose()
      register.dispose()
    },
  }
}
