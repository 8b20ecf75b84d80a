import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { coreLayers, cycleProblems, layerProblems } from '../../../../tools/import-cycles.mjs'

const src = join(dirname(fileURLToPath(import.meta.url)), '..')
let dir = ''

/** A throwaway source folder made of `files` (path → text). */
function folder(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'import-cycles-'))
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

afterEach(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true })
  dir = ''
})

describe('the import-cycle check of tools/check-boundaries.mjs', () => {
  it('finds no cycle and no upward import in libs/core/src', () => {
    expect([...cycleProblems(src, src), ...layerProblems(src, coreLayers, src)]).toEqual([])
  })

  it('reports a cycle made of type imports, through a folder index, as one path', () => {
    const root = folder({
      'a.ts': "import { b } from './parts'\nexport const a = () => b()\n",
      'parts/index.ts': "export { b } from './b'\n",
      'parts/b.ts': "import type { C } from './c'\nexport const b = (): C | null => null\n",
      'parts/c.ts': "import type { a } from '../a'\nexport type C = typeof a\n",
      'd.ts': "import { a } from './a'\nexport const d = a\n",
    })
    expect(cycleProblems(root, root)).toEqual(['import cycle: a.ts → parts/index.ts → parts/b.ts → parts/c.ts → a.ts'])
  })

  it('reports a module importing itself, and ignores cycles through test files', () => {
    const root = folder({
      'self.ts': "export const x = 1\nexport { x as y } from './self'\n",
      'e.ts': "import { f } from './e.test'\nexport const e = f\n",
      'e.test.ts': "import { e } from './e'\nexport const f = e\n",
    })
    expect(cycleProblems(root, root)).toEqual(['import cycle: self.ts → self.ts'])
  })

  it('reports an import from a lower part into a higher one', () => {
    const root = folder({
      'stores/store.ts': "import { register } from '../actions/register'\nexport const store = register\n",
      'actions/register.ts': 'export const register = 1\n',
    })
    expect(layerProblems(root, { stores: [], actions: ['stores'] }, root)).toEqual([
      'stores/store.ts: "stores" must not import actions/register.ts ("actions")',
    ])
  })
})
