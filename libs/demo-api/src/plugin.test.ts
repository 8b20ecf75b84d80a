import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createServer, preview } from 'vite'
import { describe, expect, it } from 'vitest'
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

describe('demoApiPlugin', () => {
  it('serves /api from vite dev and hands other paths to Vite', async () => {
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
    } finally {
      await server.close()
    }
  })

  it('serves /api from vite preview', async () => {
    const root = tempRoot()
    const server = await preview({ root, configFile: false, logLevel: 'silent', plugins: [demoApiPlugin()], build: { outDir: root }, preview: { port: 0, host: '127.0.0.1' } })
    try {
      const base = server.resolvedUrls!.local[0].replace(/\/$/, '')
      const [status, , body] = await get(`${base}/api/products`)
      expect([status, JSON.parse(body).length]).toEqual([200, 6])
    } finally {
      await server.close()
    }
  })
})
