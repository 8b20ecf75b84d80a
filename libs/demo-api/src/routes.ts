import type { DemoDb } from './db'
import { toCents } from './money'
import type { Reply } from './reply'
import type { Order, Payment, RequestRecord } from './types'
import { parseNewOrder, parseNewPayment, parseSettings, parseUserChanges, type Parsed } from './validate'

export interface RouteContext {
  db: DemoDb
  params: string[]
  body: unknown
  now: number
  /** Put the database back to the seed data and the settings to their initial values. */
  reset(): void
  /** The requests answered so far, oldest first. */
  requests: readonly RequestRecord[]
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE'
  pattern: RegExp
  /** Subject to the latency and failure switches (everything except the switches themselves). */
  switched: boolean
  run(ctx: RouteContext): Reply
}

const ok = (body: unknown, status = 200): Reply => ({ status, body })
const error = (status: number, message: string): Reply => ({ status, body: { error: message } })
const invalid = (parsed: Parsed<unknown> & { ok: false }) => error(400, parsed.error)
const nextId = (db: DemoDb, prefix: string) => `${prefix}${++db.sequence}`

const route = (method: Route['method'], path: string, run: Route['run'], switched = true): Route => ({
  method,
  pattern: new RegExp(`^${path.replace(/:\w+/g, '([^/]+)')}/?$`),
  switched,
  run,
})

function createOrder({ db, body, now }: RouteContext): Reply {
  const parsed = parseNewOrder(body)
  if (!parsed.ok) return invalid(parsed)
  const { items, userId } = parsed.value
  if (userId !== undefined && !db.users.has(userId)) return error(400, `Unknown user "${userId}"`)
  const wanted = new Map<string, number>()
  for (const item of items) wanted.set(item.productId, (wanted.get(item.productId) ?? 0) + item.quantity)
  for (const [id, quantity] of wanted) {
    const product = db.products.get(id)
    if (product === undefined) return error(400, `Unknown product "${id}"`)
    if (product.stock < quantity) return error(409, `Only ${product.stock} of "${product.name}" in stock`)
  }
  const lines = items.map(({ productId, quantity }) => {
    const product = db.products.get(productId)!
    product.stock -= quantity
    return { productId, quantity, price: product.price }
  })
  const total = toCents(lines.reduce((sum, l) => sum + l.price * l.quantity, 0))
  const order: Order = { id: nextId(db, 'o'), userId: userId ?? null, items: lines, total, status: 'created', createdAt: now }
  db.orders.set(order.id, order)
  return ok(order, 201)
}

function cancelOrder({ db, params: [id] }: RouteContext): Reply {
  const order = db.orders.get(id)
  if (order === undefined) return error(404, `Order "${id}" not found`)
  if (order.status === 'cancelled') return error(409, `Order "${id}" is already cancelled`)
  for (const item of order.items) {
    const product = db.products.get(item.productId)
    if (product !== undefined) product.stock += item.quantity
  }
  order.status = 'cancelled'
  return ok(order)
}

function confirmOrder({ db, params: [id] }: RouteContext): Reply {
  const order = db.orders.get(id)
  if (order === undefined) return error(404, `Order "${id}" not found`)
  if (order.status === 'cancelled') return error(409, `Order "${id}" was cancelled`)
  order.status = 'confirmed'
  return ok(order)
}

function pay({ db, body, now }: RouteContext): Reply {
  const parsed = parseNewPayment(body)
  if (!parsed.ok) return invalid(parsed)
  if (db.settings.failPayments) return error(402, 'Payment declined')
  const { amount, orderId } = parsed.value
  const payment: Payment = { id: nextId(db, 'pay'), amount, orderId: orderId ?? null, status: 'captured', createdAt: now }
  db.payments.set(payment.id, payment)
  return ok(payment, 201)
}

function refund({ db, params: [id] }: RouteContext): Reply {
  const payment = db.payments.get(id)
  if (payment === undefined) return error(404, `Payment "${id}" not found`)
  if (payment.status === 'refunded') return error(409, `Payment "${id}" is already refunded`)
  payment.status = 'refunded'
  return ok(payment)
}

/** Every route under `/api`; `:name` segments become `params` in order. */
export const routes: Route[] = [
  route('GET', '/api/users', ({ db }) => ok([...db.users.values()])),
  route('GET', '/api/users/:id', ({ db, params: [id] }) => {
    const user = db.users.get(id)
    return user === undefined ? error(404, `User "${id}" not found`) : ok(user)
  }),
  route('PUT', '/api/users/:id', ({ db, params: [id], body, now }) => {
    const user = db.users.get(id)
    if (user === undefined) return error(404, `User "${id}" not found`)
    const parsed = parseUserChanges(body)
    if (!parsed.ok) return invalid(parsed)
    const updated = { ...user, ...parsed.value, updatedAt: now }
    db.users.set(id, updated)
    return ok(updated)
  }),
  route('GET', '/api/products', ({ db }) => ok([...db.products.values()])),
  route('GET', '/api/orders', ({ db }) => ok([...db.orders.values()])),
  route('POST', '/api/orders', createOrder),
  route('DELETE', '/api/orders/:id', cancelOrder),
  route('POST', '/api/orders/:id/confirm', confirmOrder),
  route('POST', '/api/payments', pay),
  route('POST', '/api/payments/:id/refund', refund),
  route('GET', '/api/settings', ({ db }) => ok(db.settings), false),
  // The request log (never subject to the switches, and not recorded in itself): what tests read to count loads.
  route('GET', '/api/requests', ({ requests }) => ok(requests), false),
  route(
    'PUT',
    '/api/settings',
    ({ db, body }) => {
      const parsed = parseSettings(body)
      if (!parsed.ok) return invalid(parsed)
      db.settings = { ...db.settings, ...parsed.value }
      return ok(db.settings)
    },
    false,
  ),
  route(
    'POST',
    '/api/reset',
    (ctx) => {
      ctx.reset()
      return ok({ ok: true })
    },
    false,
  ),
]

export type Match = { route: Route; params: string[] } | { reply: Reply }

function decode(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}

/** The methods a path answers, as an `Allow` header lists them (`HEAD` with `GET`, `OPTIONS` last); empty for no route. */
export function allowedMethods(path: string): string[] {
  const methods = routes.filter((r) => r.pattern.test(path)).flatMap((r) => (r.method === 'GET' ? ['GET', 'HEAD'] : [r.method]))
  return methods.length === 0 ? [] : [...methods, 'OPTIONS']
}

/** Find the route for a request (`HEAD` runs the `GET` route), or the reply: 404, 405 or `OPTIONS` (204), with `Allow`. */
export function match(method: string, path: string): Match {
  const allowed = allowedMethods(path)
  if (allowed.length === 0) return { reply: error(404, `No route for ${method} ${path}`) }
  const allow = allowed.join(', ')
  if (method === 'OPTIONS') return { reply: { status: 204, headers: { allow } } }
  const wanted = method === 'HEAD' ? 'GET' : method
  for (const r of routes) {
    const m = r.pattern.exec(path)
    if (m === null || r.method !== wanted) continue
    const params = m.slice(1).map(decode)
    if (params.includes(null)) return { reply: error(400, `Malformed path ${path}`) }
    return { route: r, params: params as string[] }
  }
  return { reply: { ...error(405, `${method} is not allowed on ${path}`), headers: { allow } } }
}
