// Build a library for publishing, one output file per source file (so bundlers can drop unused modules):
// `src/**/*.ts` → `dist/**/*.js` (esbuild, types stripped), `.svelte` components copied as they are (the
// consumer's Svelte compiles them, for the client or the server). Relative imports get the extension Node's ESM
// needs, in the `.js` files and in the `.d.ts` files the type checker emitted beforehand into `dist`.
// Usage, from a lib's folder: `node ../../tools/build-lib.mjs` (after `tsc`/`vue-tsc --emitDeclarationOnly`).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { transform } from 'esbuild'

const lib = process.cwd()
const src = join(lib, 'src')
const dist = join(lib, 'dist')
const isTest = (path) => /\.(test|test-d|bench)\.ts$/.test(path) || path.includes('__tests__')

function* files(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) yield* files(path)
    else yield path
  }
}

/** `./store` → `./store.js`, `./use-x.svelte` → `./use-x.svelte.js` when it is a module, `./X.svelte` kept. */
function withExtensions(code, from) {
  return code.replace(/(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.\.?\/[^'"]*)\2/g, (all, head, quote, spec) => {
    if (/\.(js|mjs|json)$/.test(spec)) return all
    const target = resolve(dirname(from), spec)
    if (spec.endsWith('.svelte') && existsSync(target)) return all
    const ext = existsSync(`${target}.ts`) ? '.js' : existsSync(join(target, 'index.ts')) ? '/index.js' : null
    if (ext === null) throw new Error(`build-lib: cannot resolve "${spec}" from ${relative(lib, from)}`)
    return `${head}${quote}${spec}${ext}${quote}`
  })
}

for (const path of files(src)) {
  if (isTest(path)) continue
  const out = join(dist, relative(src, path))
  mkdirSync(dirname(out), { recursive: true })
  if (path.endsWith('.svelte')) copyFileSync(path, out)
  else if (path.endsWith('.ts') && !path.endsWith('.d.ts')) {
    const { code } = await transform(readFileSync(path, 'utf8'), { loader: 'ts', format: 'esm', target: 'es2022', sourcefile: path })
    writeFileSync(out.replace(/\.ts$/, '.js'), withExtensions(code, path))
  }
}

// Declarations were emitted per source file; give their relative imports the same extensions.
for (const path of files(dist)) {
  if (!path.endsWith('.d.ts')) continue
  const source = join(src, relative(dist, path)).replace(/\.d\.ts$/, '.ts')
  writeFileSync(path, withExtensions(readFileSync(path, 'utf8'), source))
}
