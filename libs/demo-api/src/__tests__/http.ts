// Test-only helpers: real HTTP requests to a demo API listening on 127.0.0.1.
import { request } from 'node:http'
import { connect } from 'node:net'
import { expect } from 'vitest'

export interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** The headers every answer of the demo API carries, whatever its status. */
export function expectCommonHeaders(headers: Answer['headers']): void {
  expect([headers['x-content-type-options'], headers['cache-control']]).toEqual(['nosniff', 'no-store'])
}

/** `[status, parsed JSON body]` of one `fetch`, checking the JSON content type and the common headers. */
export async function callJson(url: string, method: string, body?: unknown, raw?: string): Promise<[number, any]> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json' },
    body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  })
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
  expectCommonHeaders(Object.fromEntries(response.headers))
  return [response.status, await response.json()]
}

/** One request through `node:http`, which (unlike `fetch`) may send any `Host` header and any method. */
export function send(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** Write `text` on a raw TCP connection and resolve with all the server wrote once the server closes it. */
export function untilServerCloses(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    const socket = connect(port, '127.0.0.1', () => socket.write(text))
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')))
  })
}
