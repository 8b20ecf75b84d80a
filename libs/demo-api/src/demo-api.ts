import type { IncomingMessage, ServerResponse } from 'node:http'
import { isJsonContentType } from './content-type'
import { createDb, type DemoDb } from './db'
import { send, type Reply } from './reply'
import { match } from './routes'
import type { Settings } from './types'

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
  /** The live in-memory database (replaced by `reset`). */
  readonly db: DemoDb
  reset(): void
}

const MAX_BODY = 1_000_000
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

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    // The rest of the body stays unread, so this connection cannot carry another request: close it.
    if (size > MAX_BODY) throw new BadRequest(413, 'Request body too large', { connection: 'close' })
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch {
    throw new BadRequest(400, 'Malformed JSON body')
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

  const respond = async (req: IncomingMessage): Promise<Reply> => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname
    const method = req.method ?? 'GET'
    const found = match(method, path)
    if ('reply' in found) return found.reply
    const { route, params } = found
    // Only JSON writes are accepted, so a cross-site form or simple request (text/plain, urlencoded, multipart, no type) changes nothing.
    if (route.method !== 'GET' && !isJsonContentType(req.headers['content-type'])) {
      const sent = req.headers['content-type'] ?? 'no content type'
      return { status: 415, body: { error: `${method} ${path} accepts only JSON: send content-type: application/json (got ${sent})` } }
    }
    const body = route.method === 'POST' || route.method === 'PUT' ? await readJson(req) : undefined
    if (route.switched) {
      const { latencyMs, failureRate } = db.settings
      if (latencyMs > 0) await delay(latencyMs)
      // Failures are injected before the route runs, so a failed request never changes data.
      if (failureRate > 0 && random() < failureRate) return { status: 503, body: { error: `Injected failure (failure rate ${failureRate})` } }
    }
    return route.run({ db, params, body, now: now(), reset })
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
      let reply: Reply
      try {
        reply = await respond(req)
      } catch (e) {
        reply = e instanceof BadRequest ? { status: e.status, body: { error: e.message }, headers: e.headers } : { status: 500, body: { error: 'Internal error' } }
      }
      send(res, reply)
    },
  }
}
