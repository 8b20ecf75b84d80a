import type { ActionPayloadMap } from '@context-action/core'
import type { Settings } from './types'

/** Every action of the demo domain and its payload. */
export interface DemoActions extends ActionPayloadMap {
  // Master-detail
  loadUsers: void
  selectUser: { userId: string }
  updateSelectedUser: { name?: string; email?: string }
  // Cache synchronisation
  openUser: { userId: string }
  invalidateUser: { userId: string }
  invalidateAllUsers: void
  // Coordinated updates
  loadProducts: void
  login: { userId: string }
  logout: void
  addToCart: { productId: string; quantity: number }
  removeFromCart: { productId: string }
  processCheckout: { paymentMethod: string }
  processOrder: void
  // API switches and the log
  loadSettings: void
  updateSettings: Partial<Settings>
  resetDemo: void
  clearLog: void
}
