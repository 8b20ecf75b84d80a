import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiError, createApiClient } from './client'
import { startDemoApi, type RunningDemoApi } from './server'

let server: RunningDemoApi

beforeAll(async () => {
  server = await startDemoApi({ port: 0, now: () => 3 })
})
afterAll(() => server.close())

describe('createApiClient', () => {
  it('calls every route with typed results', async () => {
    const api = createApiClient(server.url)
    expect((await api.getUsers()).length).toBe(8)
    expect(await api.getUser('u2')).toEqual({ id: 'u2', name: 'Alan Turing', email: 'alan@example.com', updatedAt: 0 })
    expect(await api.updateUser('u2', { email: 'turing@example.com' })).toEqual({ id: 'u2', name: 'Alan Turing', email: 'turing@example.com', updatedAt: 3 })
    expect((await api.getProducts()).length).toBe(6)
    const order = await api.createOrder({ items: [{ productId: 'p2', quantity: 2 }] })
    expect([order.total, (await api.confirmOrder(order.id)).status, (await api.getOrders()).length]).toEqual([58, 'confirmed', 1])
    const payment = await api.pay({ amount: 58, orderId: order.id })
    expect([(await api.refund(payment.id)).status, (await api.cancelOrder(order.id)).status]).toEqual(['refunded', 'cancelled'])
    expect(await api.updateSettings({ latencyMs: 1 })).toEqual({ latencyMs: 1, failureRate: 0, failPayments: false })
    expect(await api.getSettings()).toEqual({ latencyMs: 1, failureRate: 0, failPayments: false })
    expect(await api.reset()).toEqual({ ok: true })
    expect((await api.getUser('u2')).email).toBe('alan@example.com')
  })

  it('declares JSON on every write, bodiless ones included, so the server accepts them all', async () => {
    const sent: string[] = []
    const recording = (async (url: string, init: RequestInit) => {
      const type = (init.headers as Record<string, string> | undefined)?.['content-type'] ?? 'none'
      sent.push(`${init.method} ${new URL(url).pathname} ${type}`)
      return fetch(url, init)
    }) as unknown as typeof fetch
    const api = createApiClient(server.url, recording)
    const order = await api.createOrder({ items: [{ productId: 'p1', quantity: 1 }] })
    await api.confirmOrder(order.id)
    const payment = await api.pay({ amount: order.total, orderId: order.id })
    await api.refund(payment.id)
    await api.cancelOrder(order.id)
    await api.updateUser('u3', { name: 'Grace B. Hopper' })
    await api.updateSettings({ failureRate: 0 })
    await api.getOrders()
    await api.reset()
    const json = 'application/json'
    expect(sent).toEqual([
      `POST /api/orders ${json}`,
      `POST /api/orders/${order.id}/confirm ${json}`,
      `POST /api/payments ${json}`,
      `POST /api/payments/${payment.id}/refund ${json}`,
      `DELETE /api/orders/${order.id} ${json}`,
      `PUT /api/users/u3 ${json}`,
      `PUT /api/settings ${json}`,
      'GET /api/orders none',
      `POST /api/reset ${json}`,
    ])
  })

  it('throws ApiError with the server message and status', async () => {
    const api = createApiClient(server.url)
    const error = await api.updateUser('u1', { name: '' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ name: 'ApiError', status: 400, message: 'Name cannot be empty', method: 'PUT', path: '/api/users/u1' })
    await expect(api.getUser('a/b')).rejects.toMatchObject({ status: 404, message: 'User "a/b" not found' })
  })

  it('passes the abort signal to fetch', async () => {
    server.api.db.settings = { ...server.api.db.settings, latencyMs: 200 }
    const controller = new AbortController()
    const pending = createApiClient(server.url).getUsers({ signal: controller.signal })
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    server.api.reset()
  })

  it('uses the injected fetch and base URL', async () => {
    const seen: string[] = []
    const fake = (async (url: string, init: RequestInit) => {
      seen.push(`${init.method} ${url} ${init.body ?? ''}`)
      return new Response('{"error":"nope"}', { status: 503 })
    }) as unknown as typeof fetch
    const api = createApiClient('http://x', fake)
    await expect(api.pay({ amount: 1 })).rejects.toMatchObject({ status: 503, message: 'nope' })
    expect(seen).toEqual(['POST http://x/api/payments {"amount":1}'])
  })
})
