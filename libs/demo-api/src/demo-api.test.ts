import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { callJson, send } from './__tests__/http'
import { startDemoApi, type RunningDemoApi, type StartDemoApiOptions } from './server'

let server: RunningDemoApi | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

async function start(options: StartDemoApiOptions = {}) {
  server = await startDemoApi({ port: 0, ...options })
  return server
}

/** `[status, body]` of one real HTTP request (JSON, nosniff and no-store checked on every answer). */
const call = (method: string, path: string, body?: unknown, raw?: string) => callJson(`${server!.url}${path}`, method, body, raw)

describe('demo API over HTTP', () => {
  it('serves the seed users and products', async () => {
    await start()
    const [status, users] = await call('GET', '/api/users')
    expect([status, users.length, users[0]]).toEqual([200, 8, { id: 'u1', name: 'Ada Lovelace', email: 'ada@example.com', updatedAt: 0 }])
    const [, products] = await call('GET', '/api/products')
    expect(products.map((p: { id: string; stock: number }) => [p.id, p.stock])).toEqual([
      ['p1', 5],
      ['p2', 10],
      ['p3', 3],
      ['p4', 8],
      ['p5', 4],
      ['p6', 2],
    ])
    expect(await call('GET', '/api/users/u3')).toEqual([200, { id: 'u3', name: 'Grace Hopper', email: 'grace@example.com', updatedAt: 0 }])
    expect(await call('GET', '/api/users/nobody')).toEqual([404, { error: 'User "nobody" not found' }])
  })

  it('updates a user and refuses invalid changes with 400 and a message', async () => {
    await start({ now: () => 42 })
    expect(await call('PUT', '/api/users/u1', { name: ' Ada King ' })).toEqual([200, { id: 'u1', name: 'Ada King', email: 'ada@example.com', updatedAt: 42 }])
    expect([
      await call('PUT', '/api/users/u1', { name: '' }),
      await call('PUT', '/api/users/u1', { email: 'no-at-sign' }),
      await call('PUT', '/api/users/u1', { name: 7 }),
      await call('PUT', '/api/users/u1', {}),
      await call('PUT', '/api/users/u1', [1]),
      await call('PUT', '/api/users/zz', { name: 'x' }),
    ]).toEqual([
      [400, { error: 'Name cannot be empty' }],
      [400, { error: 'Email must contain @' }],
      [400, { error: 'Name must be a string' }],
      [400, { error: 'Nothing to update: send name and/or email' }],
      [400, { error: 'Expected a JSON object with name and/or email' }],
      [404, { error: 'User "zz" not found' }],
    ])
    expect((await call('GET', '/api/users/u1'))[1].name).toBe('Ada King')
  })

  it('creates orders, decrements stock, answers 409 when out of stock, cancels and confirms', async () => {
    await start({ now: () => 1 })
    const [status, order] = await call('POST', '/api/orders', { items: [{ productId: 'p6', quantity: 2 }], userId: 'u1' })
    expect([status, order]).toEqual([
      201,
      { id: 'o1', userId: 'u1', items: [{ productId: 'p6', quantity: 2, price: 199 }], total: 398, status: 'created', createdAt: 1 },
    ])
    expect(await call('POST', '/api/orders', { items: [{ productId: 'p6', quantity: 1 }] })).toEqual([409, { error: 'Only 0 of "Noise-cancelling headphones" in stock' }])
    expect((await call('DELETE', '/api/orders/o1'))[1].status).toBe('cancelled')
    expect((await call('GET', '/api/products'))[1][5].stock).toBe(2)
    expect(await call('POST', '/api/orders/o1/confirm')).toEqual([409, { error: 'Order "o1" was cancelled' }])
    const [, second] = await call('POST', '/api/orders', { items: [{ productId: 'p1', quantity: 1 }] })
    expect((await call('POST', `/api/orders/${second.id}/confirm`))[1].status).toBe('confirmed')
    expect((await call('GET', '/api/orders'))[1].map((o: { id: string; status: string }) => [o.id, o.status])).toEqual([
      ['o1', 'cancelled'],
      ['o2', 'confirmed'],
    ])
  })

  it('validates order items', async () => {
    await start()
    expect([
      await call('POST', '/api/orders', { items: [] }),
      await call('POST', '/api/orders', { items: [{ productId: 'p1', quantity: 0 }] }),
      await call('POST', '/api/orders', { items: [{ productId: 'p1', quantity: 1.5 }] }),
      await call('POST', '/api/orders', { items: [{ productId: 'nope', quantity: 1 }] }),
      await call('POST', '/api/orders', { items: 'p1' }),
      // Two lines for the same product count together against its stock.
      await call('POST', '/api/orders', { items: [{ productId: 'p3', quantity: 2 }, { productId: 'p3', quantity: 2 }] }),
    ]).toEqual([
      [400, { error: 'An order needs at least one item' }],
      [400, { error: 'items[0].quantity must be a whole number ≥ 1' }],
      [400, { error: 'items[0].quantity must be a whole number ≥ 1' }],
      [400, { error: 'Unknown product "nope"' }],
      [400, { error: 'Expected a JSON object with an items array' }],
      [409, { error: 'Only 3 of "27" monitor" in stock' }],
    ])
    expect((await call('GET', '/api/products'))[1][2].stock).toBe(3)
  })

  it('takes payments, declines them when failPayments is on, and refunds', async () => {
    await start({ now: () => 5 })
    expect(await call('POST', '/api/payments', { amount: 10.005, orderId: 'o9' })).toEqual([
      201,
      { id: 'pay1', amount: 10.01, orderId: 'o9', status: 'captured', createdAt: 5 },
    ])
    expect((await call('POST', '/api/payments/pay1/refund'))[1].status).toBe('refunded')
    expect(await call('POST', '/api/payments/pay1/refund')).toEqual([409, { error: 'Payment "pay1" is already refunded' }])
    expect(await call('POST', '/api/payments', { amount: -1 })).toEqual([400, { error: 'amount must be a number > 0' }])
    expect(await call('PUT', '/api/settings', { failPayments: true })).toEqual([200, { latencyMs: 0, failureRate: 0, failPayments: true }])
    expect(await call('POST', '/api/payments', { amount: 1 })).toEqual([402, { error: 'Payment declined' }])
  })

  it('validates settings and resets data and settings', async () => {
    await start({ settings: { latencyMs: 5 } })
    expect(await call('GET', '/api/settings')).toEqual([200, { latencyMs: 5, failureRate: 0, failPayments: false }])
    expect([
      await call('PUT', '/api/settings', { failureRate: 2 }),
      await call('PUT', '/api/settings', { latencyMs: 'slow' }),
      await call('PUT', '/api/settings', { failPayments: 'yes' }),
    ]).toEqual([
      [400, { error: 'failureRate must be a number from 0 to 1' }],
      [400, { error: 'latencyMs must be a number from 0 to 10000' }],
      [400, { error: 'failPayments must be true or false' }],
    ])
    await call('PUT', '/api/settings', { failureRate: 0.5, latencyMs: 0 })
    await call('PUT', '/api/users/u1', { name: 'Changed' })
    expect(await call('POST', '/api/reset')).toEqual([200, { ok: true }])
    expect([(await call('GET', '/api/users/u1'))[1].name, (await call('GET', '/api/settings'))[1]]).toEqual([
      'Ada Lovelace',
      { latencyMs: 5, failureRate: 0, failPayments: false },
    ])
  })

  it('waits at least latencyMs before answering a data route', async () => {
    await start({ settings: { latencyMs: 60 } })
    const started = performance.now()
    const [status] = await call('GET', '/api/users')
    expect(status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(59)
  })

  it('uses the injected delay for latency, and not for the switches themselves', async () => {
    const delays: number[] = []
    await start({ settings: { latencyMs: 250 }, delay: async (ms) => void delays.push(ms) })
    await call('GET', '/api/users')
    await call('PUT', '/api/settings', { latencyMs: 10 })
    await call('GET', '/api/settings')
    await call('GET', '/api/products')
    expect(delays).toEqual([250, 10])
  })

  it('injects failures by failureRate (503, data untouched) but never on the switches', async () => {
    const rolls = [0.9, 0.1]
    await start({ settings: { failureRate: 0.5 }, random: () => rolls.shift() ?? 0 })
    expect((await call('GET', '/api/users'))[0]).toBe(200)
    expect(await call('PUT', '/api/users/u1', { name: 'Lost' })).toEqual([503, { error: 'Injected failure (failure rate 0.5)' }])
    expect(await call('POST', '/api/orders', { items: [{ productId: 'p1', quantity: 1 }] })).toEqual([503, { error: 'Injected failure (failure rate 0.5)' }])
    expect((await call('GET', '/api/settings'))[0]).toBe(200)
    expect(server!.api.db.users.get('u1')!.name).toBe('Ada Lovelace')
    expect(server!.api.db.products.get('p1')!.stock).toBe(5)
  })

  it('answers bad requests with 4xx JSON and keeps serving', async () => {
    await start()
    expect([
      await call('GET', '/api/nothing'),
      await call('DELETE', '/api/users'),
      await call('POST', '/api/orders', undefined, '{"items": ['),
      await call('POST', '/api/payments', undefined, ''),
      await call('GET', '/api/users/%E0%A4%A'),
      await call('POST', '/api/orders', undefined, '{"__proto__": {"items": [{"productId": "p1", "quantity": 1}]}}'),
    ]).toEqual([
      [404, { error: 'No route for GET /api/nothing' }],
      [405, { error: 'DELETE is not allowed on /api/users' }],
      [400, { error: 'Malformed JSON body' }],
      [400, { error: 'Expected a JSON object with an amount' }],
      [400, { error: 'Malformed path /api/users/%E0%A4%A' }],
      [400, { error: 'Expected a JSON object with an items array' }],
    ])
    expect(({} as Record<string, unknown>).items).toBeUndefined()
    const big = JSON.stringify({ amount: 1, pad: 'x'.repeat(1_100_000) })
    expect(await call('POST', '/api/payments', undefined, big)).toEqual([413, { error: 'Request body too large' }])
    expect((await call('GET', '/api/users'))[0]).toBe(200)
  })

  it('closes the connection after refusing a body that is too large, and keeps serving on a new one', async () => {
    await start()
    const big = JSON.stringify({ amount: 1, pad: 'x'.repeat(1_100_000) })
    const refused = await send(server!.port, 'POST', '/api/payments', { 'content-type': 'application/json' }, big)
    // The unread rest of the body would otherwise be parsed as the next request on a kept-alive connection.
    expect([refused.status, refused.headers.connection, refused.body]).toEqual([413, 'close', JSON.stringify({ error: 'Request body too large' })])
    expect((await send(server!.port, 'GET', '/api/users/u1')).status).toBe(200)
    expect(server!.api.db.payments.size).toBe(0)
  })

  it('survives a client that hangs up mid-request', async () => {
    await start({ settings: { latencyMs: 20 } })
    await new Promise<void>((resolve) => {
      const socket = connect(server!.port, '127.0.0.1', () => {
        socket.write('PUT /api/users/u1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 100\r\n\r\n{"name"')
        socket.destroy()
        resolve()
      })
    })
    await new Promise((resolve) => setTimeout(resolve, 40))
    expect((await call('GET', '/api/users/u1'))[0]).toBe(200)
  })

  it('answers non-API paths 404 when served standalone', async () => {
    await start()
    const response = await fetch(`${server!.url}/index.html`)
    expect([response.status, await response.json()]).toEqual([404, { error: 'No route for GET /index.html' }])
  })
})
