import { afterEach, describe, expect, it } from 'vitest'
import { expectCommonHeaders, send } from './__tests__/http'
import { startDemoApi, type RunningDemoApi, type StartDemoApiOptions } from './server'

let server: RunningDemoApi | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

async function start(options: StartDemoApiOptions = {}): Promise<RunningDemoApi> {
  server = await startDemoApi({ port: 0, ...options })
  return server
}

/** `[status, allow, body]`, checking the common headers on the way. */
async function ask(method: string, path: string): Promise<[number, string | undefined, string]> {
  const answer = await send(server!.port, method, path, { 'content-type': 'application/json' })
  expectCommonHeaders(answer.headers)
  return [answer.status, answer.headers.allow as string | undefined, answer.body]
}

describe('methods', () => {
  it('answers 405 with an Allow header listing what the path accepts', async () => {
    await start()
    const cases: Array<[string, string]> = [
      ['DELETE', '/api/users'],
      ['PATCH', '/api/users/u1'],
      ['PUT', '/api/orders'],
      ['GET', '/api/orders/o1'],
      ['GET', '/api/orders/o1/confirm'],
      ['PUT', '/api/payments'],
      ['POST', '/api/settings'],
      ['HEAD', '/api/reset'],
    ]
    const answers = []
    for (const [method, path] of cases) answers.push(await ask(method, path))
    const message = (method: string, path: string) => JSON.stringify({ error: `${method} is not allowed on ${path}` })
    expect(answers).toEqual([
      [405, 'GET, HEAD, OPTIONS', message('DELETE', '/api/users')],
      [405, 'GET, HEAD, PUT, OPTIONS', message('PATCH', '/api/users/u1')],
      [405, 'GET, HEAD, POST, OPTIONS', message('PUT', '/api/orders')],
      [405, 'DELETE, OPTIONS', message('GET', '/api/orders/o1')],
      [405, 'POST, OPTIONS', message('GET', '/api/orders/o1/confirm')],
      [405, 'POST, OPTIONS', message('PUT', '/api/payments')],
      [405, 'GET, HEAD, PUT, OPTIONS', message('POST', '/api/settings')],
      // A HEAD answer has no body, whatever the status.
      [405, 'POST, OPTIONS', ''],
    ])
  })

  it('answers HEAD on every GET route with the GET headers and no body', async () => {
    await start()
    const paths = ['/api/users', '/api/users/u2', '/api/users/nobody', '/api/products', '/api/orders', '/api/settings']
    const answers = []
    for (const path of paths) {
      const get = await send(server!.port, 'GET', path)
      const head = await send(server!.port, 'HEAD', path)
      expectCommonHeaders(head.headers)
      answers.push([path, head.status === get.status, head.headers['content-type'], head.headers['content-length'] === String(Buffer.byteLength(get.body)), head.body])
    }
    expect(answers).toEqual(paths.map((path) => [path, true, 'application/json; charset=utf-8', true, '']))
  })

  it('answers OPTIONS with 204 and Allow, before latency and failures, and 404 for unknown paths', async () => {
    const delays: number[] = []
    await start({ settings: { latencyMs: 300, failureRate: 1 }, random: () => 0, delay: async (ms) => void delays.push(ms) })
    const answers = []
    for (const path of ['/api/users', '/api/users/u1', '/api/orders', '/api/orders/o1', '/api/settings', '/api/reset']) answers.push(await ask('OPTIONS', path))
    expect(answers).toEqual([
      [204, 'GET, HEAD, OPTIONS', ''],
      [204, 'GET, HEAD, PUT, OPTIONS', ''],
      [204, 'GET, HEAD, POST, OPTIONS', ''],
      [204, 'DELETE, OPTIONS', ''],
      [204, 'GET, HEAD, PUT, OPTIONS', ''],
      [204, 'POST, OPTIONS', ''],
    ])
    expect(await ask('OPTIONS', '/api/nothing')).toEqual([404, undefined, JSON.stringify({ error: 'No route for OPTIONS /api/nothing' })])
    expect(delays).toEqual([])
  })

  it('applies latency and failures to HEAD as to GET', async () => {
    const delays: number[] = []
    const rolls = [0.9, 0.1]
    await start({ settings: { latencyMs: 40, failureRate: 0.5 }, random: () => rolls.shift() ?? 0, delay: async (ms) => void delays.push(ms) })
    expect([(await ask('HEAD', '/api/users'))[0], (await ask('HEAD', '/api/users'))[0], delays]).toEqual([200, 503, [40, 40]])
  })
})
