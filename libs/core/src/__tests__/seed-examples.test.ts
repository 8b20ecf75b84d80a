// Every example of the user's document (shared/seed/store-integration.md), written with this API and run.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  ActionRegister,
  batch,
  compensate,
  createComputedStore,
  createStore,
  transaction,
  type ActionHandler,
  type ActionPayloadMap,
  type PipelineController,
  type Store,
} from '../index'

interface User {
  id: string
  name: string
  email: string
  phone?: string
  updatedAt: number
  membershipLevel?: 'basic' | 'gold'
  location?: 'EU' | 'US'
}
interface CartItem {
  id: string
  productId: string
  quantity: number
  price: number
}
interface Product {
  id: string
  name: string
  stock: number
  price: number
}
interface Order {
  id: string
  userId: string
  items: CartItem[]
  subtotal: number
  tax: number
  total: number
  paymentMethod: string
  status: 'processing' | 'confirmed'
  createdAt: number
}

const emptyUser: User = { id: '', name: '', email: '', updatedAt: 0 }
const calculateTax = (amount: number, location: User['location']) => Math.round(amount * (location === 'EU' ? 0.2 : 0.1) * 100) / 100
const calculateDiscount = (level: User['membershipLevel'], subtotal: number) => (level === 'gold' ? subtotal * 0.1 : 0)
let ids = 0
const generateId = () => `id-${++ids}`

interface ShopActions extends ActionPayloadMap {
  updateUserName: { name: string }
  addToCart: { productId: string; quantity: number }
  processCheckout: { paymentMethod: string }
  validateCartBeforeCheckout: void
  selectUser: { userId: string }
  updateSelectedUser: Partial<User>
  loadUser: { userId: string }
  transferFunds: { fromAccount: string; toAccount: string; amount: number }
  complexUpdate: { user: Partial<User>; settings: Partial<Settings>; preferences: Partial<Preferences> }
  processOrder: { items: string[]; payment: number }
  updateUserProfile: { name: string; email: string; phone: string }
  updateUserIfChanged: { name: string; email: string; phone: string }
  restock: { productId: string; quantity: number }
}
interface Settings {
  validateNames: boolean
  theme: string
}
interface Preferences {
  newsletter: boolean
}

function createShop(payments: { pay: (order: Order) => Promise<void> } = { pay: async () => {} }) {
  const userStore = createStore<User>('user', { ...emptyUser })
  const cartStore = createStore<{ items: CartItem[] }>('cart', { items: [] })
  const inventoryStore = createStore<Record<string, Product>>('inventory', {
    product1: { id: 'product1', name: 'Product 1', stock: 10, price: 99.99 },
    product2: { id: 'product2', name: 'Product 2', stock: 5, price: 149.99 },
  })
  const orderStore = createStore<Order | null>('order', null)
  const actions = new ActionRegister<ShopActions>({ name: 'shop' })

  actions.register('updateUserName', async (payload, controller) => {
    const currentUser = userStore.getValue()
    if (!payload.name.trim()) {
      controller.abort('Name cannot be empty')
      return
    }
    userStore.setValue({ ...currentUser, name: payload.name, updatedAt: Date.now() })
  })

  actions.register('addToCart', async (payload, controller) => {
    const cart = cartStore.getValue()
    const product = inventoryStore.getValue()[payload.productId]
    if (!product) return controller.abort('Product not found')
    if (product.stock < payload.quantity) return controller.abort(`Only ${product.stock} items available`)
    if (!userStore.getValue().id) return controller.abort('User must be logged in')
    const existing = cart.items.find((item) => item.productId === payload.productId)
    cartStore.update((cart) => ({
      items: existing
        ? cart.items.map((item) => (item.productId === payload.productId ? { ...item, quantity: item.quantity + payload.quantity } : item))
        : [...cart.items, { id: generateId(), productId: payload.productId, quantity: payload.quantity, price: product.price }],
    }))
  })

  // The seed's processCheckout with its hand-written rollback replaced by one transaction.
  actions.register('processCheckout', async (payload, controller) => {
    const cart = cartStore.getValue()
    const user = userStore.getValue()
    const inventory = inventoryStore.getValue()
    if (cart.items.length === 0) return controller.abort('Cart is empty')
    if (cart.items.some((item) => (inventory[item.productId]?.stock ?? 0) < item.quantity)) {
      return controller.abort('Some items are no longer available')
    }
    const subtotal = cart.items.reduce((sum, item) => sum + item.price * item.quantity, 0)
    const tax = calculateTax(subtotal, user.location)
    const order: Order = {
      id: generateId(),
      userId: user.id,
      items: cart.items,
      subtotal,
      tax,
      total: subtotal + tax,
      paymentMethod: payload.paymentMethod,
      status: 'processing',
      createdAt: Date.now(),
    }
    try {
      await transaction([orderStore, cartStore, inventoryStore], async (orders, carts, stock) => {
        orders.setValue(order)
        carts.setValue({ items: [] })
        stock.update((inv) => {
          const next = { ...inv }
          for (const item of cart.items) next[item.productId] = { ...next[item.productId], stock: next[item.productId].stock - item.quantity }
          return next
        })
        await payments.pay(order)
        orders.update((o) => (o ? { ...o, status: 'confirmed' } : o))
      })
    } catch {
      controller.abort('Payment processing failed')
    }
  })

  actions.register('restock', (payload) => {
    inventoryStore.update((inv) => ({
      ...inv,
      [payload.productId]: { ...inv[payload.productId], stock: inv[payload.productId].stock + payload.quantity },
    }))
  })

  const cartSummaryStore = createComputedStore([cartStore, inventoryStore, userStore], (cart, inventory, user) => {
    const validItems = cart.items.filter((item) => inventory[item.productId] && inventory[item.productId].stock >= item.quantity)
    const subtotal = validItems.reduce((sum, item) => sum + item.price * item.quantity, 0)
    const discount = calculateDiscount(user.membershipLevel, subtotal)
    const tax = calculateTax(subtotal - discount, user.location)
    return {
      itemCount: validItems.length,
      invalidItemCount: cart.items.length - validItems.length,
      subtotal,
      discount,
      tax,
      total: subtotal - discount + tax,
      hasInvalidItems: validItems.length < cart.items.length,
    }
  })

  actions.register('validateCartBeforeCheckout', async (_payload, controller) => {
    const summary = cartSummaryStore.getValue()
    if (summary.hasInvalidItems) return controller.abort(`${summary.invalidItemCount} items are no longer available`)
    if (summary.total <= 0) return controller.abort('Cart total must be greater than zero')
    return { valid: true, summary }
  })

  return { userStore, cartStore, inventoryStore, orderStore, cartSummaryStore, actions }
}

describe('seed: single store operations', () => {
  it('updateUserName writes the name, or aborts with the seed message on an empty name', async () => {
    const { actions, userStore } = createShop()
    userStore.setValue({ ...emptyUser, id: 'u1', name: 'John' })
    await actions.dispatch('updateUserName', { name: 'Jane Doe' })
    expect(userStore.getValue().name).toBe('Jane Doe')
    const result = await actions.dispatchWithResult('updateUserName', { name: '   ' })
    expect([result.success, result.aborted, result.abortReason]).toEqual([false, true, 'Name cannot be empty'])
    expect(userStore.getValue().name).toBe('Jane Doe')
  })

  it('setValue replaces, update merges, and array updates replace an item by id', () => {
    const userStore = createStore<User>({ ...emptyUser })
    userStore.setValue({ id: '123', name: 'John Doe', email: 'john@example.com', updatedAt: 1 })
    userStore.update((user) => ({ ...user, name: 'Jane Doe', updatedAt: 2 }))
    expect(userStore.getValue()).toEqual({ id: '123', name: 'Jane Doe', email: 'john@example.com', updatedAt: 2 })
    const todoStore = createStore([
      { id: 'a', title: 'one', updatedAt: 0 },
      { id: 'b', title: 'two', updatedAt: 0 },
    ])
    const payload = { id: 'a', title: 'one!' }
    todoStore.update((todos) => [...todos.filter((todo) => todo.id !== payload.id), { ...payload, updatedAt: 3 }])
    expect(todoStore.getValue().map((t) => `${t.id}:${t.title}`)).toEqual(['b:two', 'a:one!'])
  })
})

describe('seed: multi-store coordination', () => {
  it('addToCart checks stock and login, then adds or increases the item', async () => {
    const { actions, cartStore, userStore } = createShop()
    expect((await actions.dispatchWithResult('addToCart', { productId: 'nope', quantity: 1 })).abortReason).toBe('Product not found')
    expect((await actions.dispatchWithResult('addToCart', { productId: 'product2', quantity: 10 })).abortReason).toBe('Only 5 items available')
    expect((await actions.dispatchWithResult('addToCart', { productId: 'product1', quantity: 1 })).abortReason).toBe('User must be logged in')
    userStore.setValue({ ...emptyUser, id: 'u1' })
    await actions.dispatch('addToCart', { productId: 'product1', quantity: 2 })
    await actions.dispatch('addToCart', { productId: 'product1', quantity: 1 })
    expect(cartStore.getValue().items).toMatchObject([{ productId: 'product1', quantity: 3, price: 99.99 }])
  })

  it('processCheckout creates the order, empties the cart and decrements stock when payment succeeds', async () => {
    const { actions, cartStore, userStore, inventoryStore, orderStore } = createShop()
    userStore.setValue({ ...emptyUser, id: 'u1', location: 'EU' })
    await actions.dispatch('addToCart', { productId: 'product1', quantity: 2 })
    const result = await actions.dispatchWithResult('processCheckout', { paymentMethod: 'card' })
    expect(result.success).toBe(true)
    expect(orderStore.getValue()).toMatchObject({ status: 'confirmed', subtotal: 199.98, tax: 40, total: 239.98 })
    expect(cartStore.getValue().items).toEqual([])
    expect(inventoryStore.getValue().product1.stock).toBe(8)
  })

  it('processCheckout restores order, cart and stock when payment fails, keeping a restock made meanwhile', async () => {
    let decline!: (error: Error) => void
    const { actions, cartStore, userStore, inventoryStore, orderStore } = createShop({
      pay: () => new Promise<void>((_, reject) => (decline = reject)),
    })
    userStore.setValue({ ...emptyUser, id: 'u1' })
    await actions.dispatch('addToCart', { productId: 'product1', quantity: 2 })
    const cartBefore = cartStore.getValue()
    const checkout = actions.dispatchWithResult('processCheckout', { paymentMethod: 'card' })
    await vi.waitFor(() => expect(orderStore.getValue()?.status).toBe('processing'))
    expect(inventoryStore.getValue().product1.stock).toBe(8)
    await actions.dispatch('restock', { productId: 'product1', quantity: 5 })
    decline(new Error('card declined'))
    const result = await checkout
    expect([result.aborted, result.abortReason]).toEqual([true, 'Payment processing failed'])
    expect(orderStore.getValue()).toBeNull()
    expect(cartStore.getValue()).toBe(cartBefore)
    expect(inventoryStore.getValue().product1.stock).toBe(15)
  })

  it('processCheckout aborts on an empty cart or missing stock', async () => {
    const { actions, cartStore } = createShop()
    expect((await actions.dispatchWithResult('processCheckout', { paymentMethod: 'card' })).abortReason).toBe('Cart is empty')
    cartStore.setValue({ items: [{ id: 'x', productId: 'product2', quantity: 9, price: 1 }] })
    expect((await actions.dispatchWithResult('processCheckout', { paymentMethod: 'card' })).abortReason).toBe('Some items are no longer available')
  })
})

describe('seed: computed store integration', () => {
  it('cartSummaryStore follows cart, inventory and user; validateCartBeforeCheckout reads it', async () => {
    const { actions, cartStore, inventoryStore, userStore, cartSummaryStore } = createShop()
    userStore.setValue({ ...emptyUser, id: 'u1', membershipLevel: 'gold', location: 'US' })
    cartStore.setValue({
      items: [
        { id: 'a', productId: 'product1', quantity: 1, price: 100 },
        { id: 'b', productId: 'product2', quantity: 2, price: 50 },
      ],
    })
    expect(cartSummaryStore.getValue()).toEqual({
      itemCount: 2,
      invalidItemCount: 0,
      subtotal: 200,
      discount: 20,
      tax: 18,
      total: 198,
      hasInvalidItems: false,
    })
    const ok = await actions.dispatchWithResult('validateCartBeforeCheckout', undefined, { result: { collect: true, strategy: 'last' } })
    expect(ok.result).toMatchObject({ valid: true, summary: { total: 198 } })
    inventoryStore.update((inv) => ({ ...inv, product2: { ...inv.product2, stock: 1 } }))
    const refused = await actions.dispatchWithResult('validateCartBeforeCheckout')
    expect(refused.abortReason).toBe('1 items are no longer available')
    cartStore.setValue({ items: [] })
    expect((await actions.dispatchWithResult('validateCartBeforeCheckout')).abortReason).toBe('Cart total must be greater than zero')
  })
})

describe('seed: state synchronisation', () => {
  function createDirectory() {
    const userListStore = createStore<User[]>([
      { id: '1', name: 'Ada', email: 'ada@example.com', updatedAt: 0 },
      { id: '2', name: 'Grace', email: 'grace@example.com', updatedAt: 0 },
    ])
    const selectedUserStore = createStore<User | null>(null)
    const userCacheStore = createStore<Record<string, User>>({})
    const currentUserStore = createStore<User | null>(null)
    const api = { getUser: vi.fn(async (id: string): Promise<User> => ({ id, name: `User ${id}`, email: `${id}@example.com`, updatedAt: 0 })) }
    const actions = new ActionRegister<ShopActions>({ name: 'directory' })
    actions.register('selectUser', async (payload, controller) => {
      const selectedUser = userListStore.getValue().find((user) => user.id === payload.userId)
      if (!selectedUser) return controller.abort('User not found')
      selectedUserStore.setValue(selectedUser)
    })
    actions.register('updateSelectedUser', async (payload, controller) => {
      const currentUser = selectedUserStore.getValue()
      if (!currentUser) return controller.abort('No user selected')
      const updatedUser = { ...currentUser, ...payload, updatedAt: Date.now() }
      batch(() => {
        selectedUserStore.setValue(updatedUser)
        userListStore.update((users) => users.map((user) => (user.id === updatedUser.id ? updatedUser : user)))
      })
    })
    actions.register('loadUser', async (payload, controller) => {
      const cached = userCacheStore.getValue()[payload.userId]
      if (cached) return void currentUserStore.setValue(cached)
      try {
        const user = await api.getUser(payload.userId)
        batch(() => {
          userCacheStore.update((cache) => ({ ...cache, [user.id]: user }))
          currentUserStore.setValue(user)
        })
      } catch {
        controller.abort('Failed to load user')
      }
    })
    return { userListStore, selectedUserStore, userCacheStore, currentUserStore, api, actions }
  }

  it('selectUser and updateSelectedUser keep list and detail in step, and no listener sees them apart', async () => {
    const { actions, userListStore, selectedUserStore } = createDirectory()
    expect((await actions.dispatchWithResult('updateSelectedUser', { name: 'x' })).abortReason).toBe('No user selected')
    expect((await actions.dispatchWithResult('selectUser', { userId: '9' })).abortReason).toBe('User not found')
    await actions.dispatch('selectUser', { userId: '2' })
    const seen: string[] = []
    userListStore.listen((list) => seen.push(`list ${list[1].name} / detail ${selectedUserStore.getValue()?.name}`))
    await actions.dispatch('updateSelectedUser', { name: 'Grace Hopper' })
    expect(selectedUserStore.getValue()?.name).toBe('Grace Hopper')
    expect(seen).toEqual(['list Grace Hopper / detail Grace Hopper'])
  })

  it('updateSelectedUser does not let a __proto__ payload reach any prototype', async () => {
    const { actions, selectedUserStore } = createDirectory()
    await actions.dispatch('selectUser', { userId: '1' })
    await actions.dispatch('updateSelectedUser', JSON.parse('{"name":"Eve","__proto__":{"isAdmin":true}}'))
    expect(selectedUserStore.getValue()?.name).toBe('Eve')
    expect(({} as { isAdmin?: boolean }).isAdmin).toBeUndefined()
    expect((selectedUserStore.getValue() as { isAdmin?: boolean }).isAdmin).toBeUndefined()
  })

  it('loadUser serves hits from the cache and fetches misses once', async () => {
    const { actions, api, currentUserStore, userCacheStore } = createDirectory()
    await actions.dispatch('loadUser', { userId: '7' })
    await actions.dispatch('loadUser', { userId: '7' })
    expect(api.getUser).toHaveBeenCalledTimes(1)
    expect(currentUserStore.getValue()?.name).toBe('User 7')
    expect(Object.keys(userCacheStore.getValue())).toEqual(['7'])
    api.getUser.mockRejectedValueOnce(new Error('offline'))
    const failed = await actions.dispatchWithResult('loadUser', { userId: '8' })
    expect(failed.abortReason).toBe('Failed to load user')
    expect(currentUserStore.getValue()?.id).toBe('7')
  })
})

describe('seed: transactions, rollback and compensation', () => {
  interface Account {
    balance: number
  }

  it('transferFunds moves money atomically and restores both accounts when recording fails', async () => {
    const accountStore = createStore<Record<string, Account>>({ a: { balance: 100 }, b: { balance: 5 } })
    const api = { recordTransaction: vi.fn(async () => {}) }
    const actions = new ActionRegister<ShopActions>()
    actions.register('transferFunds', async ({ fromAccount, toAccount, amount }, controller) => {
      const accounts = accountStore.getValue()
      if (!accounts[fromAccount] || !accounts[toAccount]) return controller.abort('Account not found')
      if (accounts[fromAccount].balance < amount) return controller.abort('Insufficient funds')
      try {
        await transaction([accountStore], async (store) => {
          store.update((all) => ({
            ...all,
            [fromAccount]: { balance: all[fromAccount].balance - amount },
            [toAccount]: { balance: all[toAccount].balance + amount },
          }))
          await api.recordTransaction()
        })
      } catch {
        controller.abort('Transaction failed')
      }
    })
    await actions.dispatch('transferFunds', { fromAccount: 'a', toAccount: 'b', amount: 30 })
    expect(accountStore.getValue()).toEqual({ a: { balance: 70 }, b: { balance: 35 } })
    expect((await actions.dispatchWithResult('transferFunds', { fromAccount: 'a', toAccount: 'b', amount: 500 })).abortReason).toBe('Insufficient funds')
    expect((await actions.dispatchWithResult('transferFunds', { fromAccount: 'a', toAccount: 'z', amount: 1 })).abortReason).toBe('Account not found')
    api.recordTransaction.mockRejectedValueOnce(new Error('ledger offline'))
    const failed = await actions.dispatchWithResult('transferFunds', { fromAccount: 'a', toAccount: 'b', amount: 10 })
    expect(failed.abortReason).toBe('Transaction failed')
    expect(accountStore.getValue()).toEqual({ a: { balance: 70 }, b: { balance: 35 } })
  })

  it('complexUpdate rolls back user, settings and preferences when the sync fails', async () => {
    const userStore = createStore<User>({ ...emptyUser, id: 'u1', name: 'Ada' })
    const settingsStore = createStore<Settings>({ validateNames: true, theme: 'light' })
    const preferencesStore = createStore<Preferences>({ newsletter: false })
    const api = { syncUserData: vi.fn(async (_data: unknown) => {}) }
    const actions = new ActionRegister<ShopActions>()
    actions.register('complexUpdate', async (payload, controller) => {
      try {
        await transaction([userStore, settingsStore, preferencesStore], async (user, settings, preferences) => {
          user.update((u) => ({ ...u, ...payload.user, updatedAt: 1 }))
          settings.update((s) => ({ ...s, ...payload.settings }))
          await api.syncUserData({ user: user.getValue(), settings: settings.getValue() })
          preferences.update((p) => ({ ...p, ...payload.preferences }))
        })
      } catch (error) {
        controller.abort(`Update failed: ${(error as Error).message}`)
      }
    })
    const payload = { user: { name: 'Grace' }, settings: { theme: 'dark' }, preferences: { newsletter: true } }
    api.syncUserData.mockRejectedValueOnce(new Error('sync down'))
    const failed = await actions.dispatchWithResult('complexUpdate', payload)
    expect(failed.abortReason).toBe('Update failed: sync down')
    expect([userStore.getValue().name, settingsStore.getValue().theme, preferencesStore.getValue().newsletter]).toEqual(['Ada', 'light', false])
    await actions.dispatch('complexUpdate', payload)
    expect([userStore.getValue().name, settingsStore.getValue().theme, preferencesStore.getValue().newsletter]).toEqual(['Grace', 'dark', true])
  })

  it('processOrder compensates reserve and pay in reverse order when order creation fails', async () => {
    const events: string[] = []
    const orderStore = createStore<{ id: string } | null>(null)
    const services = {
      reserveInventory: async (items: string[]) => void events.push(`reserve ${items}`),
      releaseInventory: async (items: string[]) => void events.push(`release ${items}`),
      processPayment: async (amount: number) => (events.push(`pay ${amount}`), { transactionId: 't1' }),
      refundPayment: async (id: string) => void events.push(`refund ${id}`),
      createOrder: vi.fn(async () => ({ id: 'o1' })),
      sendOrderConfirmation: async (order: { id: string }) => void events.push(`confirm ${order.id}`),
    }
    const actions = new ActionRegister<ShopActions>()
    actions.register('processOrder', async (payload, controller) => {
      try {
        await compensate(async (step) => {
          await step(() => services.reserveInventory(payload.items), () => services.releaseInventory(payload.items))
          await step(() => services.processPayment(payload.payment), (payment) => services.refundPayment(payment.transactionId))
          const order = await step(() => services.createOrder())
          orderStore.setValue(order)
          await step(() => services.sendOrderConfirmation(order))
        })
      } catch (error) {
        controller.abort(`Order processing failed: ${(error as Error).message}`)
      }
    })
    services.createOrder.mockRejectedValueOnce(new Error('orders down'))
    const failed = await actions.dispatchWithResult('processOrder', { items: ['p1'], payment: 42 })
    expect(failed.abortReason).toBe('Order processing failed: orders down')
    expect(events).toEqual(['reserve p1', 'pay 42', 'refund t1', 'release p1'])
    events.length = 0
    await actions.dispatch('processOrder', { items: ['p1'], payment: 42 })
    expect(events).toEqual(['reserve p1', 'pay 42', 'confirm o1'])
    expect(orderStore.getValue()).toEqual({ id: 'o1' })
  })
})

describe('seed: performance patterns', () => {
  it('a single batched update notifies once; the four-update version notifies once too inside batch', async () => {
    const userStore = createStore<User>({ ...emptyUser, id: 'u1' })
    const seen: string[] = []
    userStore.listen((u) => seen.push(`${u.name}|${u.email}|${u.phone}`))
    const actions = new ActionRegister<ShopActions>()
    actions.register('updateUserProfile', (payload) => {
      batch(() => {
        userStore.update((user) => ({ ...user, name: payload.name }))
        userStore.update((user) => ({ ...user, email: payload.email }))
        userStore.update((user) => ({ ...user, phone: payload.phone }))
        userStore.update((user) => ({ ...user, updatedAt: 5 }))
      })
    })
    await actions.dispatch('updateUserProfile', { name: 'Ada', email: 'ada@x', phone: '1' })
    expect(seen).toEqual(['Ada|ada@x|1'])
  })

  it('updateUserIfChanged skips the write when nothing changed', async () => {
    const userStore = createStore<User>({ ...emptyUser, id: 'u1', name: 'Ada', email: 'a@x', phone: '1' })
    let notifications = 0
    userStore.listen(() => notifications++)
    const actions = new ActionRegister<ShopActions>()
    actions.register('updateUserIfChanged', (payload) => {
      const currentUser = userStore.getValue()
      const hasChanges = currentUser.name !== payload.name || currentUser.email !== payload.email || currentUser.phone !== payload.phone
      if (!hasChanges) return
      userStore.setValue({ ...currentUser, ...payload, updatedAt: Date.now() })
    })
    await actions.dispatch('updateUserIfChanged', { name: 'Ada', email: 'a@x', phone: '1' })
    expect(notifications).toBe(0)
    await actions.dispatch('updateUserIfChanged', { name: 'Ada', email: 'a@y', phone: '1' })
    expect(notifications).toBe(1)
  })
})

describe("seed: the document's own unit and integration tests", () => {
  // The seed's updateUserHandler, written against the store interface so tests can pass mocks or real stores.
  const makeUpdateUserHandler =
    (userStore: Pick<Store<User>, 'getValue' | 'setValue'>, settingsStore: Pick<Store<Settings>, 'getValue'>): ActionHandler<{ name: string }> =>
    async (payload, controller) => {
      if (settingsStore.getValue().validateNames && !payload.name.trim()) {
        controller.abort('Name cannot be empty')
        return
      }
      userStore.setValue({ ...userStore.getValue(), name: payload.name, updatedAt: Date.now() })
    }
  const controllerMock = () => ({ abort: vi.fn() }) as unknown as PipelineController<{ name: string }> & { abort: ReturnType<typeof vi.fn> }

  let mockUserStore: { getValue: ReturnType<typeof vi.fn>; setValue: ReturnType<typeof vi.fn> }
  let mockSettingsStore: { getValue: ReturnType<typeof vi.fn> }
  beforeEach(() => {
    mockUserStore = { getValue: vi.fn(), setValue: vi.fn() }
    mockSettingsStore = { getValue: vi.fn() }
  })

  it('updates the user with valid data (mock stores)', async () => {
    const currentUser = { id: '1', name: 'John', email: 'john@example.com', updatedAt: 0 }
    mockUserStore.getValue.mockReturnValue(currentUser)
    mockSettingsStore.getValue.mockReturnValue({ validateNames: true, theme: 'x' })
    const controller = controllerMock()
    await makeUpdateUserHandler(mockUserStore as never, mockSettingsStore as never)({ name: 'Jane Doe' }, controller)
    expect(mockUserStore.setValue).toHaveBeenCalledWith({ ...currentUser, name: 'Jane Doe', updatedAt: expect.any(Number) })
    expect(controller.abort).not.toHaveBeenCalled()
  })

  it('aborts with an invalid name when validation is enabled (mock stores)', async () => {
    mockUserStore.getValue.mockReturnValue({ id: '1', name: 'John', email: 'john@example.com', updatedAt: 0 })
    mockSettingsStore.getValue.mockReturnValue({ validateNames: true, theme: 'x' })
    const controller = controllerMock()
    await makeUpdateUserHandler(mockUserStore as never, mockSettingsStore as never)({ name: '' }, controller)
    expect(controller.abort).toHaveBeenCalledWith('Name cannot be empty')
    expect(mockUserStore.setValue).not.toHaveBeenCalled()
  })

  it('adds an item to the cart when inventory is available, aborts when it is not (real stores)', async () => {
    const { actions, cartStore, userStore } = createShop()
    userStore.setValue({ ...emptyUser, id: 'u1' })
    await actions.dispatch('addToCart', { productId: 'product1', quantity: 2 })
    expect(cartStore.getValue().items).toHaveLength(1)
    expect(cartStore.getValue().items[0]).toMatchObject({ productId: 'product1', quantity: 2, price: 99.99 })
    const result = await actions.dispatchWithResult('addToCart', { productId: 'product2', quantity: 10 })
    expect(result.abortReason).toBe('Only 5 items available')
    expect(cartStore.getValue().items).toHaveLength(1)
  })
})
