import { readFileSync } from 'node:fs'
import { expect, it } from 'vitest'
import { measurePeers, measureSizes, peerTable, readmeTable } from '../../../tools/size.mjs'

it('CONTRIBUTING.md quotes the sizes tools/size.mjs measures, ours then the peers\'', async () => {
  const readme = readFileSync(new URL('../../../CONTRIBUTING.md', import.meta.url), 'utf8')
  const section = readme.split(/^## Size and speed$/m)[1]?.split(/^## /m)[0] ?? ''
  const table = section.match(/^\|.*\|$/gm)?.join('\n') ?? ''
  expect(table).toBe(`${readmeTable(await measureSizes())}\n${peerTable(await measurePeers())}`)
})
