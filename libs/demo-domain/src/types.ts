export interface User {
  id: string
  name: string
  email: string
  updatedAt: number
}

export interface Product {
  id: string
  name: string
  price: number
  stock: number
}

export interface CartItem {
  id: string
  productId: string
  quantity: number
  price: number
}

export interface OrderLine {
  productId: string
  quantity: number
  price: number
}

/** `processing` exists only on the client, between the optimistic write and the payment. */
export type OrderStatus = 'processing' | 'created' | 'confirmed' | 'cancelled'

export interface Order {
  id: string
  userId: string | null
  items: OrderLine[]
  total: number
  status: OrderStatus
  createdAt: number
  paymentId?: string
  paymentMethod?: string | undefined
}

export interface Payment {
  id: string
  amount: number
  orderId: string | null
  status: 'captured' | 'refunded'
}

/** The demo API's latency and failure switches. */
export interface Settings {
  latencyMs: number
  failureRate: number
  failPayments: boolean
}

export interface Session {
  userId: string
  name: string
}

export interface RequestOptions {
  signal?: AbortSignal
}

/**
 * What the domain needs from the HTTP API. `createApiClient` from `@context-action/demo-api/client`
 * satisfies it; tests may pass any object with these methods.
 */
export interface DemoApi {
  getUsers(options?: RequestOptions): Promise<User[]>
  getUser(userId: string, options?: RequestOptions): Promise<User>
  updateUser(userId: string, changes: { name?: string; email?: string }, options?: RequestOptions): Promise<User>
  getProducts(options?: RequestOptions): Promise<Product[]>
  createOrder(order: { items: Array<{ productId: string; quantity: number }>; userId?: string | undefined }, options?: RequestOptions): Promise<Order>
  cancelOrder(orderId: string, options?: RequestOptions): Promise<Order>
  confirmOrder(orderId: string, options?: RequestOptions): Promise<Order>
  pay(payment: { amount: number; orderId?: string }, options?: RequestOptions): Promise<Payment>
  refund(paymentId: string, options?: RequestOptions): Promise<Payment>
  getSettings(options?: RequestOptions): Promise<Settings>
  updateSettings(settings: Partial<Settings>, options?: RequestOptions): Promise<Settings>
  reset(options?: RequestOptions): Promise<unknown>
}
