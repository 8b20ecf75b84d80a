// Import cycles among the modules of one source folder (run by tools/check-boundaries.mjs on libs/core/src).
// Every relative import counts, `import type` included: a cycle of types is still two files that cannot be understood
// one without the other. Test files and `__tests__` folders are left out (they may import anything).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

/** The parts of libs/core/src (its folders) and the parts each may import: stores never know actions. */
export const coreLayers = {
  shared: [],
  stores: ['shared'],
  transactions: ['shared', 'stores'],
  cache: ['shared', 'stores'],
  'store-manager': ['shared', 'stores'],
  actions: ['shared', 'stores'],
  testing: ['shared', 'actions'],
}

const isTest = (path) => /\.(test|test-d|bench)\.ts$/.test(path) || path.split(/[\\/]/).includes('__tests__')

function* modules(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) yield* modules(path)
    else if (entry.endsWith('.ts') && !entry.endsWith('.d.ts') && !isTest(path)) yield path
  }
}

/** `./x` from `file` → the `.ts` file it names (`x.ts`, or `x/index.ts`), or `null` when it names neither. */
function resolveModule(file, spec) {
  const target = resolve(dirname(file), spec.replace(/\.js$/, ''))
  if (existsSync(`${target}.ts`)) return `${target}.ts`
  if (existsSync(join(target, 'index.ts'))) return join(target, 'index.ts')
  return null
}

/** `Map<file, Set<file>>`: the relative imports (and re-exports) of every module under `dir`. */
export function importGraph(dir) {
  const graph = new Map()
  for (const file of modules(dir)) {
    const text = readFileSync(file, 'utf8')
    const targets = new Set()
    for (const [, spec] of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.\.?\/[^'"]+)['"]/g)) {
      const target = resolveModule(file, spec)
      if (target !== null && !isTest(target)) targets.add(target)
    }
    graph.set(file, targets)
  }
  return graph
}

/** The strongly connected components of `graph` with a cycle (Tarjan), each as one cycle path `[a, b, …, a]`. */
export function findCycles(graph) {
  let next = 0
  const index = new Map()
  const low = new Map()
  const stack = []
  const onStack = new Set()
  const components = []
  const visit = (node) => {
    index.set(node, next)
    low.set(node, next)
    next++
    stack.push(node)
    onStack.add(node)
    for (const to of graph.get(node) ?? []) {
      if (!index.has(to)) {
        visit(to)
        low.set(node, Math.min(low.get(node), low.get(to)))
      } else if (onStack.has(to)) low.set(node, Math.min(low.get(node), index.get(to)))
    }
    if (low.get(node) !== index.get(node)) return
    const component = []
    let member
    do {
      member = stack.pop()
      onStack.delete(member)
      component.push(member)
    } while (member !== node)
    if (component.length > 1 || graph.get(node)?.has(node)) components.push(component)
  }
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node)
  return components.map((component) => cyclePath(graph, new Set(component)))
}

/** One cycle through the first (sorted) member of `members`, staying inside them (breadth-first: a shortest one). */
function cyclePath(graph, members) {
  const start = [...members].sort()[0]
  const from = new Map()
  const queue = [start]
  while (queue.length > 0) {
    const node = queue.shift()
    for (const to of [...(graph.get(node) ?? [])].sort()) {
      if (!members.has(to)) continue
      if (to === start) {
        const path = [start]
        for (let at = node; at !== start; at = from.get(at)) path.splice(1, 0, at)
        return [...path, start]
      }
      if (!from.has(to)) {
        from.set(to, node)
        queue.push(to)
      }
    }
  }
  return [start, start]
}

/** Problems for `check-boundaries`: one line per cycle under `dir`, paths relative to `root`. */
export function cycleProblems(dir, root) {
  return findCycles(importGraph(dir)).map((cycle) => `import cycle: ${cycle.map((file) => relative(root, file)).join(' → ')}`)
}

/**
 * Problems for `check-boundaries`: an import from one folder of `dir` into another that `layers` does not allow.
 * `layers` maps each folder to the folders it may import; a module directly in `dir` (the root entry) may import any.
 */
export function layerProblems(dir, layers, root) {
  const problems = []
  const folderOf = (file) => relative(dir, file).split(/[\\/]/).slice(0, -1)[0]
  for (const [file, targets] of importGraph(dir)) {
    const from = folderOf(file)
    if (from === undefined) continue
    if (!(from in layers)) {
      problems.push(`${relative(root, file)}: folder "${from}" has no place in the layers of ${relative(root, dir)}`)
      continue
    }
    for (const target of targets) {
      const to = folderOf(target)
      if (to === from) continue
      if (to === undefined || !layers[from].includes(to)) {
        problems.push(`${relative(root, file)}: "${from}" must not import ${relative(root, target)} ("${to ?? 'the root entry'}")`)
      }
    }
  }
  return problems
}
