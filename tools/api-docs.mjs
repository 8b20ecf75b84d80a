// The API reference: TypeDoc over every entry point that core, vue and svelte export (read from each package.json's
// `exports`, through the `source` condition that points at the TypeScript source), written to docs/api as HTML.
// Fails, naming them, when a public export has no TSDoc comment (a re-export of another package's symbol is
// documented where it is declared).
// Usage: node tools/api-docs.mjs [--check-only]   (npm run docs:api)
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Application, ReflectionKind } from 'typedoc'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const libs = ['core', 'vue', 'svelte']
const out = join(root, 'docs', 'api')
const write = !process.argv.includes('--check-only')

/** `{ file, name }` for each subpath of each package: `libs/vue/src/index.ts` → `@context-action/vue`. */
function entryPoints() {
  const entries = []
  for (const lib of libs) {
    const pkg = JSON.parse(readFileSync(join(root, 'libs', lib, 'package.json'), 'utf8'))
    for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
      if (subpath === './package.json') continue
      const source = typeof target === 'object' && target !== null ? target.source : undefined
      if (typeof source !== 'string') throw new Error(`api-docs: ${pkg.name} exports["${subpath}"] has no "source" condition to document`)
      entries.push({ file: join(root, 'libs', lib, source), name: subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}` })
    }
  }
  return entries
}

const entries = entryPoints()
// One program over the three packages' sources, with the workspace's settings (the `source` condition resolves
// @context-action/core to its TypeScript; Svelte's own types declare `.svelte` modules).
const tsconfigPath = join(root, 'test-output', 'api-docs', 'tsconfig.json')
mkdirSync(dirname(tsconfigPath), { recursive: true })
writeFileSync(
  tsconfigPath,
  JSON.stringify({
    extends: relative(dirname(tsconfigPath), join(root, 'tsconfig.base.json')),
    compilerOptions: { types: ['node'], noEmit: true },
    files: entries.map((entry) => relative(dirname(tsconfigPath), entry.file)),
  }),
)

const app = await Application.bootstrapWithPlugins({
  entryPoints: entries.map((entry) => entry.file),
  entryPointStrategy: 'resolve',
  tsconfig: tsconfigPath,
  name: 'Context-Action API reference',
  readme: 'none',
  out,
  plugin: ['typedoc-plugin-markdown'],
  outputFileStrategy: 'modules',
  entryFileName: 'README.md',
  hidePageHeader: true,
  hideBreadcrumbs: true,
  useCodeBlocks: true,
  sanitizeComments: true,
  excludePrivate: true,
  excludeInternal: true,
  skipErrorChecking: true,
  validation: { notExported: false, invalidLink: true, notDocumented: false },
  logLevel: 'Error',
  githubPages: false,
  hideGenerator: true,
})
const project = await app.convert()
if (!project) throw new Error('api-docs: TypeDoc could not convert the entry points')

// Name each module after its package (TypeDoc would name it after its path) and collect the undocumented exports.
const modules = project.children ?? []
const undocumented = []
const hasDoc = (reflection) =>
  Boolean(reflection.comment?.summary.some((part) => part.text.trim() !== '')) ||
  (reflection.signatures ?? []).some((signature) => signature.comment?.summary.some((part) => part.text.trim() !== '')) ||
  Boolean(reflection.type?.declaration?.signatures?.some((signature) => signature.comment?.summary.some((part) => part.text.trim() !== '')))
/** The `.svelte` file that `export { default as name } from './X.svelte'` in `entryFile` names, if it does. */
function svelteComponent(entryFile, name) {
  const match = new RegExp(`default as ${name}\\s*}\\s*from\\s*['"](\\.[^'"]+\\.svelte)['"]`).exec(readFileSync(entryFile, 'utf8'))
  return match ? join(dirname(entryFile), match[1]) : undefined
}
let exported = 0
for (const module of modules) {
  const file = module.sources?.[0]?.fullFileName
  const entry = entries.find((candidate) => candidate.file === file)
  if (!entry) throw new Error(`api-docs: module ${module.name} (${file}) is none of the entry points`)
  module.name = entry.name
  const components = new Set()
  for (const child of module.children ?? []) {
    if (child.kindOf(ReflectionKind.Reference)) continue
    // A Svelte component (typed by Svelte's `*.svelte` module declaration) is documented by the
    // `<!-- @component -->` comment in its file.
    const component = svelteComponent(entry.file, child.name)
    if (component) {
      if (components.has(child.name)) continue
      components.add(child.name)
      exported += 1
      if (!/<!--\s*@component\b[\s\S]*?\S[\s\S]*?-->/.test(readFileSync(component, 'utf8'))) {
        undocumented.push(`${module.name}: ${child.name} (Svelte component ${relative(root, component)}: no <!-- @component --> comment)`)
      }
      continue
    }
    exported += 1
    if (!hasDoc(child)) undocumented.push(`${module.name}: ${child.name} (${ReflectionKind.singularString(child.kind)})`)
  }
}
// No "Defined in: file:line" lines in the pages: they would change with every edit of a source file.
for (const reflection of Object.values(project.reflections)) reflection.sources = undefined
if (modules.length !== entries.length) throw new Error(`api-docs: ${entries.length} entry points gave ${modules.length} modules`)

if (write) {
  rmSync(out, { recursive: true, force: true })
  await app.generateOutputs(project)
  console.log(`api-docs: ${relative(root, out)} written (${entries.map((entry) => entry.name).join(', ')})`)
}
if (undocumented.length > 0) {
  console.error(`api-docs: ${undocumented.length} of ${exported} public exports have no TSDoc comment:\n  ${undocumented.join('\n  ')}`)
  process.exit(1)
}
console.log(`api-docs: all ${exported} public exports of ${entries.length} entry points are documented`)
