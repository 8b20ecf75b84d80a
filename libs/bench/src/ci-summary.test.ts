import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const script = new URL('../../../tools/ci-summary.mjs', import.meta.url).pathname

/** The closing line `.ci/run` prints for a log. */
function summarise(log: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ci-summary-')), 'ci.log')
  writeFileSync(file, log)
  return execFileSync(process.execPath, [script, file], { encoding: 'utf8' }).trim()
}

it('sums the Vitest totals of every project, colours stripped', () => {
  const log = ['\x1b[2m      Tests \x1b[22m \x1b[1m\x1b[32m12 passed\x1b[39m\x1b[22m\x1b[90m (12)\x1b[39m', '      Tests  1 failed | 7 passed | 2 skipped (10)', 'Test Files  3 passed (3)'].join('\n')
  expect(summarise(log)).toBe('19 passed, 1 failed, 2 skipped')
})

it('names the Nx tasks that failed on a line of their own, and counts a failed task without a failing test as one failure', () => {
  const log = ['      Tests  5 passed (5)', ' NX   Running targets typecheck, test for 2 projects failed', '', 'Failed tasks:', '', '- core:typecheck', '- core:test', '', '  Run duration: 1s'].join('\n')
  expect(summarise(log).split('\n')).toEqual(['failed tasks: core:typecheck, core:test', '5 passed, 2 failed'])
})

it("counts each task's tests in its own block of static output, so a task whose tests failed is not counted again", () => {
  const log = [
    '> nx run core:test',
    '      Tests  2 failed | 8 passed (10)',
    '> nx run vue:typecheck',
    'src/a.ts(1,1): error TS2322',
    '> nx run vue:test',
    '      Tests  4 passed (4)',
    '',
    'Failed tasks:',
    '',
    '- core:test',
    '- vue:typecheck',
  ].join('\n')
  expect(summarise(log).split('\n')).toEqual(['failed tasks: core:test, vue:typecheck', '12 passed, 3 failed'])
})

it('names each failing test once, under its task, so the end of the log says which test broke', () => {
  const log = [
    '> nx run demo-e2e:e2e',
    '   × e2e/demo.e2e.ts > todos > adds a todo 812ms',
    '\x1b[31m FAIL \x1b[39m e2e/demo.e2e.ts > todos > adds a todo',
    'AssertionError: expected 1 to be 2',
    '      Tests  1 failed | 47 passed (48)',
    '',
    'Failed tasks:',
    '',
    '- demo-e2e:e2e',
  ].join('\n')
  expect(summarise(log).split('\n')).toEqual([
    'failed tasks: demo-e2e:e2e',
    'failed test: demo-e2e:e2e: e2e/demo.e2e.ts > todos > adds a todo',
    '47 passed, 1 failed',
  ])
})
