import type { IncomingMessage, ServerResponse } from 'node:http'
import { isJsonContentType } from './content-type'
import { createDb, type DemoDb } from './db'
import { isAllowedHost } from './host'
import { send, toResponse, type Reply } from './reply'
import { match } from './routes'
import type { RequestRecord, Settings } from './types'

export interface DemoApiOptions {
  /** Initial switches (also what `POST /api/reset` goes back to). */
  settings?: Partial<Settings>
  /** Waits `ms` before a data route answers; `setTimeout` by default. */
  delay?: (ms: number) => Promise<void>
  /** Source of randomness for `failureRate`; `Math.random` by default (`() => 0` fails every switched route). */
  random?: () => number
  now?: () => number
}

export type NextFunction = (error?: unknown) => void

export interface DemoApi {
  /** Connect-style middleware: answers `/api/*`, passes anything else to `next` (or answers 404). */
  handle(req: IncomingMessage, res: ServerResponse, next?: NextFunction): Promise<void>
  /**
   * The same API for a web-standard `Request` (SvelteKit's `handle` hook, any fetch-style server): the `Response`, or
   * `undefined` for a path outside `/api`, to pass on. A request whose URL does not name a loopback host is refused (403).
   */
  fetch(request: Request): Promise<Response | undefined>
  /** Every request answered so far, oldest first (at most the last 1,000), as `GET /api/requests` also returns them. */
  readonly requests: readonly RequestRecord[]
  /** The live in-memory database (replaced by `reset`). */
  readonly db: DemoDb
  reset(): void
}

const MAX_BODY = 1_000_000
const MAX_RECORDS = 1_000

/** What the API reads of a request, from `node:http` or a web `Request` alike. */
interface ApiRequest {
  method: string
  /** Path and query, such as `/api/users?x=1`. */
  url: string
  contentType: string | undefined
  body: AsyncIterable<Uint8Array> | null
}
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

class BadRequest extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers?: Record<string, string>,
  ) {
    super(message)
  }
}

async function readJson(body: AsyncIterable<Uint8Array> | null): Promise<unknown> {
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of body ?? []) {
    size += chunk.length
    // The rest of the body stays unread, so this connection cannot carry another request: close it.
    if (size > MAX_BODY) throw new BadRequest(413, 'Request body too large', { connection: 'close' })
    chunks.push(chunk)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new BadRequest(400, 'Malformed JSON body')
  }
}

/** A web stream's chunks, read with its reader (so no async-iteration support of the stream is assumed). */
async function* chunks(stream: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = stream.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      yield value
    }
  } finally {
    reader.releaseLock()
  }
}

/**
 * The demos' HTTP API over an in-memory database, as connect-style middleware.
 * @example const api = createDemoApi({ settings: { latencyMs: 300 } }); server.middlewares.use(api.handle)
 */
export function createDemoApi(options: DemoApiOptions = {}): DemoApi {
  const { delay = sleep, random = Math.random, now = Date.now } = options
  let db = createDb(options.settings)
  const reset = () => {
    db = createDb(options.settings)
  }

  const requests: RequestRecord[] = []
  let sequence = 0
  let inFlight = 0

  const respond = async (req: ApiRequest): Promise<Reply> => {
    const path = new URL(req.url, 'http://localhost').pathname
    const method = req.method
    const found = match(method, path)
    if ('reply' in found) return found.reply
    const { route, params } = found
    // Only JSON writes are accepted, so a cross-site form or simple request (text/plain, urlencoded, multipart, no type) changes nothing.
    if (route.method !== 'GET' && !isJsonContentType(req.contentType)) {
      const sent = req.contentType ?? 'no content type'
      return { status: 415, body: { error: `${method} ${path} accepts only JSON: send content-type: application/json (got ${sent})` } }
    }
    const body = route.method === 'POST' || route.method === 'PUT' ? await readJson(req.body) : undefined
    if (route.switched) {
      const { latencyMs, failureRate } = db.settings
      if (latencyMs > 0) await delay(latencyMs)
      // Failures are injected before the route runs, so a failed request never changes data.
      if (failureRate > 0 && random() < failureRate) return { status: 503, body: { error: `Injected failure (failure rate ${failureRate})` } }
    }
    return route.run({ db, params, body, now: now(), reset, requests })
  }

  /** Answer an `/api` request and record it (the log's own route excepted, so reading the log does not change it). */
  const answer = async (req: ApiRequest): Promise<Reply> => {
    const record: RequestRecord = { id: ++sequence, method: req.method, url: req.url, status: 0, inFlight }
    inFlight++
    let reply: Reply
    try {
      reply = await respond(req)
    } catch (e) {
      reply = e instanceof BadRequest ? { status: e.status, body: { error: e.message }, headers: e.headers } : { status: 500, body: { error: 'Internal error' } }
    } finally {
      inFlight--
    }
    if (new URL(req.url, 'http://localhost').pathname.replace(/\/$/, '') !== '/api/requests') {
      requests.push({ ...record, status: reply.status })
      if (requests.length > MAX_RECORDS) requests.splice(0, requests.length - MAX_RECORDS)
    }
    return reply
  }

  return {
    get db() {
      return db
    },
    reset,
    async handle(req, res, next) {
      const path = (req.url ?? '/').split('?')[0]
      if (path !== '/api' && !path.startsWith('/api/')) {
        if (next) next()
        else send(res, { status: 404, body: { error: `No route for ${req.method} ${path}` } })
        return
      }
      const contentType = req.headers['content-type']
      send(res, await answer({ method: req.method ?? 'GET', url: req.url ?? '/', contentType, body: req }))
    },
    async fetch(request) {
      const url = new URL(request.url)
      if (url.pathname !== '/api' && !url.pathname.startsWith('/api/')) return undefined
      // The same refusal as startDemoApi's: a DNS-rebinding page reaches the server under a name it controls.
      if (!isAllowedHost(url.host, '127.0.0.1')) {
        return toResponse(request.method, { status: 403, body: { error: `Host "${url.host}" is not allowed: the demo API answers loopback names only` } })
      }
      const contentType = request.headers.get('content-type') ?? undefined
      const reply = await answer({ method: request.method, url: url.pathname + url.search, contentType, body: request.body === null ? null : chunks(request.body) })
      return toResponse(request.method, reply)
    },
    get requests() {
      return requests
    },
  }
}
