import { afterEach, describe, expect, it } from 'vitest'
import { send } from './__tests__/http'
import { startDemoApi, type RunningDemoApi } from './server'

let server: RunningDemoApi | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('every answer', () => {
  it('carries X-Content-Type-Options: nosniff and Cache-Control: no-store, whatever its status', async () => {
    // Three switched routes pass, the fourth fails with 503.
    const rolls = [0.9, 0.9, 0.9, 0.1]
    server = await startDemoApi({ port: 0, settings: { failureRate: 0.5 }, random: () => rolls.shift() ?? 0 })
    const json = { 'content-type': 'application/json' }
    const requests: Array<[string, string, Record<string, string>, string?]> = [
      ['GET', '/api/users', {}],
      ['POST', '/api/orders', json, '{"items":[{"productId":"p1","quantity":1}]}'],
      ['OPTIONS', '/api/users', {}],
      ['HEAD', '/api/products', {}],
      ['PUT', '/api/settings', json, '{"latencyMs":-1}'],
      ['GET', '/api/nothing', {}],
      ['DELETE', '/api/users', {}],
      ['PUT', '/api/settings', json, JSON.stringify({ pad: 'x'.repeat(1_100_000) })],
      ['PUT', '/api/settings', { 'content-type': 'text/plain' }, '{}'],
      ['GET', '/api/users', {}],
      ['GET', '/index.html', {}],
      ['GET', '/api/users', { host: 'evil.example' }],
    ]
    const seen = []
    for (const [method, path, headers, body] of requests) {
      const answer = await send(server.port, method, path, headers, body)
      seen.push([answer.status, answer.headers['x-content-type-options'], answer.headers['cache-control']])
    }
    expect(seen).toEqual([200, 201, 204, 200, 400, 404, 405, 413, 415, 503, 404, 403].map((status) => [status, 'nosniff', 'no-store']))
  })
})
