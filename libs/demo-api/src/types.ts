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

export interface OrderItem {
  productId: string
  quantity: number
  price: number
}

export interface Order {
  id: string
  userId: string | null
  items: OrderItem[]
  total: number
  status: 'created' | 'confirmed' | 'cancelled'
  createdAt: number
}

export interface Payment {
  id: string
  amount: number
  orderId: string | null
  status: 'captured' | 'refunded'
  createdAt: number
}

/** The switches the demo UI flips to make latency, rollback and cache behaviour visible. */
export interface Settings {
  /** Delay before every data route answers. */
  latencyMs: number
  /** Probability (0..1) that a data route fails with 503 before touching any data. */
  failureRate: number
  /** `POST /api/payments` is declined (402). */
  failPayments: boolean
}

export interface NewOrder {
  items: Array<{ productId: string; quantity: number }>
  userId?: string
}

export interface NewPayment {
  amount: number
  orderId?: string
}

export interface UserChanges {
  name?: string
  email?: string
}

/** One request the demo API answered, as `GET /api/requests` lists them. */
export interface RequestRecord {
  /** 1, 2, 3… in the order the requests arrived. */
  id: number
  method: string
  /** Path and query, such as `/api/users`. */
  url: string
  status: number
  /** How many other requests the API was still answering when this one arrived (above 0: they overlapped). */
  inFlight: number
}
