import { afterEach, expect, it, vi } from 'vitest'

afterEach(() => {
  vi.unstubAllEnvs()
})

/** `isDev` as a fresh import of ./dev.js sees it with NODE_ENV set to `env` (bundlers replace it with that constant). */
async function isDevWith(env: string): Promise<boolean> {
  vi.resetModules()
  vi.stubEnv('NODE_ENV', env)
  return (await import('./dev.js')).isDev
}

it('development checks are on unless NODE_ENV is "production"', async () => {
  expect([await isDevWith('production'), await isDevWith('development'), await isDevWith('test')]).toEqual([false, true, true])
})
