import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { expect, it } from 'vitest'

// What a project on @tsconfig/strictest sees: exact-optional.probe.ts passes possibly undefined values to the optional
// props and install options; vue-tsc must report nothing.
it('optional props and install options take undefined under exactOptionalPropertyTypes', () => {
  const root = join(dirname(import.meta.filename), '../..')
  const vueTsc = createRequire(import.meta.url).resolve('vue-tsc/bin/vue-tsc.js')
  const run = spawnSync(process.execPath, [vueTsc, '-p', join(root, 'tsconfig.exact.json'), '--noEmit'], { encoding: 'utf8', cwd: root })
  expect(`${run.stdout}${run.stderr}`.trim()).toBe('')
  expect(run.status).toBe(0)
}, 120_000)
