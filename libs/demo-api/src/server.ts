import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createDemoApi, type DemoApi, type DemoApiOptions } from './demo-api'

export interface StartDemoApiOptions extends DemoApiOptions {
  /** `0` (default) picks a free port. */
  port?: number
  host?: string
}

export interface RunningDemoApi {
  /** Base URL such as `http://127.0.0.1:54321` (no trailing slash). */
  url: string
  port: number
  api: DemoApi
  close(): Promise<void>
}

/**
 * Serve the demo API with plain `node:http` on loopback (tests, scripts).
 * @example const server = await startDemoApi({ port: 0 }); await fetch(`${server.url}/api/users`); await server.close()
 */
export async function startDemoApi(options: StartDemoApiOptions = {}): Promise<RunningDemoApi> {
  const { port = 0, host = '127.0.0.1', ...apiOptions } = options
  const api = createDemoApi(apiOptions)
  const server = createServer((req, res) => void api.handle(req, res))
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => resolve())
  })
  const address = server.address() as AddressInfo
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    api,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()))
        server.closeAllConnections()
      }),
  }
}
