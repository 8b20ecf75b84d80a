import { fileURLToPath } from 'node:url'
import { buildSync } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))

/**
 * Bundles a workspace library into one production module (under test-output/bench) and returns its path, for a
 * benchmark's `resolve.alias`. Vitest runs TypeScript source through its module runner, which turns every call from
 * one module into another into a property read of an import object: the same code measured twice as slow over the
 * core's 40 source files as when bundled. A user's app never pays that (Vite serves native modules in development and
 * bundles for production), and the peers we compare with are loaded from node_modules as built files, so ours is
 * measured as a bundler ships it too: one module, `process.env.NODE_ENV` set to production, dependencies left outside.
 */
export function benchBundle(name: string, entry: string, external: string[] = []): string {
  const outfile = `${root}test-output/bench/${name}.mjs`
  buildSync({
    entryPoints: [`${root}${entry}`],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    conditions: ['source'],
    define: { 'process.env.NODE_ENV': '"production"' },
    external,
    outfile,
    logLevel: 'warning',
  })
  return outfile
}
