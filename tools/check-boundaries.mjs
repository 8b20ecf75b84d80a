// Module boundaries by Nx project tags: what each kind of project may import from the workspace and frameworks.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { coreLayers, cycleProblems, layerProblems } from './import-cycles.mjs'

const root = new URL('..', import.meta.url).pathname
const allowed = {
  'type:core': { workspace: [], frameworks: [] },
  'type:adapter': { workspace: ['type:core'], frameworks: ['vue', 'svelte'] },
  'type:domain': { workspace: ['type:core'], frameworks: [] },
  'type:server': { workspace: [], frameworks: [] },
  'type:theme': { workspace: [], frameworks: [] },
  'type:bench': { workspace: ['type:core', 'type:adapter'], frameworks: ['vue', 'svelte'] },
  'type:app': { workspace: ['type:core', 'type:adapter', 'type:domain', 'type:server', 'type:theme', 'type:app'], frameworks: ['vue', 'svelte'] },
  'type:e2e': { workspace: ['type:server'], frameworks: [] },
}

const projects = new Map()
for (const group of ['libs', 'apps']) {
  let names = []
  try {
    names = readdirSync(join(root, group))
  } catch {
    continue
  }
  for (const name of names) {
    const dir = join(root, group, name)
    let pkg
    try {
      pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
    } catch {
      continue
    }
    const type = (pkg.nx?.tags ?? []).find((tag) => tag.startsWith('type:'))
    projects.set(pkg.name, { dir, type, name: pkg.nx?.name ?? pkg.name })
  }
}

function* sources(dir) {
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry === 'dist' || entry === 'test-output') continue
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) yield* sources(path)
    else if (/\.(ts|vue|svelte|js|mjs)$/.test(entry) && !/\.(test|test-d|bench|e2e)\.ts$/.test(entry) && !path.includes('__tests__')) yield path
  }
}

const problems = []
for (const [pkgName, project] of projects) {
  const rule = allowed[project.type]
  if (!rule) {
    problems.push(`${project.name}: missing or unknown "type:" tag in package.json nx.tags`)
    continue
  }
  // `src`, or a Nuxt app's `app` and `server` folders.
  const dirs = ['src', 'app', 'server'].map((name) => join(project.dir, name)).filter((dir) => {
    try {
      return statSync(dir).isDirectory()
    } catch {
      return false
    }
  })
  for (const file of dirs.flatMap((dir) => [...sources(dir)])) {
    const text = readFileSync(file, 'utf8')
    for (const [, spec] of text.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)) {
      const base = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]
      const target = projects.get(base)
      if (target && target !== project && !rule.workspace.includes(target.type)) {
        problems.push(`${relative(root, file)}: ${project.name} (${project.type}) must not import ${base} (${target.type})`)
      }
      if ((base === 'vue' || base === 'svelte') && !rule.frameworks.includes(base)) {
        problems.push(`${relative(root, file)}: ${project.name} (${project.type}) must not import ${base}`)
      }
    }
  }
}

// Inside the core: no import cycle, and each of its parts (a folder of libs/core/src) imports only the parts below it.
const coreSrc = join(root, 'libs/core/src')
problems.push(...cycleProblems(coreSrc, root), ...layerProblems(coreSrc, coreLayers, root))

if (problems.length > 0) {
  console.error(`check-boundaries: ${problems.length} violation(s)\n  ` + problems.join('\n  '))
  process.exit(1)
}
console.log(`check-boundaries: ${projects.size} projects respect their module boundaries; libs/core/src has no import cycle`)
