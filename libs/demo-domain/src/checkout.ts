import { transaction, type ActionRegister } from '@context-action/core'
import type { DemoActions } from './demo-actions'
import { messageOf } from './errors'
import { adjustStock, money, type ShopStores } from './shop'
import type { DemoApi, Order, Payment } from './types'

/** The reason `processCheckout` / `processOrder` cannot start, or `undefined`. */
export function checkoutProblem({ cart, inventory, session }: ShopStores): string | undefined {
  const { items } = cart.getValue()
  if (items.length === 0) return 'Cart is empty'
  if (session.getValue() === null) return 'User must be logged in'
  const stock = inventory.getValue()
  if (items.some((item) => (stock[item.productId]?.stock ?? 0) < item.quantity)) return 'Some items are no longer available'
  return undefined
}

/** An error of one checkout step, worded for the user ("Payment failed: Payment declined"). */
class CheckoutStepError extends Error {}

/** Run `step`; a failure becomes a `CheckoutStepError` worded with `label`. */
async function attempt<R>(label: string, step: () => Promise<R>): Promise<R> {
  try {
    return await step()
  } catch (error) {
    throw new CheckoutStepError(`${label}: ${messageOf(error)}`)
  }
}

/** Undo what the server already did for a checkout that cannot complete; an undo that fails is left as it is. */
async function undo(steps: Array<() => Promise<unknown>>): Promise<void> {
  for (const step of steps) {
    try {
      await step()
    } catch {
      // The checkout already failed; its message names the first failure.
    }
  }
}

/**
 * The server's side of a checkout: create the order, pay for it, confirm it. A failed payment cancels the order,
 * a failed confirmation refunds and cancels; the order returned has the server's id.
 */
async function placeOrder(api: DemoApi, draft: Order, signal: AbortSignal): Promise<Order> {
  const items = draft.items.map(({ productId, quantity }) => ({ productId, quantity }))
  const created = await attempt('Checkout failed', () => api.createOrder({ items, userId: draft.userId ?? undefined }, { signal }))
  let payment: Payment
  try {
    payment = await attempt('Payment failed', () => api.pay({ amount: created.total, orderId: created.id }, { signal }))
  } catch (error) {
    await undo([() => api.cancelOrder(created.id)])
    throw error
  }
  try {
    const confirmed = await attempt('Checkout failed', () => api.confirmOrder(created.id, { signal }))
    return { ...confirmed, paymentId: payment.id, paymentMethod: draft.paymentMethod }
  } catch (error) {
    await undo([() => api.refund(payment.id), () => api.cancelOrder(created.id)])
    throw error
  }
}

/**
 * The seed's `processCheckout` as one transaction: order shown at once (with a temporary `local-` id), cart emptied,
 * stock taken, then the server creates, pays and confirms the order, which replaces the temporary one; a failure
 * restores all of it (keeping what other actions changed meanwhile).
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
          const placed = await placeOrder(api, draft, controller.signal)
          order.setValue(placed)
          orders.update((list) => list.map((o) => (o.id === draft.id ? placed : o)))
        })
      } catch (error) {
        controller.abort(error instanceof CheckoutStepError ? error.message : `Checkout failed: ${messageOf(error)}`)
      }
    },
    { id: 'checkout' },
  )
}
