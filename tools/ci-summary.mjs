// Test counts from a log of `nx run-many … --outputStyle=static` (Nx shows every task's own output in that style, so
// each Vitest run's "Tests  N passed | M failed (T)" line is there): the totals across every project, per project,
// and the Nx tasks that failed. Used by tools/test-all.mjs; also a CLI that prints the closing line for a saved log:
//   node tools/ci-summary.mjs test-output/test-all.log
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const ansi = /\x1b\[[0-9;]*m/g

/** Sums the Vitest count lines of one piece of output. */
function countTests(text) {
  const counts = { passed: 0, failed: 0, skipped: 0 }
  for (const line of text.split('\n')) {
    const match = /^\s*Tests\s+(.*)\(\d+\)\s*$/.exec(line)
    if (!match) continue
    for (const [, count, kind] of match[1].matchAll(/(\d+) (passed|failed|skipped)/g)) counts[kind] += Number(count)
  }
  return counts
}

/** The failing tests Vitest names in its closing "Failed Tests" section (` FAIL  file > suite > test`), once each. */
function failingTests(text) {
  const names = new Set()
  for (const line of text.split('\n')) {
    const match = /^\s*FAIL\s+(\S.*?)\s*$/.exec(line)
    if (match) names.add(match[1])
  }
  return [...names]
}

/**
 * Reads an Nx log: `tasks` maps each task (`core:test`) to its Vitest counts, `failedTasks` lists what Nx reported as
 * failed, `failedTests` names each failing test (`task: file > test`), and `passed`/`failed`/`skipped` are the
 * totals. A failed task without a failing test (a type error, a
 * build, a size budget) adds one to `failed`, so a broken run never reads "0 failed".
 */
export function summarizeNxLog(raw) {
  const log = raw.replace(ansi, '')
  const tasks = {}
  const failedTests = []
  // Static output starts each task's block with "> nx run project:target".
  const blocks = log.split(/^> nx run (\S+)/m)
  for (let i = 1; i < blocks.length; i += 2) {
    const counts = countTests(blocks[i + 1])
    for (const test of failingTests(blocks[i + 1])) failedTests.push(`${blocks[i]}: ${test}`)
    const previous = tasks[blocks[i]] ?? { passed: 0, failed: 0, skipped: 0 }
    tasks[blocks[i]] = { passed: previous.passed + counts.passed, failed: previous.failed + counts.failed, skipped: previous.skipped + counts.skipped }
  }
  const failedTasks = /Failed tasks:[ \t]*\n[ \t]*\n((?:[ \t]*- .*\n?)+)/.exec(log)?.[1].match(/- \S+/g)?.map((t) => t.slice(2)) ?? []
  const totals = Object.values(tasks).reduce(
    (sum, counts) => ({ passed: sum.passed + counts.passed, failed: sum.failed + counts.failed, skipped: sum.skipped + counts.skipped }),
    // Output outside any task block (none expected) still counts.
    countTests(blocks[0]),
  )
  const withoutFailingTest = failedTasks.filter((task) => (tasks[task]?.failed ?? 0) === 0)
  failedTests.push(...failingTests(blocks[0]))
  return { tasks, failedTasks, failedTests, ...totals, failed: totals.failed + withoutFailingTest.length }
}

/** The closing line: `N passed, N failed` (`, N skipped` when some were). */
export function closingLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const summary = summarizeNxLog(readFileSync(process.argv[2], 'utf8'))
  if (summary.failedTasks.length > 0) console.log(`failed tasks: ${summary.failedTasks.join(', ')}`)
  for (const test of summary.failedTests) console.log(`failed test: ${test}`)
  console.log(closingLine(summary))
}
