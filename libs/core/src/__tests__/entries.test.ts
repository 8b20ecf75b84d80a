import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as root from '../index'

const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  exports: Record<string, string | Target>
}
interface Target {
  source: string
  types: string
  development: string
  production: string
  default: string
}
const subpaths = Object.entries(manifest.exports).filter((entry): entry is [string, Target] => typeof entry[1] !== 'string' && entry[0] !== '.')

/** The root's helpers for the adapters, in no subpath entry. */
const ROOT_ONLY = ['assertFunction', 'assertRegister', 'describeValue', 'errorsUrl']
/** Entries for tests only, kept out of the root entry (and so out of what an app bundles). */
const TEST_ONLY = ['./testing']

describe('the entry points', () => {
  it('are the parts of the core, each a folder index built to the same place in dist, in both builds', () => {
    expect(subpaths.map(([subpath, target]) => [subpath, target])).toEqual(
      ['./store', './transaction', './actions', './cache', './store-manager', './testing'].map((subpath, i) => {
        const folder = ['stores', 'transactions', 'actions', 'cache', 'store-manager', 'testing'][i]
        const production = `./dist/production/${folder}/index.js`
        return [subpath, { source: `./src/${folder}/index.ts`, types: `./dist/${folder}/index.d.ts`, development: `./dist/${folder}/index.js`, production, default: production }]
      }),
    )
  })

  it('share their modules with the root entry, which exports everything they do (test-only entries aside) and the adapters\' helpers', async () => {
    const fromParts = new Map<string, unknown>()
    for (const [subpath, target] of subpaths) {
      if (TEST_ONLY.includes(subpath)) continue
      const part = (await import(/* @vite-ignore */ new URL(`../../${target.source}`, import.meta.url).href)) as Record<string, unknown>
      for (const [name, value] of Object.entries(part)) {
        expect([name, root[name as keyof typeof root]]).toEqual([name, value])
        fromParts.set(name, value)
      }
    }
    expect(Object.keys(root).sort()).toEqual([...fromParts.keys(), ...ROOT_ONLY].sort())
  })

  it('keep the test-only entries out of the root entry', async () => {
    const testing = (await import('../testing')) as Record<string, unknown>
    expect(Object.keys(testing).filter((name) => name in root)).toEqual([])
    expect(Object.keys(testing).sort()).toEqual(['createTestRecorder', 'createTestRegister', 'spyFactory'])
  })
})
