import { ActionRegister, batch, type Cache, type ReadableStore } from '@context-action/core'
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
  const register = new ActionRegister<DemoActions>({ name: 'demo' })
  const log = createActionLog(register, options.logLimit)
  const userCache = createUserCache(api, { ttl: options.cacheTtl, staleWhileRevalidate: options.staleWhileRevalidate, now })
  const shop = createShopStores()
  const masterDetail = setupMasterDetail(register, api, userCache, now)
  const cacheStores = setupUserCache(register, userCache, masterDetail.users)
  setupShop(register, api, userCache, shop)
  setupCheckout(register, api, shop, now)
  const orderSteps = setupProcessOrder(register, api, shop)
  const settings = setupSettings(register, api)
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
