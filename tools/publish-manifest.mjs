// The manifest a library is published with, derived from its workspace package.json: written into `dist` (the folder
// that is packed), so every path loses its `./dist/` prefix. Workspace-only parts are left out: the `source` export
// condition (TypeScript sources the workspace resolves through `customConditions`), `private`, the `nx` block, the
// scripts, `devDependencies` and `files` (`dist` holds only what ships). Whatever `exports` (and `imports`, the
// package's own `#` specifiers) the package declares are carried over, so a new subpath entry needs no change here.

const kept = [
  'name',
  'version',
  'description',
  'keywords',
  'license',
  'author',
  'contributors',
  'repository',
  'homepage',
  'bugs',
  'funding',
  'type',
  'sideEffects',
  'exports',
  'imports',
  'main',
  'module',
  'types',
  'svelte',
  'engines',
  'peerDependencies',
  'peerDependenciesMeta',
  'dependencies',
  'optionalDependencies',
  'publishConfig',
]
const required = ['name', 'version', 'description', 'license', 'repository', 'homepage', 'keywords', 'engines', 'exports']
const dropped = new Set(['private', 'nx', 'scripts', 'devDependencies', 'files', 'workspaces', 'allowScripts'])

/** `./dist/index.js` → `./index.js`; any other target is a mistake (it would not be in the package). */
function fromDist(path, where) {
  if (path === './package.json') return path
  if (typeof path !== 'string' || !path.startsWith('./dist/')) {
    throw new Error(`publish-manifest: ${where} points at ${JSON.stringify(path)}, outside ./dist/`)
  }
  return `./${path.slice('./dist/'.length)}`
}

/** An export target with the `source` condition removed and its paths made relative to `dist`. */
function cleanTarget(target, where) {
  if (target === null) return null
  if (typeof target === 'string') return fromDist(target, where)
  if (Array.isArray(target)) return target.map((item, i) => cleanTarget(item, `${where}[${i}]`))
  const out = {}
  for (const [condition, value] of Object.entries(target)) {
    if (condition === 'source') continue
    out[condition] = cleanTarget(value, `${where}.${condition}`)
  }
  if (Object.keys(out).length === 0) throw new Error(`publish-manifest: ${where} has no condition besides "source"`)
  return out
}

export function publishManifest(pkg) {
  const missing = required.filter((field) => pkg[field] === undefined)
  if (missing.length > 0) throw new Error(`publish-manifest: ${pkg.name} lacks ${missing.join(', ')} in package.json`)
  const unknown = Object.keys(pkg).filter((field) => !kept.includes(field) && !dropped.has(field))
  if (unknown.length > 0) {
    throw new Error(`publish-manifest: ${pkg.name} has fields this tool does not know how to publish: ${unknown.join(', ')}`)
  }
  for (const [dep, range] of Object.entries(pkg.dependencies ?? {})) {
    if (dep.startsWith('@context-action/') && !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(range)) {
      throw new Error(`publish-manifest: ${pkg.name} must depend on ${dep} at an exact version, not "${range}"`)
    }
  }
  const out = {}
  for (const field of kept) {
    if (pkg[field] === undefined) continue
    if (field === 'exports' || field === 'imports') {
      out[field] = Object.fromEntries(
        Object.entries(pkg[field]).map(([subpath, target]) => [subpath, cleanTarget(target, `${field}["${subpath}"]`)]),
      )
    } else if (field === 'sideEffects' && Array.isArray(pkg.sideEffects)) {
      // The workspace lists a module with side effects twice, as source and as built file; the package has the built one.
      out.sideEffects = pkg.sideEffects.filter((path) => !path.startsWith('./src/')).map((path) => fromDist(path, 'sideEffects'))
    } else if (['main', 'module', 'types', 'svelte'].includes(field)) out[field] = fromDist(pkg[field], field)
    else out[field] = pkg[field]
  }
  return out
}
