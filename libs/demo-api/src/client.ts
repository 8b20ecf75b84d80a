import type { NewOrder, NewPayment, Order, Payment, Product, Settings, User, UserChanges } from './types'

/** A non-2xx answer; `message` is the server's `error` text, ready to show to a user. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly method: string,
    readonly path: string,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

export interface RequestOptions {
  signal?: AbortSignal
}

export type ApiClient = ReturnType<typeof createApiClient>

/**
 * Typed calls to the demo API with `fetch`; `baseUrl` is '' in the browser (same origin) and the server URL in tests.
 * @example const api = createApiClient(); const users = await api.getUsers()
 */
export function createApiClient(baseUrl = '', fetchImpl: typeof fetch = globalThis.fetch) {
  async function call<T>(method: string, path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    // Every write declares JSON, even without a body: the server refuses any other write with 415.
    const response = await fetchImpl(`${baseUrl}${path}`, {
      method,
      signal: options.signal,
      headers: method === 'GET' ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    let data: unknown
    try {
      data = text === '' ? undefined : JSON.parse(text)
    } catch {
      throw new ApiError(response.status, `Unexpected response from ${method} ${path}`, method, path)
    }
    if (!response.ok) {
      const message = (data as { error?: unknown } | undefined)?.error
      throw new ApiError(response.status, typeof message === 'string' ? message : `${method} ${path} failed (${response.status})`, method, path)
    }
    return data as T
  }
  const id = encodeURIComponent

  return {
    getUsers: (options?: RequestOptions) => call<User[]>('GET', '/api/users', undefined, options),
    getUser: (userId: string, options?: RequestOptions) => call<User>('GET', `/api/users/${id(userId)}`, undefined, options),
    updateUser: (userId: string, changes: UserChanges, options?: RequestOptions) => call<User>('PUT', `/api/users/${id(userId)}`, changes, options),
    getProducts: (options?: RequestOptions) => call<Product[]>('GET', '/api/products', undefined, options),
    getOrders: (options?: RequestOptions) => call<Order[]>('GET', '/api/orders', undefined, options),
    createOrder: (order: NewOrder, options?: RequestOptions) => call<Order>('POST', '/api/orders', order, options),
    cancelOrder: (orderId: string, options?: RequestOptions) => call<Order>('DELETE', `/api/orders/${id(orderId)}`, undefined, options),
    confirmOrder: (orderId: string, options?: RequestOptions) => call<Order>('POST', `/api/orders/${id(orderId)}/confirm`, undefined, options),
    pay: (payment: NewPayment, options?: RequestOptions) => call<Payment>('POST', '/api/payments', payment, options),
    refund: (paymentId: string, options?: RequestOptions) => call<Payment>('POST', `/api/payments/${id(paymentId)}/refund`, undefined, options),
    getSettings: (options?: RequestOptions) => call<Settings>('GET', '/api/settings', undefined, options),
    updateSettings: (settings: Partial<Settings>, options?: RequestOptions) => call<Settings>('PUT', '/api/settings', settings, options),
    reset: (options?: RequestOptions) => call<{ ok: true }>('POST', '/api/reset', undefined, options),
  }
}
