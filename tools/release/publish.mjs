// The `nx-release-publish` target of core, vue and svelte (what `nx release publish` runs in each): publishes the
// library's built `dist` folder (its clean manifest, see tools/publish-manifest.mjs) with npm. Nx passes its options
// as flags: --dryRun, --tag, --registry, --access, --otp.
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    dryRun: { type: 'string' },
    'dry-run': { type: 'boolean' },
    tag: { type: 'string' },
    registry: { type: 'string' },
    access: { type: 'string' },
    otp: { type: 'string' },
  },
  strict: false,
})
const dryRun = values['dry-run'] === true || (values.dryRun !== undefined && values.dryRun !== 'false')
const source = JSON.parse(readFileSync('package.json', 'utf8'))
if (!existsSync('dist/package.json')) throw new Error(`publish: ${source.name} has no dist/package.json; run its build first`)
const built = JSON.parse(readFileSync('dist/package.json', 'utf8'))
if (built.version !== source.version) {
  throw new Error(`publish: dist of ${source.name} is version ${built.version}, package.json says ${source.version}; rebuild first`)
}
const args = ['publish', './dist']
if (dryRun) args.push('--dry-run')
for (const flag of ['tag', 'registry', 'access', 'otp']) {
  if (typeof values[flag] === 'string') args.push(`--${flag}`, values[flag])
}
console.log(`publish: npm ${args.join(' ')}`)
execFileSync('npm', args, { stdio: 'inherit' })
