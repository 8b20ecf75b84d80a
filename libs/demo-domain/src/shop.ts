import { createComputedStore, createStore, shallowEqual, type ActionRegister, type Cache, type ComputedStore, type Store } from '@context-action/core'
import type { DemoActions } from './demo-actions'
import { messageOf } from './errors'
import type { CartItem, DemoApi, Order, Product, Session, User } from './types'

export interface CartSummary {
  itemCount: number
  total: number
  hasInvalidItems: boolean
}

export interface ShopStores {
  /** Products by id, with the stock the client knows about. */
  inventory: Store<Record<string, Product>>
  products: ComputedStore<Product[]>
  cart: Store<{ items: CartItem[] }>
  cartSummary: ComputedStore<CartSummary>
  /** The logged-in user; `addToCart` and checkout need one. */
  session: Store<Session | null>
  /** The order being placed or placed last. */
  order: Store<Order | null>
  /** Orders placed in this session, newest first. */
  orders: Store<Order[]>
}

export const money = (n: number) => Math.round(n * 100) / 100

/** `inventory` with each line's quantity taken off (`sign` 1) or put back (`sign` -1). */
export const adjustStock =
  (lines: ReadonlyArray<{ productId: string; quantity: number }>, sign: 1 | -1) =>
  (inventory: Record<string, Product>): Record<string, Product> => {
    const next = { ...inventory }
    for (const { productId, quantity } of lines) {
      const product = next[productId]
      if (product !== undefined) next[productId] = { ...product, stock: product.stock - sign * quantity }
    }
    return next
  }

export function createShopStores(): ShopStores {
  const inventory = createStore<Record<string, Product>>({}, { name: 'inventory' })
  const cart = createStore<{ items: CartItem[] }>({ items: [] }, { name: 'cart' })
  return {
    inventory,
    products: createComputedStore([inventory], (inv) => Object.values(inv), { name: 'products' }),
    cart,
    cartSummary: createComputedStore(
      [cart, inventory],
      (c, inv) => ({
        itemCount: c.items.reduce((n, item) => n + item.quantity, 0),
        total: money(c.items.reduce((sum, item) => sum + item.price * item.quantity, 0)),
        hasInvalidItems: c.items.some((item) => (inv[item.productId]?.stock ?? 0) < 0),
      }),
      { name: 'cartSummary', equals: shallowEqual },
    ),
    session: createStore<Session | null>(null, { name: 'session' }),
    order: createStore<Order | null>(null, { name: 'order' }),
    orders: createStore<Order[]>([], { name: 'orders' }),
  }
}

export function setupShop(register: ActionRegister<DemoActions>, api: DemoApi, cache: Cache<string, User>, shop: ShopStores): void {
  const { inventory, cart, session } = shop
  let ids = 0

  register.setActionConcurrency('loadProducts', 'takeLatest')
  register.register(
    'loadProducts',
    async (_, controller) => {
      try {
        const products = await api.getProducts({ signal: controller.signal })
        inventory.setValue(Object.fromEntries(products.map((p) => [p.id, p])))
      } catch (error) {
        if (!controller.signal.aborted) controller.abort(`Could not load products: ${messageOf(error)}`)
      }
    },
    { id: 'fetchProducts' },
  )

  register.register(
    'login',
    async ({ userId }, controller) => {
      try {
        // Through the user cache: logging in as someone already opened needs no request.
        const user = await cache.load(userId)
        session.setValue({ userId: user.id, name: user.name })
      } catch (error) {
        controller.abort(`Could not log in: ${messageOf(error)}`)
      }
    },
    { id: 'login' },
  )
  register.register('logout', () => session.setValue(null), { id: 'logout' })

  register.register(
    'addToCart',
    ({ productId, quantity }, controller) => {
      const product = inventory.getValue()[productId]
      if (product === undefined) return controller.abort('Product not found')
      if (!Number.isInteger(quantity) || quantity < 1) return controller.abort('Quantity must be a whole number of at least 1')
      const inCart = cart.getValue().items.find((item) => item.productId === productId)?.quantity ?? 0
      if (product.stock < inCart + quantity) return controller.abort(`Only ${product.stock} items available`)
      if (session.getValue() === null) return controller.abort('User must be logged in')
      // An updater, so a checkout rolling back meanwhile replays this addition instead of losing it.
      cart.update((c) =>
        c.items.some((item) => item.productId === productId)
          ? { items: c.items.map((item) => (item.productId === productId ? { ...item, quantity: item.quantity + quantity } : item)) }
          : { items: [...c.items, { id: `line-${++ids}`, productId, quantity, price: product.price }] },
      )
    },
    { id: 'addToCart' },
  )

  register.register(
    'removeFromCart',
    ({ productId }) => cart.update((c) => ({ items: c.items.filter((item) => item.productId !== productId) })),
    { id: 'removeFromCart' },
  )
}
