import { describe, expect, it } from 'vitest'
import { createDemoApi } from './demo-api'
import { startDemoApi } from './server'

const ORIGIN = 'http://127.0.0.1:4204'
const get = (path: string, init: RequestInit = {}) => new Request(`${ORIGIN}${path}`, init)
const json = (method: string, path: string, body: unknown) => get(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

/** `[status, parsed body]` of a Response the API gave (it must have given one). */
async function read(response: Response | undefined): Promise<[number, unknown]> {
  if (response === undefined) throw new Error('expected a Response, got undefined')
  const text = await response.text()
  return [response.status, text === '' ? undefined : JSON.parse(text)]
}

describe('createDemoApi().fetch: the API for web-standard requests', () => {
  it('answers the routes like the node handler, with the same headers', async () => {
    const api = createDemoApi({ now: () => 7 })
    const users = await api.fetch(get('/api/users'))
    expect([users?.status, users?.headers.get('content-type'), users?.headers.get('cache-control'), users?.headers.get('x-content-type-options')]).toEqual([
      200,
      'application/json; charset=utf-8',
      'no-store',
      'nosniff',
    ])
    expect(((await users!.json()) as unknown[]).length).toBe(8)
    expect(await read(await api.fetch(json('PUT', '/api/users/u1', { name: 'Ada King' })))).toEqual([200, { id: 'u1', name: 'Ada King', email: 'ada@example.com', updatedAt: 7 }])
    expect(api.db.users.get('u1')?.name).toBe('Ada King')
    expect(await read(await api.fetch(json('PUT', '/api/users/u1', { name: '' })))).toEqual([400, { error: 'Name cannot be empty' }])
    expect(await read(await api.fetch(get('/api/reset', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' })))).toEqual([
      415,
      { error: 'POST /api/reset accepts only JSON: send content-type: application/json (got text/plain)' },
    ])
    expect(await read(await api.fetch(json('POST', '/api/orders', 'not json{')))).toEqual([400, { error: 'Expected a JSON object with an items array' }])
    expect(await read(await api.fetch(get('/api/nothing')))).toEqual([404, { error: 'No route for GET /api/nothing' }])
  })

  it('gives HEAD the headers without a body, and a bodiless reply no body', async () => {
    const api = createDemoApi()
    const head = await api.fetch(get('/api/users/u2', { method: 'HEAD' }))
    expect([head?.status, Number(head?.headers.get('content-length')) > 0, await head?.text()]).toEqual([200, true, ''])
    const options = await api.fetch(get('/api/users', { method: 'OPTIONS' }))
    expect([options?.status, options?.headers.get('allow'), await options?.text()]).toEqual([204, 'GET, HEAD, OPTIONS', ''])
  })

  it('returns undefined for a path outside /api, so the caller passes the request on', async () => {
    const api = createDemoApi()
    expect([await api.fetch(get('/')), await api.fetch(get('/apis')), await api.fetch(get('/cache?x=/api/users'))]).toEqual([undefined, undefined, undefined])
    expect(api.requests).toEqual([])
  })

  it('refuses a request whose URL names a host that is not loopback (DNS rebinding), changing nothing', async () => {
    const api = createDemoApi()
    const refused = await read(await api.fetch(new Request('http://evil.example/api/reset', { method: 'POST', headers: { 'content-type': 'application/json' } })))
    expect(refused).toEqual([403, { error: 'Host "evil.example" is not allowed: the demo API answers loopback names only' }])
    expect((await read(await api.fetch(new Request('http://localhost:5173/api/settings'))))[0]).toBe(200)
  })

  it('refuses a body over 1 MB with 413 (no connection header in a web Response)', async () => {
    const api = createDemoApi()
    const big = await api.fetch(json('PUT', '/api/users/u1', { name: 'x'.repeat(1_100_000) }))
    expect([big?.status, big?.headers.get('connection'), await big?.json()]).toEqual([413, null, { error: 'Request body too large' }])
    expect(api.db.users.get('u1')?.name).toBe('Ada Lovelace')
  })
})

describe('the request log', () => {
  it('records every answered request in order with its status, and GET /api/requests returns it without recording itself', async () => {
    const api = createDemoApi()
    await api.fetch(get('/api/users'))
    await api.fetch(get('/api/users/nobody'))
    await api.fetch(json('PUT', '/api/settings', { latencyMs: 0 }))
    await api.fetch(get('/api/requests'))
    const [status, log] = await read(await api.fetch(get('/api/requests/')))
    const expected = [
      { id: 1, method: 'GET', url: '/api/users', status: 200, inFlight: 0 },
      { id: 2, method: 'GET', url: '/api/users/nobody', status: 404, inFlight: 0 },
      { id: 3, method: 'PUT', url: '/api/settings', status: 200, inFlight: 0 },
    ]
    expect([status, log, api.requests]).toEqual([200, expected, expected])
  })

  it('says how many other requests were being answered when one arrived', async () => {
    const waiting: Array<() => void> = []
    const api = createDemoApi({ settings: { latencyMs: 100 }, delay: () => new Promise<void>((resolve) => waiting.push(resolve)) })
    const first = api.fetch(get('/api/users'))
    const second = api.fetch(get('/api/users?again=1'))
    while (waiting.length < 2) await new Promise((resolve) => setTimeout(resolve, 0))
    await api.fetch(get('/api/settings')) // not subject to latency: answered while both wait
    waiting.forEach((resume) => resume())
    await Promise.all([first, second])
    await api.fetch(get('/api/settings?after=1'))
    // Settings finished first, so it is recorded first; each record keeps the count from its arrival.
    expect(api.requests.map((r) => [r.url, r.inFlight])).toEqual([
      ['/api/settings', 2],
      ['/api/users', 0],
      ['/api/users?again=1', 1],
      ['/api/settings?after=1', 0],
    ])
    // The ids give the arrival order.
    expect(api.requests.map((r) => r.id)).toEqual([3, 1, 2, 4])
  })

  it('keeps the last 1,000 requests', async () => {
    const api = createDemoApi()
    for (let i = 1; i <= 1_005; i++) await api.fetch(get(`/api/settings?n=${i}`))
    expect([api.requests.length, api.requests[0].url, api.requests.at(-1)?.url]).toEqual([1_000, '/api/settings?n=6', '/api/settings?n=1005'])
  })

  it('records requests through the node handler too', async () => {
    const server = await startDemoApi()
    try {
      await fetch(`${server.url}/api/users/u1`)
      await fetch(`${server.url}/api/orders`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' })
      const log = (await (await fetch(`${server.url}/api/requests`)).json()) as unknown
      expect(log).toEqual([
        { id: 1, method: 'GET', url: '/api/users/u1', status: 200, inFlight: 0 },
        { id: 2, method: 'POST', url: '/api/orders', status: 415, inFlight: 0 },
      ])
    } finally {
      await server.close()
    }
  })
})
