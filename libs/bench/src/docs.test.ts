import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

it('the TypeScript examples of the README and the guides compile against the current sources', () => {
  const tool = fileURLToPath(new URL('../../../tools/check-docs.mjs', import.meta.url))
  const run = spawnSync(process.execPath, [tool], { encoding: 'utf8' })
  expect(`${run.stdout}${run.stderr}`).toMatch(/^check-docs: the TypeScript examples of \d+ documents compile/)
  expect(run.status).toBe(0)
}, 120_000)
