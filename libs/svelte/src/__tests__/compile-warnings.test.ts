import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { transform } from 'esbuild'
import { compile, compileModule } from 'svelte/compiler'
import { expect, it } from 'vitest'

// Users' bundlers compile the published `.svelte` and `.svelte.js` files with their own Svelte: a compiler warning of
// ours would show in their build output.
it('the components and rune modules the package ships compile without a warning', async () => {
  const src = join(dirname(import.meta.filename), '..')
  const warnings: string[] = []
  for (const name of readdirSync(src).filter((file) => /\.svelte(\.ts)?$/.test(file)).sort()) {
    const source = readFileSync(`${src}/${name}`, 'utf8')
    for (const generate of ['client', 'server'] as const) {
      let found: { code: string; message: string }[] = []
      if (name.endsWith('.svelte')) found = compile(source, { filename: name, generate }).warnings
      else if (name.endsWith('.svelte.ts')) {
        const js = (await transform(source, { loader: 'ts', format: 'esm' })).code
        found = compileModule(js, { filename: name, generate }).warnings
      }
      warnings.push(...found.map((w) => `${name} (${generate}): ${w.code}: ${w.message}`))
    }
  }
  expect(warnings).toEqual([])
})
