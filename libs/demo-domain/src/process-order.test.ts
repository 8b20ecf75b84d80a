import { describe, expect, it } from 'vitest'
import { setup, until, type Harness } from './__tests__/api'

async function ordering(): Promise<Harness> {
  const h = await setup()
  await h.domain.dispatch('loadProducts')
  await h.domain.dispatch('login', { userId: 'u3' })
  await h.domain.dispatch('addToCart', { productId: 'p5', quantity: 2 })
  return h
}

const steps = (h: Harness) => h.domain.stores.orderSteps.getValue().map((s) => `${s.step} ${s.outcome}`)

describe('processOrder (compensation)', () => {
  it('reserves, pays, creates and confirms the order', async () => {
    const h = await ordering()
    await h.domain.dispatch('processOrder')
    const order = h.domain.stores.order.getValue()
    expect([steps(h), order?.status, order?.paymentId, h.domain.stores.cart.getValue().items, h.domain.stores.inventory.getValue().p5.stock]).toEqual([
      ['reserve done', 'pay done', 'create done', 'confirm done'],
      'confirmed',
      'pay1',
      [],
      2,
    ])
    expect([h.server.api.db.orders.get('o2')?.status, h.server.api.db.products.get('p5')?.stock]).toEqual(['confirmed', 2])
  })

  it('undoes completed steps in reverse order when a later step fails, reporting a failed undo too', async () => {
    const h = await ordering()
    const gate = h.hold('confirmOrder')
    const running = h.domain.register.dispatchWithResult('processOrder')
    await until(() => gate.waiting === 1)
    // The order is cancelled behind our back, so confirming it fails with 409.
    await h.client.cancelOrder('o2')
    gate.release()
    const result = await running
    expect([result.aborted, result.abortReason]).toEqual([true, 'Order failed: Order "o2" was cancelled (1 undo step failed too)'])
    expect(steps(h)).toEqual(['reserve done', 'pay done', 'create done', 'confirm failed', 'create undo failed', 'pay undone', 'reserve undone'])
    expect(h.calls.slice(-5)).toEqual(['pay', 'createOrder', 'confirmOrder', 'cancelOrder', 'refund'])
    expect([h.server.api.db.payments.get('pay1')?.status, h.domain.stores.inventory.getValue().p5.stock, h.domain.stores.cart.getValue().items.length]).toEqual([
      'refunded',
      4,
      1,
    ])
  })

  it('reports the original failure first when every undo succeeds', async () => {
    const h = await ordering()
    h.server.api.db.products.get('p5')!.stock = 1
    const result = await h.domain.register.dispatchWithResult('processOrder')
    expect([result.abortReason, steps(h), h.server.api.db.payments.get('pay1')?.status]).toEqual([
      'Order failed: Only 1 of "Laptop stand" in stock',
      ['reserve done', 'pay done', 'create failed', 'pay undone', 'reserve undone'],
      'refunded',
    ])
    expect(h.domain.stores.inventory.getValue().p5.stock).toBe(4)
  })
})
