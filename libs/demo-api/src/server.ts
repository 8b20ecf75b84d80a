import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createDemoApi, type DemoApi, type DemoApiOptions } from './demo-api'
import { isAllowedHost } from './host'
import { send } from './reply'

/** How long the server waits on a client before closing the connection (Node answers 408 to a late request). */
export interface DemoServerTimeouts {
  /** For the request line and headers. */
  headersMs: number
  /** For the whole request, headers and body; at least `headersMs`. */
  requestMs: number
  /** For the next request on an idle keep-alive connection. */
  keepAliveMs: number
}

/** Short enough that a stalled client is dropped within seconds, long enough for any loopback request. */
export const DEFAULT_TIMEOUTS: DemoServerTimeouts = Object.freeze({ headersMs: 5_000, requestMs: 10_000, keepAliveMs: 5_000 })

export interface StartDemoApiOptions extends DemoApiOptions {
  /** `0` (default) picks a free port. */
  port?: number
  /** `127.0.0.1` by default; requests must name a loopback host or this one in their `Host` header. */
  host?: string
  timeouts?: Partial<DemoServerTimeouts>
}

export interface RunningDemoApi {
  /** Base URL such as `http://127.0.0.1:54321` (no trailing slash). */
  url: string
  port: number
  api: DemoApi
  /** The underlying `node:http` server, with the timeouts applied. */
  server: Server
  close(): Promise<void>
}

function resolveTimeouts(given: Partial<DemoServerTimeouts> = {}): DemoServerTimeouts {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...given }
  for (const [name, ms] of Object.entries(timeouts)) {
    if (!Number.isFinite(ms) || ms <= 0) throw new RangeError(`startDemoApi: timeouts.${name} must be a positive number of milliseconds, got ${ms}`)
  }
  if (timeouts.headersMs > timeouts.requestMs) {
    throw new RangeError(`startDemoApi: timeouts.headersMs (${timeouts.headersMs}) must not exceed timeouts.requestMs (${timeouts.requestMs})`)
  }
  return timeouts
}

/**
 * Serve the demo API with plain `node:http` on loopback (tests, scripts).
 * @example const server = await startDemoApi({ port: 0 }); await fetch(`${server.url}/api/users`); await server.close()
 */
export async function startDemoApi(options: StartDemoApiOptions = {}): Promise<RunningDemoApi> {
  const { port = 0, host = '127.0.0.1', timeouts: givenTimeouts, ...apiOptions } = options
  const timeouts = resolveTimeouts(givenTimeouts)
  const api = createDemoApi(apiOptions)
  const serverOptions = {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    keepAliveTimeout: timeouts.keepAliveMs,
    // Node checks the header and request timeouts on this interval (30 s by default), so it bounds how late they fire.
    connectionsCheckingInterval: Math.min(1_000, timeouts.headersMs),
  }
  const server = createServer(serverOptions, (req, res) => {
    // Browsers send the name they resolved, so a DNS-rebinding page shows up here under its own host name.
    if (!isAllowedHost(req.headers.host, host)) {
      send(res, { status: 403, body: { error: `Host "${req.headers.host ?? ''}" is not allowed: the demo API answers loopback names only` } })
      return
    }
    void api.handle(req, res)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address() as AddressInfo
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    api,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()))
        server.closeAllConnections()
      }),
  }
}
