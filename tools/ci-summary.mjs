// Sums Vitest's "Tests  N passed | M failed" lines from a log into one closing line for CI, and names the Nx tasks
// that failed (some fail with no failing test, e.g. a type error).
import { readFileSync } from 'node:fs'

const log = readFileSync(process.argv[2], 'utf8').replace(/\x1b\[[0-9;]*m/g, '')
let passed = 0
let failed = 0
let skipped = 0
for (const line of log.split('\n')) {
  const match = /^\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line)
  if (!match) continue
  for (const [, count, kind] of match[1].matchAll(/(\d+) (passed|failed|skipped)/g)) {
    if (kind === 'passed') passed += Number(count)
    else if (kind === 'failed') failed += Number(count)
    else skipped += Number(count)
  }
}
// A run can fail outside any test (a type error, a build, the size budget): name those Nx tasks too.
const tasks = /Failed tasks:\n\n((?:\s*- .*\n)+)/.exec(log)?.[1].match(/- \S+/g)?.map((t) => t.slice(2)) ?? []
const broken = tasks.length > 0 ? `; failed tasks: ${tasks.join(', ')}` : ''
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${broken}`)
