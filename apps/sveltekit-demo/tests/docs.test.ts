import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const app = join(import.meta.dirname, '..')
const read = (path: string) => readFileSync(join(app, path), 'utf8')

it("docs/svelte.md's SvelteKit example is, block for block, the files of src/routes/example that the browser test runs", () => {
  const guide = read('../../docs/svelte.md')
  const start = guide.indexOf('\n## SvelteKit\n')
  const section = guide.slice(start, guide.indexOf('\n## ', start + 1))
  const blocks = [...section.matchAll(/```(ts|svelte)\n([\s\S]*?)```/g)].slice(0, 4).map((m) => m[2])
  expect([start > 0, blocks]).toEqual([
    true,
    [read('src/lib/profile.ts'), read('src/routes/example/+layout.server.ts'), read('src/routes/example/+layout.svelte'), read('src/routes/example/+page.svelte')],
  ])
})

it("the README's SvelteKit example is, block for block, the same files", () => {
  const readme = read('../../README.md')
  const start = readme.indexOf('**SvelteKit 2**')
  const section = readme.slice(start, readme.indexOf('\n## ', start))
  const blocks = [...section.matchAll(/```(typescript|svelte)\n([\s\S]*?)```/g)].map((m) => m[2])
  expect([start > 0, blocks.slice(0, 4), blocks.length]).toEqual([
    true,
    [read('src/lib/profile.ts'), read('src/routes/example/+layout.server.ts'), read('src/routes/example/+layout.svelte'), read('src/routes/example/+page.svelte')],
    5,
  ])
})

it('the API route both examples add is the same in both (here the demo API answers /api; the consumer check runs it in a fresh app)', () => {
  const fifthBlock = (doc: string, heading: string) => {
    const start = doc.indexOf(heading)
    const section = doc.slice(start, doc.indexOf('\n## ', start + 1))
    return [...section.matchAll(/```(?:typescript|ts|svelte)\n([\s\S]*?)```/g)].map((m) => m[1])[4]
  }
  const fromReadme = fifthBlock(read('../../README.md'), '**SvelteKit 2**')
  expect(fromReadme).toContain('export const GET: RequestHandler')
  expect(fifthBlock(read('../../docs/svelte.md'), '\n## SvelteKit\n')).toBe(fromReadme)
})
