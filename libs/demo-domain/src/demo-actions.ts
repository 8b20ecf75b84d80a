import type { ActionPayloadMap } from '@context-action/core'
import type { Settings } from './types'

/** Which view sent a dispatch (`'Vue'`, `'Svelte'`); messages raised by another view say so. */
export interface FromView {
  source?: string
}

/** Every action of the demo domain and its payload. */
export interface DemoActions extends ActionPayloadMap {
  // Master-detail
  loadUsers: void
  selectUser: { userId: string }
  updateSelectedUser: { name?: string; email?: string } & FromView
  // Cache synchronisation
  openUser: { userId: string }
  invalidateUser: { userId: string }
  invalidateAllUsers: void
  // Coordinated updates
  loadProducts: void
  login: { userId: string }
  logout: void
  addToCart: { productId: string; quantity: number } & FromView
  removeFromCart: { productId: string }
  processCheckout: { paymentMethod: string } & FromView
  processOrder: void
  // API switches and the log
  loadSettings: void
  updateSettings: Partial<Settings>
  resetDemo: void
  clearLog: void
}
