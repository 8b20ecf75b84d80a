import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, preview } from 'vite'
import { describe, expect, it } from 'vitest'
import { send } from './__tests__/http'
import { demoApiPlugin } from './plugin'

function tempRoot(): string {
  const root = mkdtempSync(join(tmpdir(), 'demo-api-'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>demo</title>')
  return root
}

async function get(url: string): Promise<[number, string | null, string]> {
  const response = await fetch(url)
  return [response.status, response.headers.get('content-type'), await response.text()]
}

/** What the API answers through a Vite server: the same refusals and headers as the node server, and Vite's own Host check. */
async function hardening(base: string, plugin: ReturnType<typeof demoApiPlugin>): Promise<unknown[]> {
  const port = Number(new URL(base).port)
  plugin.api.db.users.get('u1')!.name = 'Ada King'
  const form = await send(port, 'POST', '/api/reset', { 'content-type': 'application/x-www-form-urlencoded' }, '')
  const notAllowed = await send(port, 'DELETE', '/api/users')
  const head = await send(port, 'HEAD', '/api/users/u2')
  const rebound = await send(port, 'GET', '/api/users', { host: 'evil.example' })
  // Vite's CORS middleware runs before any plugin and answers every OPTIONS itself: 204, without Allow.
  const options = await send(port, 'OPTIONS', '/api/users')
  return [
    [form.status, form.headers['x-content-type-options'], JSON.parse(form.body).error, plugin.api.db.users.get('u1')!.name],
    [notAllowed.status, notAllowed.headers.allow, notAllowed.headers['x-content-type-options']],
    [head.status, head.headers['content-length'], head.body],
    [rebound.status, rebound.body.startsWith('Blocked request. This host ("evil.example") is not allowed.')],
    [options.status, options.headers.allow],
  ]
}

const HARDENED = [
  [415, 'nosniff', 'POST /api/reset accepts only JSON: send content-type: application/json (got application/x-www-form-urlencoded)', 'Ada King'],
  [405, 'GET, HEAD, OPTIONS', 'nosniff'],
  [200, String(JSON.stringify({ id: 'u2', name: 'Alan Turing', email: 'alan@example.com', updatedAt: 0 }).length), ''],
  [403, true],
  [204, undefined],
]

describe('demoApiPlugin', () => {
  it('serves /api from vite dev, with the same refusals and headers, and hands other paths to Vite', async () => {
    const root = tempRoot()
    const plugin = demoApiPlugin({ settings: { latencyMs: 0 } })
    const server = await createServer({ root, configFile: false, logLevel: 'silent', plugins: [plugin], server: { port: 0, host: '127.0.0.1' } })
    await server.listen()
    try {
      const base = server.resolvedUrls!.local[0].replace(/\/$/, '')
      const [status, type, body] = await get(`${base}/api/users/u2`)
      expect([status, type, JSON.parse(body).name]).toEqual([200, 'application/json; charset=utf-8', 'Alan Turing'])
      const page = await get(`${base}/`)
      expect([page[0], page[2].includes('<title>demo</title>')]).toEqual([200, true])
      // One database per plugin instance, reachable for tests and resets.
      expect(plugin.api.db.users.size).toBe(8)
      expect(await hardening(base, plugin)).toEqual(HARDENED)
    } finally {
      await server.close()
    }
  })

  it('serves /api from vite preview, with the same refusals and headers', async () => {
    const root = tempRoot()
    const plugin = demoApiPlugin()
    const server = await preview({ root, configFile: false, logLevel: 'silent', plugins: [plugin], build: { outDir: root }, preview: { port: 0, host: '127.0.0.1' } })
    try {
      const base = server.resolvedUrls!.local[0].replace(/\/$/, '')
      const [status, , body] = await get(`${base}/api/products`)
      expect([status, JSON.parse(body).length]).toEqual([200, 6])
      expect(await hardening(base, plugin)).toEqual(HARDENED)
    } finally {
      await server.close()
    }
  })
})
