import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build, transform, type Plugin } from 'esbuild'
import { compile, compileModule } from 'svelte/compiler'

// Components compiled for the server, the way a Svelte app's server build does: this test file runs with the
// browser build of Svelte, so the server render runs in a separate Node process over its own bundle.
const serverSvelte: Plugin = {
  name: 'svelte-server',
  setup(b) {
    b.onLoad({ filter: /\.svelte$/ }, (args) => {
      const { js } = compile(readFileSync(args.path, 'utf8'), { filename: args.path, generate: 'server' })
      return { contents: js.code, loader: 'js' }
    })
    b.onLoad({ filter: /\.svelte\.ts$/ }, async (args) => {
      const { code } = await transform(readFileSync(args.path, 'utf8'), { loader: 'ts', format: 'esm' })
      return { contents: compileModule(code, { filename: args.path, generate: 'server' }).js.code, loader: 'js' }
    })
  },
}

/** Bundle `script` (an ES module that prints JSON) for the server and run it in Node; returns what it printed, parsed. */
export async function runOnServer<T>(script: string): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'context-action-ssr-'))
  const file = join(dir, 'server.mjs')
  const result = await build({
    stdin: { contents: script, resolveDir: import.meta.dirname, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    conditions: ['source'],
    write: false,
    plugins: [serverSvelte],
    logLevel: 'silent',
  })
  writeFileSync(file, result.outputFiles[0].contents)
  return JSON.parse(execFileSync(process.execPath, [file], { encoding: 'utf8' })) as T
}
