import { describe, expect, it } from 'vitest'
import { setup, until, type Harness } from './__tests__/api'

async function shopping(options?: Parameters<typeof setup>[0]): Promise<Harness> {
  const harness = await setup(options)
  const { domain } = harness
  await domain.dispatch('loadProducts')
  await domain.dispatch('login', { userId: 'u1' })
  await domain.dispatch('addToCart', { productId: 'p1', quantity: 2 })
  await domain.dispatch('addToCart', { productId: 'p6', quantity: 1 })
  return harness
}

const stock = (h: Harness) => Object.values(h.domain.stores.inventory.getValue()).map((p) => p.stock)
const cartLines = (h: Harness) => h.domain.stores.cart.getValue().items.map((i) => `${i.productId}x${i.quantity}`)

describe('processCheckout', () => {
  it('shows the order at once with a temporary id, then the server creates, pays and confirms it under its own id', async () => {
    const h = await shopping({ domain: { now: () => 4 } })
    const gate = h.hold('pay')
    const ids: string[] = []
    h.domain.stores.orders.subscribe((list) => ids.push(list.map((o) => `${o.id}:${o.status}`).join(',')))
    const checkout = h.domain.dispatch('processCheckout', { paymentMethod: 'card' })
    await until(() => gate.waiting === 1)
    gate.release()
    await checkout
    const order = h.domain.stores.order.getValue()
    expect(order).toEqual({
      id: 'o1',
      userId: 'u1',
      items: [
        { productId: 'p1', quantity: 2, price: 89 },
        { productId: 'p6', quantity: 1, price: 199 },
      ],
      total: 377,
      status: 'confirmed',
      createdAt: expect.any(Number),
      paymentMethod: 'card',
      paymentId: 'pay2',
    })
    expect(ids).toEqual(['', 'local-1:processing', 'o1:confirmed'])
    expect(h.calls.slice(-3)).toEqual(['createOrder', 'pay', 'confirmOrder'])
    expect([cartLines(h), stock(h), h.domain.stores.orders.getValue(), h.server.api.db.payments.get('pay2')?.amount, h.server.api.db.orders.get('o1')?.status]).toEqual([
      [],
      [3, 10, 3, 8, 4, 1],
      [order],
      377,
      'confirmed',
    ])
  })

  it('restores order, cart and inventory when the payment is declined, keeping an addition made meanwhile', async () => {
    const h = await shopping()
    h.server.api.db.settings.failPayments = true
    const gate = h.hold('pay')
    const status = h.domain.register.getActionStatus('processCheckout')
    const seen: string[] = []
    h.domain.stores.cart.subscribe(() => seen.push(cartLines(h).join(',')))
    const checkout = h.domain.register.dispatchWithResult('processCheckout', { paymentMethod: 'card' })
    await until(() => gate.waiting === 1)
    expect([h.domain.stores.order.getValue()?.status, cartLines(h), stock(h)]).toEqual(['processing', [], [3, 10, 3, 8, 4, 1]])
    // Another action changes the cart while the payment is in flight.
    await h.domain.dispatch('addToCart', { productId: 'p2', quantity: 1 })
    gate.release()
    const result = await checkout
    expect([result.aborted, result.abortReason]).toEqual([true, 'Payment failed: Payment declined'])
    expect([h.domain.stores.order.getValue(), h.domain.stores.orders.getValue(), cartLines(h), stock(h)]).toEqual([
      null,
      [],
      ['p1x2', 'p6x1', 'p2x1'],
      [5, 10, 3, 8, 4, 2],
    ])
    expect(seen).toEqual(['p1x2,p6x1', '', 'p2x1', 'p1x2,p6x1,p2x1'])
    expect(status.getValue().lastAbortReason).toBe('Payment failed: Payment declined')
    // The order the server created for it was cancelled, which put its stock back.
    expect([[...h.server.api.db.orders.values()].map((o) => o.status), h.server.api.db.products.get('p1')?.stock]).toEqual([['cancelled'], 5])
  })

  it('refuses an empty cart, a logged-out user and unavailable items', async () => {
    const h = await setup()
    await h.domain.dispatch('loadProducts')
    const reason = async () => (await h.domain.register.dispatchWithResult('processCheckout', { paymentMethod: 'card' })).abortReason
    expect(await reason()).toBe('Cart is empty')
    await h.domain.dispatch('login', { userId: 'u1' })
    await h.domain.dispatch('addToCart', { productId: 'p3', quantity: 3 })
    h.domain.stores.inventory.update((inv) => ({ ...inv, p3: { ...inv.p3, stock: 1 } }))
    expect(await reason()).toBe('Some items are no longer available')
    await h.domain.dispatch('logout')
    expect([await reason(), h.calls]).toEqual(['User must be logged in', ['getProducts', 'getUser']])
  })

  it('drops a second checkout while one runs (takeFirst)', async () => {
    const h = await shopping()
    const gate = h.hold('pay')
    const first = h.domain.register.dispatchWithResult('processCheckout', { paymentMethod: 'card' })
    await until(() => gate.waiting === 1)
    const second = await h.domain.register.dispatchWithResult('processCheckout', { paymentMethod: 'card' })
    gate.release()
    expect([(await first).success, second.success, h.calls.filter((c) => c === 'pay').length]).toEqual([true, false, 1])
  })
})
