// Build a library for publishing, from its folder, in steps:
//   node ../../tools/build-lib.mjs clean      empty `dist` (run it before the type checker emits its `.d.ts` there)
//   node ../../tools/build-lib.mjs compile    `src/**/*.ts` → `dist/**/*.js` + `.js.map` (esbuild, types stripped,
//                                             one output file per source file so bundlers can drop unused modules);
//                                             `.svelte` components copied as they are (the consumer's Svelte compiles
//                                             them); relative imports get the extension Node's ESM needs, in the
//                                             `.js` files and in the `.d.ts` files emitted beforehand into `dist`
//   node ../../tools/build-lib.mjs maps       after another tool wrote `dist` (svelte-package, which writes no
//                                             source maps): re-emit each `dist/**/*.js` that has a `src/**/*.ts`
//                                             beside a `.js.map` (esbuild, the same type stripping)
//   node ../../tools/build-lib.mjs manifest   write the published package into `dist`: a clean `package.json`
//                                             (see tools/publish-manifest.mjs), README.md and LICENSE
//   node ../../tools/build-lib.mjs            compile, then manifest (several steps may be named, in order)
// `dist` is the package that `npm pack`/`npm publish` and `nx release publish` use (never the lib's own folder, whose
// manifest carries the workspace-only `source` condition, the `nx` block and the scripts).
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { transform } from 'esbuild'
import { publishManifest } from './publish-manifest.mjs'

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

function clean() {
  rmSync(dist, { recursive: true, force: true })
}

/** `src/x.ts` → `dist/x.js` + `dist/x.js.map`; the map names the source relative to the JS file and carries its text. */
async function emitJs(path, js) {
  const { code, map } = await transform(readFileSync(path, 'utf8'), {
    loader: 'ts',
    format: 'esm',
    target: 'es2022',
    sourcemap: 'external',
    sourcefile: relative(dirname(js), path),
    sourcesContent: true,
  })
  writeFileSync(js, `${withExtensions(code, path)}//# sourceMappingURL=${basename(js)}.map\n`)
  writeFileSync(`${js}.map`, map)
}

async function compile() {
  if (!existsSync(src)) throw new Error(`build-lib: no src folder in ${lib}`)
  for (const path of files(src)) {
    if (isTest(path)) continue
    const out = join(dist, relative(src, path))
    mkdirSync(dirname(out), { recursive: true })
    if (path.endsWith('.svelte')) copyFileSync(path, out)
    else if (path.endsWith('.ts') && !path.endsWith('.d.ts')) await emitJs(path, out.replace(/\.ts$/, '.js'))
  }
  // Declarations were emitted per source file; give their relative imports the same extensions.
  for (const path of files(dist)) {
    if (!path.endsWith('.d.ts')) continue
    const source = join(src, relative(dist, path)).replace(/\.d\.ts$/, '.ts')
    writeFileSync(path, withExtensions(readFileSync(path, 'utf8'), source))
  }
}

async function maps() {
  if (!existsSync(dist)) throw new Error(`build-lib: ${relative(process.cwd(), dist) || 'dist'} is missing; build first`)
  for (const js of files(dist)) {
    if (!js.endsWith('.js')) continue
    const source = join(src, relative(dist, js)).replace(/\.js$/, '.ts')
    if (existsSync(source)) await emitJs(source, js)
  }
}

function manifest() {
  if (!existsSync(dist)) throw new Error(`build-lib: ${relative(process.cwd(), dist) || 'dist'} is missing; build first`)
  const pkg = JSON.parse(readFileSync(join(lib, 'package.json'), 'utf8'))
  writeFileSync(join(dist, 'package.json'), `${JSON.stringify(publishManifest(pkg), null, 2)}\n`)
  for (const file of ['README.md', 'LICENSE']) {
    if (!existsSync(join(lib, file))) throw new Error(`build-lib: ${pkg.name} has no ${file}`)
    copyFileSync(join(lib, file), join(dist, file))
  }
}

const steps = { clean, compile, maps, manifest }
const named = process.argv.length > 2 ? process.argv.slice(2) : ['compile', 'manifest']
const unknown = named.filter((step) => !(step in steps))
if (unknown.length > 0) throw new Error(`build-lib: unknown step "${unknown.join(', ')}" (${Object.keys(steps).join(', ')})`)
for (const step of named) await steps[step]()
