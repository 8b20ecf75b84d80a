import { transaction, type ActionRegister } from '@context-action/core'
import type { DemoActions } from './demo-actions'
import { messageOf } from './errors'
import { adjustStock, money, type ShopStores } from './shop'
import type { DemoApi, Order } from './types'

/** The reason `processCheckout` / `processOrder` cannot start, or `undefined`. */
export function checkoutProblem({ cart, inventory, session }: ShopStores): string | undefined {
  const { items } = cart.getValue()
  if (items.length === 0) return 'Cart is empty'
  if (session.getValue() === null) return 'User must be logged in'
  const stock = inventory.getValue()
  if (items.some((item) => (stock[item.productId]?.stock ?? 0) < item.quantity)) return 'Some items are no longer available'
  return undefined
}

/**
 * The seed's `processCheckout` as one transaction: order created, cart emptied, stock taken, then the payment;
 * a declined payment restores all of it (keeping what other actions changed meanwhile).
 */
export function setupCheckout(register: ActionRegister<DemoActions>, api: DemoApi, shop: ShopStores, now: () => number): void {
  let ids = 0
  register.setActionConcurrency('processCheckout', 'takeFirst')
  register.register(
    'processCheckout',
    async ({ paymentMethod }, controller) => {
      const problem = checkoutProblem(shop)
      if (problem !== undefined) return controller.abort(problem)
      const { items } = shop.cart.getValue()
      const lines = items.map(({ productId, quantity, price }) => ({ productId, quantity, price }))
      const draft: Order = {
        id: `local-${++ids}`,
        userId: shop.session.getValue()!.userId,
        items: lines,
        total: money(lines.reduce((sum, l) => sum + l.price * l.quantity, 0)),
        status: 'processing',
        createdAt: now(),
        paymentMethod,
      }
      try {
        await transaction([shop.order, shop.cart, shop.inventory, shop.orders], async (order, cart, inventory, orders) => {
          order.setValue(draft)
          orders.update((list) => [draft, ...list])
          cart.setValue({ items: [] })
          inventory.update(adjustStock(lines, 1))
          const payment = await api.pay({ amount: draft.total, orderId: draft.id }, { signal: controller.signal })
          const paid: Order = { ...draft, status: 'confirmed', paymentId: payment.id }
          order.setValue(paid)
          orders.update((list) => list.map((o) => (o.id === draft.id ? paid : o)))
        })
      } catch (error) {
        controller.abort(`Payment failed: ${messageOf(error)}`)
      }
    },
    { id: 'checkout' },
  )
}
