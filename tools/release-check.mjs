// The release, rehearsed without publishing anything: `nx release version` and `nx release changelog` in dry-run
// mode (the fixed group bumps core, vue and svelte together), then each built `dist` packed and checked (what ships:
// no tests, no examples, a source map beside each JS file, README, LICENSE)
// and handed to `npm publish --dry-run`, which must pass without a warning.
// Usage: node tools/release-check.mjs (after `nx run-many -t build -p core vue svelte`)
import { spawnSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'test-output', 'release-check')
const libs = ['core', 'vue', 'svelte']
const problems = []

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } })
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`
  if (result.status !== 0) throw new Error(`release-check: ${command} ${args.join(' ')} failed:\n${output}`)
  return { stdout: result.stdout, output }
}

// 1. Versioning and changelog, dry-run: every package of the group gets the same new version.
const version = run('npx', ['nx', 'release', 'version', 'patch', '--dry-run']).output
const bumped = [...version.matchAll(/^(\w+) ✍️ {2}New version (\S+) written/gmu)].map(([, project, next]) => `${project}@${next}`)
const next = new Set(bumped.map((entry) => entry.split('@')[1]))
if (bumped.length !== libs.length || next.size !== 1) problems.push(`nx release version bumped ${bumped.join(', ') || 'nothing'}, not the three packages together`)
const [nextVersion] = next
const changelog = run('npx', ['nx', 'release', 'changelog', nextVersion ?? '0.0.1', '--dry-run', '--first-release']).output
if (!/CHANGELOG\.md/.test(changelog) || !/^\+ - /m.test(changelog)) problems.push('nx release changelog previewed no entries')
console.log(`nx release (dry run): ${bumped.join(', ')}; changelog previewed (${changelog.match(/^\+ - /gm)?.length ?? 0} entries)`)

// 2. Pack, inspect and dry-run publish each package.
rmSync(out, { recursive: true, force: true })
mkdirSync(out, { recursive: true })
for (const lib of libs) {
  const [pack] = JSON.parse(run('npm', ['pack', `./libs/${lib}/dist`, '--pack-destination', out, '--json']).stdout)
  const files = pack.files.map((file) => file.path)
  const bad = files.filter((file) => /(\.test|\.test-d|\.bench)\.|__tests__|^example\/|^src\/|tsbuildinfo/.test(file))
  if (bad.length > 0) problems.push(`${pack.name} ships files it should not: ${bad.join(', ')}`)
  // tools/build-lib.mjs writes a map beside every JS file (its `compile` step, or `maps` after svelte-package).
  const unmapped = files.filter((file) => file.endsWith('.js') && !files.includes(`${file}.map`))
  if (unmapped.length > 0) problems.push(`${pack.name} has JS without a source map beside it: ${unmapped.join(', ')}`)
  // A component's declarations under both names TypeScript looks for (libs/svelte/scripts/finish-dist.mjs).
  const undeclared = files.filter((file) => file.endsWith('.svelte') && !(files.includes(`${file}.d.ts`) && files.includes(file.replace(/\.svelte$/, '.d.svelte.ts'))))
  if (undeclared.length > 0) problems.push(`${pack.name} ships components without both X.svelte.d.ts and X.d.svelte.ts: ${undeclared.join(', ')}`)
  for (const needed of ['package.json', 'README.md', 'LICENSE']) {
    if (!files.includes(needed)) problems.push(`${pack.name} does not ship ${needed}`)
  }
  const publish = run('npm', ['publish', '--dry-run', join(out, pack.filename)]).output
  // Not being logged in is expected here (nothing is published); any other warning is about the package.
  const warnings = publish.split('\n').filter((line) => /\bnpm warn\b/i.test(line) && !/requires you to be logged in/.test(line))
  if (warnings.length > 0) problems.push(`npm publish --dry-run warned for ${pack.name}:\n  ${warnings.join('\n  ')}`)
  console.log(`${pack.filename}: ${(pack.size / 1024).toFixed(1)} kB packed, ${(pack.unpackedSize / 1024).toFixed(1)} kB unpacked, ${pack.entryCount} files; npm publish --dry-run ${warnings.length ? 'warned' : 'clean'}`)
}

if (problems.length > 0) {
  console.error(`release check failed:\n- ${problems.join('\n- ')}`)
  process.exit(1)
}
console.log('release check passed')
