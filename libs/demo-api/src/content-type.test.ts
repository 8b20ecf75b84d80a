import { afterEach, describe, expect, it } from 'vitest'
import { callJson, expectCommonHeaders } from './__tests__/http'
import { startDemoApi, type RunningDemoApi } from './server'

let server: RunningDemoApi | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

/** Every write route, each with the JSON body it would accept. */
const WRITES: Array<[string, string, unknown]> = [
  ['PUT', '/api/users/u1', { name: 'Mallory' }],
  ['POST', '/api/orders', { items: [{ productId: 'p1', quantity: 1 }] }],
  ['DELETE', '/api/orders/o1', undefined],
  ['POST', '/api/orders/o1/confirm', undefined],
  ['POST', '/api/payments', { amount: 5 }],
  ['POST', '/api/payments/pay2/refund', undefined],
  ['PUT', '/api/settings', { failPayments: true }],
  ['POST', '/api/reset', undefined],
]

/** What a cross-site form or simple `fetch` can send without a CORS preflight; `null` sends no content type at all. */
const NOT_JSON = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', null]

/** Everything the database holds, payments and the id counter included. */
function snapshot(running: RunningDemoApi): string {
  const { users, products, orders, payments, settings, sequence } = running.api.db
  return JSON.stringify([[...users.values()], [...products.values()], [...orders.values()], [...payments.values()], settings, sequence])
}

async function start(): Promise<RunningDemoApi> {
  server = await startDemoApi({ port: 0, now: () => 7 })
  const url = server.url
  // Something for every write route to act on: an order to cancel or confirm, a payment to refund, a user to reset.
  await callJson(`${url}/api/orders`, 'POST', { items: [{ productId: 'p2', quantity: 1 }] })
  await callJson(`${url}/api/payments`, 'POST', { amount: 29, orderId: 'o1' })
  await callJson(`${url}/api/users/u1`, 'PUT', { name: 'Ada King' })
  return server
}

describe('writes accept JSON only', () => {
  it('refuses every write whose content type is not JSON with 415 and changes nothing', async () => {
    const running = await start()
    const before = snapshot(running)
    const seen: string[] = []
    for (const [method, path, body] of WRITES) {
      for (const type of NOT_JSON) {
        // A JSON body in disguise, as a form post or a simple request would carry it; bodiless routes get an empty body.
        const text = body === undefined ? (type === null ? undefined : '') : JSON.stringify(body)
        const payload = type === null && text !== undefined ? new TextEncoder().encode(text) : text
        const response = await fetch(`${running.url}${path}`, { method, headers: type === null ? {} : { 'content-type': type }, body: payload })
        expectCommonHeaders(Object.fromEntries(response.headers))
        const answer = (await response.json()) as { error: string }
        seen.push(`${response.status} ${answer.error}`)
      }
    }
    const expected = WRITES.flatMap(([method, path]) =>
      ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'no content type'].map(
        (type) => `415 ${method} ${path} accepts only JSON: send content-type: application/json (got ${type})`,
      ),
    )
    expect(seen).toEqual(expected)
    expect(snapshot(running)).toBe(before)
  })

  it('accepts application/json in any case and with parameters, on bodiless writes too', async () => {
    const running = await start()
    const post = async (path: string, type: string, body?: unknown) => {
      const response = await fetch(`${running.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': type },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return [response.status, ((await response.json()) as { status?: string }).status]
    }
    expect([
      await post('/api/orders', 'application/json; charset=utf-8', { items: [{ productId: 'p1', quantity: 1 }] }),
      await post('/api/orders/o1/confirm', 'Application/JSON'),
      await post('/api/payments/pay2/refund', ' application/json ;charset=UTF-8'),
    ]).toEqual([
      [201, 'created'],
      [200, 'confirmed'],
      [200, 'refunded'],
    ])
  })

  it('reads no content type on GET, HEAD and OPTIONS', async () => {
    const running = await start()
    const answers = await Promise.all(
      ['GET', 'HEAD', 'OPTIONS'].map(async (method) => (await fetch(`${running.url}/api/orders`, { method, headers: { 'content-type': 'text/plain' } })).status),
    )
    expect(answers).toEqual([200, 200, 204])
  })
})
