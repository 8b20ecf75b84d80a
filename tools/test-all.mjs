// `npm run test:all`: every check, in order, each run even when an earlier one failed (so one run shows every
// problem), then one closing line with the test counts across every project: `N passed, N failed`.
//   1. module boundaries (tools/check-boundaries.mjs)
//   2. Debian's chromium for the browser tests (tools/ensure-chromium.sh)
//   3. Nx: typecheck, test, build and e2e of every project, with each task's output shown (--outputStyle=static)
//   4. the consumer check: the packed packages in fresh Vite apps (tools/consumer-check.mjs)
//   5. the release rehearsal: nx release dry-run, pack contents, npm publish --dry-run (tools/release-check.mjs)
//   6. the API reference: every public export documented, docs/api generated (tools/api-docs.mjs)
// Extra arguments go to `nx run-many` (e.g. --skip-nx-cache). The full log is test-output/test-all.log and the
// closing line is also written to test-output/test-summary.txt (.ci/run prints it again at its end).
import { spawn } from 'node:child_process'
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { closingLine, summarizeNxLog } from './ci-summary.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = join(root, 'test-output')
mkdirSync(outDir, { recursive: true })
const logPath = join(outDir, 'test-all.log')
const log = createWriteStream(logPath)
const nxArgs = process.argv.slice(2).filter((arg) => !arg.startsWith('--outputStyle'))

/** Runs a command with its output going to the terminal and to the log; resolves to its exit code and output. */
function step(command, args) {
  return new Promise((resolve) => {
    let output = ''
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    for (const [stream, terminal] of [[child.stdout, process.stdout], [child.stderr, process.stderr]]) {
      stream.on('data', (chunk) => {
        terminal.write(chunk)
        log.write(chunk)
        output += chunk
      })
    }
    child.on('error', (error) => {
      log.write(`${error.stack}\n`)
      resolve({ code: 1, output })
    })
    child.on('close', (code) => resolve({ code: code ?? 1, output }))
  })
}

const started = Date.now()
const results = []
async function check(name, command, args) {
  const from = Date.now()
  const header = `\n=== ${name} ===\n`
  process.stdout.write(header)
  log.write(header)
  const { code, output } = await step(command, args)
  results.push({ name, ok: code === 0, seconds: (Date.now() - from) / 1000, output })
}

await check('module boundaries', process.execPath, ['tools/check-boundaries.mjs'])
await check('chromium', 'sh', ['tools/ensure-chromium.sh'])
await check('nx typecheck test build e2e', 'npx', ['nx', 'run-many', '-t', 'typecheck', 'test', 'build', 'e2e', '--outputStyle=static', ...nxArgs])
await check('consumer check', process.execPath, ['tools/consumer-check.mjs'])
await check('release check', process.execPath, ['tools/release-check.mjs'])
await check('API reference', process.execPath, ['tools/api-docs.mjs'])
await new Promise((resolve) => log.end(resolve))

const nx = summarizeNxLog(results.find((result) => result.name.startsWith('nx')).output)
// A failed check outside Nx has no test count of its own: it counts as one failure. (A failed Nx run is already
// counted by its failing tests, or by its failed tasks.)
const failedChecks = results.filter((result) => !result.ok && result.name !== 'nx typecheck test build e2e')
const nxFailedWithoutTasks = results.some((r) => r.name.startsWith('nx') && !r.ok) && nx.failed === 0 ? 1 : 0
const totals = { passed: nx.passed, failed: nx.failed + failedChecks.length + nxFailedWithoutTasks, skipped: nx.skipped }

const lines = ['', '=== summary ===']
for (const result of results) lines.push(`${result.ok ? 'ok    ' : 'FAILED'} ${result.name} (${result.seconds.toFixed(1)} s)`)
for (const [task, counts] of Object.entries(nx.tasks)) {
  if (counts.passed + counts.failed + counts.skipped > 0) lines.push(`  ${task}: ${closingLine(counts)}`)
}
if (nx.failedTasks.length > 0) lines.push(`failed Nx tasks: ${nx.failedTasks.join(', ')}`)
for (const test of nx.failedTests) lines.push(`failed test: ${test}`)
if (failedChecks.length > 0) lines.push(`failed checks (one failure each): ${failedChecks.map((r) => r.name).join(', ')}`)
lines.push(`total time ${((Date.now() - started) / 1000).toFixed(0)} s; test counts are Vitest's, across every project`)
const closing = closingLine(totals)
lines.push(closing)
console.log(lines.join('\n'))
writeFileSync(join(outDir, 'test-summary.txt'), `${lines.join('\n')}\n`)
process.exit(results.every((result) => result.ok) ? 0 : 1)
