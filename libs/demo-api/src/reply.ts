import type { ServerResponse } from 'node:http'

/** What a route answers: a status, a JSON body (none for 204) and any extra headers. */
export interface Reply {
  status: number
  body?: unknown
  headers?: Record<string, string>
}

// Every answer, including errors and bodiless ones, forbids caching and content sniffing.
const COMMON_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' }

/** Write `reply` as the response (JSON body with its length); does nothing once a response has started. */
export function send(res: ServerResponse, { status, body, headers }: Reply): void {
  if (res.headersSent || res.writableEnded) return
  if (body === undefined) {
    res.writeHead(status, { ...COMMON_HEADERS, ...headers })
    res.end()
    return
  }
  const text = JSON.stringify(body)
  res.writeHead(status, {
    ...COMMON_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  })
  res.end(text)
}

/** `reply` as a web `Response` (the same headers as `send`); no body for `HEAD` or a bodiless reply. */
export function toResponse(method: string, { status, body, headers }: Reply): Response {
  // `connection` belongs to the server that carries the response, not to a web Response.
  const { connection: _connection, ...rest } = headers ?? {}
  if (body === undefined) return new Response(null, { status, headers: { ...COMMON_HEADERS, ...rest } })
  const text = JSON.stringify(body)
  const all = { ...COMMON_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...rest }
  return new Response(method === 'HEAD' ? null : text, { status, headers: all })
}
