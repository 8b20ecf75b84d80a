import { describe, expect, it } from 'vitest'
import { setup } from './__tests__/api'

describe('shop', () => {
  it('loads products, logs in through the user cache and adds to the cart', async () => {
    const { domain, calls } = await setup()
    await domain.dispatch('openUser', { userId: 'u1' })
    await domain.dispatch('loadProducts')
    await domain.dispatch('login', { userId: 'u1' })
    await domain.dispatch('addToCart', { productId: 'p1', quantity: 2 })
    await domain.dispatch('addToCart', { productId: 'p2', quantity: 1 })
    await domain.dispatch('addToCart', { productId: 'p1', quantity: 1 })
    const { cart, cartSummary, session, products } = domain.stores
    expect(cart.getValue().items.map((i) => [i.productId, i.quantity, i.price])).toEqual([
      ['p1', 3, 89],
      ['p2', 1, 29],
    ])
    expect([cartSummary.getValue(), session.getValue(), products.getValue().length, calls]).toEqual([
      { itemCount: 4, total: 296, hasInvalidItems: false },
      { userId: 'u1', name: 'Ada Lovelace' },
      6,
      ['getUser', 'getProducts'],
    ])
    await domain.dispatch('removeFromCart', { productId: 'p1' })
    expect(cart.getValue().items.map((i) => i.productId)).toEqual(['p2'])
  })

  it('refuses unknown products, too much quantity and anonymous users with the seed messages', async () => {
    const { domain } = await setup()
    await domain.dispatch('loadProducts')
    const reasons = async (payload: { productId: string; quantity: number }) => (await domain.register.dispatchWithResult('addToCart', payload)).abortReason
    expect([
      await reasons({ productId: 'p9', quantity: 1 }),
      await reasons({ productId: 'p6', quantity: 3 }),
      await reasons({ productId: 'p6', quantity: 0 }),
      await reasons({ productId: 'p6', quantity: 1 }),
    ]).toEqual(['Product not found', 'Only 2 items available', 'Quantity must be a whole number of at least 1', 'User must be logged in'])
    await domain.dispatch('login', { userId: 'u2' })
    await domain.dispatch('addToCart', { productId: 'p6', quantity: 2 })
    // What is already in the cart counts against the stock.
    expect(await reasons({ productId: 'p6', quantity: 1 })).toBe('Only 2 items available')
    expect(await reasons({ productId: 'p6', quantity: 1 })).toBe('Only 2 items available')
    const failed = await domain.register.dispatchWithResult('login', { userId: 'ghost' })
    expect([failed.abortReason, domain.stores.session.getValue()?.userId]).toEqual(['Could not log in: User "ghost" not found', 'u2'])
    await domain.dispatch('logout')
    expect(domain.stores.session.getValue()).toBeNull()
  })
})
