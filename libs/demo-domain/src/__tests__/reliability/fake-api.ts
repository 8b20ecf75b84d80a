import type { DemoApi, Order, Payment, Product, Settings, User } from '../../types'

/** An in-memory `DemoApi` for one request: every name it returns carries `tag`, so leaks between requests show. */
export function createFakeApi(tag: string): DemoApi {
  const users: User[] = [
    { id: `${tag}-1`, name: `Ada ${tag}`, email: `ada.${tag}@example.test`, updatedAt: 0 },
    { id: `${tag}-2`, name: `Bob ${tag}`, email: `bob.${tag}@example.test`, updatedAt: 0 },
  ]
  const products: Product[] = [{ id: `${tag}-p`, name: `Pen ${tag}`, price: 2, stock: 5 }]
  let settings: Settings = { latencyMs: 0, failureRate: 0, failPayments: false }
  const order = (id: string, status: Order['status']): Order => ({ id, userId: null, items: [], total: 0, status, createdAt: 0 })
  const find = (id: string) => {
    const user = users.find((u) => u.id === id)
    if (user === undefined) throw new Error(`no user ${id}`)
    return user
  }
  return {
    getUsers: async () => users.map((u) => ({ ...u })),
    getUser: async (id) => ({ ...find(id) }),
    updateUser: async (id, changes) => Object.assign(find(id), changes, { updatedAt: 1 }),
    getProducts: async () => products.map((p) => ({ ...p })),
    createOrder: async () => order(`${tag}-o`, 'created'),
    cancelOrder: async (id) => order(id, 'cancelled'),
    confirmOrder: async (id) => order(id, 'confirmed'),
    pay: async ({ amount, orderId }): Promise<Payment> => ({ id: `${tag}-pay`, amount, orderId: orderId ?? null, status: 'captured' }),
    refund: async (id): Promise<Payment> => ({ id, amount: 0, orderId: null, status: 'refunded' }),
    getSettings: async () => ({ ...settings }),
    updateSettings: async (next) => (settings = { ...settings, ...next }),
    reset: async () => undefined,
  }
}
