import { afterEach, describe, expect, it } from 'vitest'
import { untilServerCloses } from './__tests__/http'
import { DEFAULT_TIMEOUTS, startDemoApi, type RunningDemoApi } from './server'

let server: RunningDemoApi | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

// Each test sets only the timeout it proves short; the others are longer than the test may run, so only that one can close.
const LONG = 60_000

describe('startDemoApi timeouts', () => {
  it('applies header, request and keep-alive timeouts suited to a local demo by default', async () => {
    server = await startDemoApi({ port: 0 })
    const { headersTimeout, requestTimeout, keepAliveTimeout } = server.server
    expect([headersTimeout, requestTimeout, keepAliveTimeout]).toEqual([5_000, 10_000, 5_000])
    expect(DEFAULT_TIMEOUTS).toEqual({ headersMs: 5_000, requestMs: 10_000, keepAliveMs: 5_000 })
  })

  it('answers 408 and closes a connection whose headers never finish', async () => {
    server = await startDemoApi({ port: 0, timeouts: { headersMs: 100, requestMs: LONG, keepAliveMs: LONG } })
    const answer = await untilServerCloses(server.port, 'GET /api/users HTTP/1.1\r\nHost: 127.0.0.1\r\n')
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout')
  })

  it('answers 408 and closes a connection whose body never finishes, changing nothing', async () => {
    server = await startDemoApi({ port: 0, timeouts: { headersMs: 100, requestMs: 200, keepAliveMs: LONG } })
    const head = 'PUT /api/users/u1 HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n'
    const answer = await untilServerCloses(server.port, `${head}{"name": "Slow`)
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout')
    expect(server.api.db.users.get('u1')!.name).toBe('Ada Lovelace')
  })

  it('closes an idle keep-alive connection after answering', async () => {
    server = await startDemoApi({ port: 0, timeouts: { headersMs: LONG, requestMs: LONG, keepAliveMs: 100 } })
    const answer = await untilServerCloses(server.port, 'GET /api/users/u1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
    // The answer offers to keep the connection alive; the server then closes it once idle.
    expect([answer.split('\r\n')[0], answer.includes('\r\nConnection: keep-alive\r\n')]).toEqual(['HTTP/1.1 200 OK', true])
    expect(answer.endsWith(JSON.stringify({ id: 'u1', name: 'Ada Lovelace', email: 'ada@example.com', updatedAt: 0 }))).toBe(true)
  })

  it('refuses timeouts that are not positive, or headers allowed longer than the whole request', async () => {
    await expect(startDemoApi({ port: 0, timeouts: { keepAliveMs: 0 } })).rejects.toThrow('startDemoApi: timeouts.keepAliveMs must be a positive number of milliseconds, got 0')
    await expect(startDemoApi({ port: 0, timeouts: { requestMs: Number.NaN } })).rejects.toThrow('startDemoApi: timeouts.requestMs must be a positive number of milliseconds, got NaN')
    await expect(startDemoApi({ port: 0, timeouts: { headersMs: 20_000 } })).rejects.toThrow(
      'startDemoApi: timeouts.headersMs (20000) must not exceed timeouts.requestMs (10000)',
    )
  })
})
