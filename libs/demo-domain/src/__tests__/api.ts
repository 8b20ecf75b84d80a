// Test-only: the domain runs against the real demo API over loopback HTTP. Library code never imports demo-api.
import { createApiClient } from '@context-action/demo-api/client'
import { startDemoApi, type RunningDemoApi, type StartDemoApiOptions } from '@context-action/demo-api'
import { afterEach } from 'vitest'
import { createDemoDomain, type DemoDomain, type DemoDomainOptions } from '../demo-domain'
import type { DemoApi } from '../types'

const running: Array<{ server: RunningDemoApi; domain: DemoDomain }> = []

afterEach(async () => {
  for (const { server, domain } of running.splice(0)) {
    domain.dispose()
    await server.close()
  }
})

export interface Harness {
  server: RunningDemoApi
  /** The real client; assigning it to `DemoApi` checks that demo-api's client satisfies the domain's interface. */
  client: DemoApi
  /** Every API method called, in call order. */
  calls: string[]
  /** Hold calls to `method` until `release` (in any order) lets them reach the server. */
  hold(method: keyof DemoApi): { release(index?: number): void; readonly waiting: number }
  domain: DemoDomain
}

/** A domain wired to a fresh demo API server on port 0. */
export async function setup(options: { server?: StartDemoApiOptions; domain?: Omit<DemoDomainOptions, 'api'> } = {}): Promise<Harness> {
  const server = await startDemoApi({ port: 0, ...options.server })
  const client: DemoApi = createApiClient(server.url)
  const calls: string[] = []
  const gates = new Map<keyof DemoApi, Array<() => void>>()
  const api = Object.fromEntries(
    Object.entries(client).map(([name, method]) => [
      name,
      async (...args: unknown[]) => {
        calls.push(name)
        const gate = gates.get(name as keyof DemoApi)
        if (gate !== undefined) await new Promise<void>((resolve) => gate.push(resolve))
        return (method as (...a: unknown[]) => unknown)(...args)
      },
    ]),
  ) as unknown as DemoApi
  const domain = createDemoDomain({ api, ...options.domain })
  running.push({ server, domain })
  return {
    server,
    client,
    calls,
    hold(method) {
      const waiting: Array<() => void> = []
      gates.set(method, waiting)
      return {
        release: (index = 0) => waiting.splice(index, 1)[0]?.(),
        get waiting() {
          return waiting.length
        },
      }
    },
    domain,
  }
}

/** Let pending HTTP round trips and promise chains finish. */
export async function until(check: () => boolean, what = 'condition'): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  throw new Error(`timed out waiting for ${what}`)
}
