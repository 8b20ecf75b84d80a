import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { build } from 'esbuild'
import { afterEach, describe, expect, it, vi } from 'vitest'

afterEach(() => {
  vi.doUnmock('esm-env')
  vi.resetModules()
})

const lib = join(dirname(import.meta.filename), '..')
const manifest = JSON.parse(readFileSync(join(lib, 'package.json'), 'utf8')) as { imports: Record<string, unknown> }

/** The module a bundler resolving with `conditions` takes for `#dev`, as a path relative to libs/svelte. */
async function resolved(conditions: string[]): Promise<string> {
  let path = ''
  await build({
    stdin: { contents: `import '#dev'`, resolveDir: lib },
    bundle: true,
    write: false,
    conditions,
    logLevel: 'silent',
    plugins: [
      {
        name: 'record',
        setup(b) {
          b.onLoad({ filter: /[\\/]dev(-on|-off)?\.(ts|js)$/ }, (args) => {
            path = args.path
            return { contents: '', loader: 'js' }
          })
        },
      },
    ],
  })
  return path.slice(lib.length + 1)
}

describe('#dev (package.json "imports"): the build is chosen by export condition, as the core’s', () => {
  it('resolves the sources by condition in the workspace (source), as tools/size.mjs and Vitest do', async () => {
    expect([await resolved(['source', 'production']), await resolved(['source', 'development']), await resolved(['source'])]).toEqual([
      'src/dev-off.ts',
      'src/dev-on.ts',
      'src/dev.ts',
    ])
  })

  it('maps each condition of the published package to the build of the same source', () => {
    const target = (manifest.imports['#dev'] as Record<string, unknown>) ?? {}
    const source = target.source as Record<string, string>
    const built = Object.fromEntries(Object.entries(target).filter(([condition]) => condition !== 'source' && condition !== 'types'))
    expect(Object.keys(built)).toEqual(Object.keys(source))
    for (const [condition, path] of Object.entries(source)) expect(built[condition]).toBe(path.replace('./src/', './dist/').replace(/\.ts$/, '.js'))
    expect(target.types).toBe('./dist/dev.d.ts')
  })
})

describe('the three builds of #dev', () => {
  const props = (context: unknown, state?: unknown, register?: unknown) => () => [context, state, register] as [unknown, unknown, unknown]
  const storeContext = { provide() {}, createStores() {} }

  it('development: full messages, and Provider’s props checked', async () => {
    const { isDev, checkProviderProps } = await import('./dev-on.js')
    expect(isDev).toBe(true)
    expect(() => checkProviderProps(props({ name: 'x' }))).toThrow('Provider: expected context={…} to be a context from createActionContext or createStoreContext, got an object')
    expect(() => checkProviderProps(props(storeContext, undefined, {}))).toThrow('Provider: expected state or stores, not register, for a store context')
    expect(() => checkProviderProps(props({ provide() {} }, {}))).toThrow('Provider: expected register, not state or stores, for an action context')
    expect(() => checkProviderProps(props(storeContext, {}))).not.toThrow()
  })

  it('production: no checks (the call is to an empty function)', async () => {
    const { isDev, checkProviderProps } = await import('./dev-off.js')
    expect(isDev).toBe(false)
    const read = vi.fn(props({ name: 'x' }))
    checkProviderProps(read)
    expect(read).not.toHaveBeenCalled()
  })

  it('any other resolver: Svelte’s own switch (esm-env’s DEV), which needs no process.env', async () => {
    for (const DEV of [true, false]) {
      vi.resetModules()
      vi.doMock('esm-env', async (original) => ({ ...(await original<object>()), DEV }))
      const { isDev, checkProviderProps } = await import('./dev.js')
      expect(isDev).toBe(DEV)
      const check = () => checkProviderProps(props({ name: 'x' }))
      if (DEV) expect(check).toThrow(/^Provider: expected context=/)
      else expect(check).not.toThrow()
    }
  })
})
