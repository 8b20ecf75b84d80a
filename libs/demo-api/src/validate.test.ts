import { afterEach, describe, expect, it } from 'vitest'
import { callJson } from './__tests__/http'
import { startDemoApi, type RunningDemoApi } from './server'

let server: RunningDemoApi | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

async function start(): Promise<RunningDemoApi> {
  server = await startDemoApi({ port: 0, now: () => 9 })
  return server
}

const call = (method: string, path: string, body?: unknown, raw?: string) => callJson(`${server!.url}${path}`, method, body, raw)

describe('validation of what is stored', () => {
  it('validates payment amounts after rounding them to cents, and stores only what passed', async () => {
    const running = await start()
    const answers = []
    // Raw bodies, so the numbers reach the server exactly as written.
    for (const amount of ['1e307', '0.004', '1e-9', '0.005', '1000000', '1000000.004', '1000000.01', '12.345']) {
      const [status, body] = await call('POST', '/api/payments', undefined, `{"amount": ${amount}}`)
      answers.push([amount, status, status === 201 ? body.amount : body.error])
    }
    expect(answers).toEqual([
      ['1e307', 400, 'amount must be at most 1000000'],
      ['0.004', 400, 'amount must be at least 0.01 (amounts are rounded to cents)'],
      ['1e-9', 400, 'amount must be at least 0.01 (amounts are rounded to cents)'],
      ['0.005', 201, 0.01],
      ['1000000', 201, 1000000],
      ['1000000.004', 201, 1000000],
      ['1000000.01', 400, 'amount must be at most 1000000'],
      ['12.345', 201, 12.35],
    ])
    const stored = [...running.api.db.payments.values()].map((p) => [p.id, p.amount])
    expect(stored).toEqual([
      ['pay1', 0.01],
      ['pay2', 1000000],
      ['pay3', 1000000],
      ['pay4', 12.35],
    ])
  })

  it('caps emails at 254 characters, counted after trimming, and keeps refused ones out of every list', async () => {
    const running = await start()
    const email = (length: number) => `${'a'.repeat(length - '@example.com'.length)}@example.com`
    expect([
      await call('PUT', '/api/users/u1', { email: email(255) }),
      await call('PUT', '/api/users/u1', { email: email(900_000) }),
      await call('PUT', '/api/users/u1', { name: 'Ada King', email: email(255) }),
    ]).toEqual([
      [400, { error: 'Email must be at most 254 characters' }],
      [400, { error: 'Email must be at most 254 characters' }],
      [400, { error: 'Email must be at most 254 characters' }],
    ])
    expect((await call('GET', '/api/users'))[1][0]).toEqual({ id: 'u1', name: 'Ada Lovelace', email: 'ada@example.com', updatedAt: 0 })
    const [status, user] = await call('PUT', '/api/users/u1', { email: `  ${email(254)}  ` })
    expect([status, user.email.length, user.email === email(254)]).toEqual([200, 254, true])
    expect(running.api.db.users.get('u1')!.email).toBe(email(254))
  })

  it('caps names at 100 characters counted after trimming', async () => {
    await start()
    expect([
      (await call('PUT', '/api/users/u2', { name: ` ${'n'.repeat(100)} ` }))[1].name.length,
      await call('PUT', '/api/users/u2', { name: 'n'.repeat(101) }),
    ]).toEqual([100, [400, { error: 'Name must be at most 100 characters' }]])
  })
})
