// Type-checks the TypeScript examples of the user documentation against the current sources, so the README and the
// guides cannot drift from the API. Each document's ```ts blocks become one module (in order, imports merged), after
// the declarations of any `<!-- docs-check ... -->` comment in it (for names an example assumes, like `api`).
// Writes test-output/docs-check/ and runs tsc there; exits 1 with tsc's messages when an example does not compile.
// The README's Vue and Svelte components are checked by tools/consumer-check.mjs instead.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const out = join(root, 'test-output/docs-check')

/** The documents whose ```ts blocks are checked, relative to the root. */
export function documents() {
  const guides = readdirSync(join(root, 'docs/guides'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/guides/${name}`)
  return ['README.md', ...guides.sort()]
}

/** One module from a document: its docs-check declarations, then its ```ts blocks with their imports merged on top. */
export function moduleOf(markdown) {
  const declarations = [...markdown.matchAll(/<!-- docs-check\n([\s\S]*?)-->/g)].map((m) => m[1])
  const blocks = [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1])
  if (blocks.length === 0) return undefined
  const imports = new Map()
  const body = blocks.map((block) =>
    block.replace(/^import (type )?\{([^}]*)\} from ['"]([^'"]+)['"]\n?/gm, (_, typeOnly, names, from) => {
      const list = imports.get(from) ?? new Set()
      for (const name of names.split(',').map((n) => n.trim()).filter(Boolean)) list.add(typeOnly && !name.startsWith('type ') ? `type ${name}` : name)
      imports.set(from, list)
      return ''
    }),
  )
  const head = [...imports].map(([from, names]) => `import { ${[...names].join(', ')} } from '${from}'`)
  return [...head, ...declarations, ...body, 'export {}', ''].join('\n')
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  rmSync(out, { recursive: true, force: true })
  mkdirSync(out, { recursive: true })
  const files = []
  for (const document of documents()) {
    const module = moduleOf(readFileSync(join(root, document), 'utf8'))
    if (module === undefined) continue
    const file = `${document.replaceAll('/', '__')}.ts`
    writeFileSync(join(out, file), `// From ${document}\n${module}`)
    files.push(file)
  }
  const tsconfig = { extends: '../../tsconfig.base.json', compilerOptions: { types: ['node'] }, files }
  writeFileSync(join(out, 'tsconfig.json'), JSON.stringify(tsconfig, null, 2))
  const tsc = spawnSync(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(out, 'tsconfig.json')], { cwd: root, encoding: 'utf8' })
  // Errors inside the libraries' sources are their own type checks' business; only the examples' errors count here.
  const errors = []
  let ours = false
  for (const line of `${tsc.stdout}${tsc.stderr}`.split('\n')) {
    if (!line.startsWith(' ')) ours = line.startsWith('test-output/docs-check/')
    if (ours) errors.push(line)
  }
  if (tsc.status !== 0 && (errors.length > 0 || tsc.stdout.trim() === '')) {
    console.error(`check-docs: an example in the documentation does not compile (modules in test-output/docs-check):\n${errors.join('\n') || tsc.stderr}`)
    process.exit(1)
  }
  console.log(`check-docs: the TypeScript examples of ${files.length} documents compile`)
}
