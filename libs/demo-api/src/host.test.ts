import { afterEach, describe, expect, it } from 'vitest'
import { expectCommonHeaders, send, untilServerCloses } from './__tests__/http'
import { startDemoApi, type RunningDemoApi } from './server'

let server: RunningDemoApi | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

describe('Host header check of the node server', () => {
  it('answers loopback host names and the address it listens on, with or without a port', async () => {
    server = await startDemoApi({ port: 0 })
    const port = server.port
    const hosts = [`localhost:${port}`, 'LOCALHOST', `demo.localhost:${port}`, `127.0.0.1:${port}`, '127.1.2.3', `[::1]:${port}`, '[::1]']
    const statuses = []
    for (const host of hosts) statuses.push([host, (await send(port, 'GET', '/api/users/u1', { host })).status])
    expect(statuses).toEqual(hosts.map((host) => [host, 200]))
  })

  it('refuses any other host name with 403 and changes nothing (DNS rebinding)', async () => {
    server = await startDemoApi({ port: 0 })
    const port = server.port
    server.api.db.users.get('u1')!.name = 'Ada King'
    const hosts = ['evil.example', `evil.example:${port}`, `127.0.0.1.nip.io:${port}`, 'localhost.evil.example', '192.168.1.20']
    const answers = []
    for (const host of hosts) {
      const answer = await send(port, 'POST', '/api/reset', { host, 'content-type': 'application/json' })
      expectCommonHeaders(answer.headers)
      answers.push([answer.status, JSON.parse(answer.body).error])
    }
    expect(answers).toEqual(hosts.map((host) => [403, `Host "${host}" is not allowed: the demo API answers loopback names only`]))
    expect(server.api.db.users.get('u1')!.name).toBe('Ada King')
  })

  it('refuses a request without a Host header', async () => {
    server = await startDemoApi({ port: 0 })
    const answer = await untilServerCloses(server.port, 'GET /api/users HTTP/1.0\r\n\r\n')
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 403 Forbidden')
    expect(answer.endsWith(JSON.stringify({ error: 'Host "" is not allowed: the demo API answers loopback names only' }))).toBe(true)
  })
})
