import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const app = join(import.meta.dirname, '..')
const read = (path: string) => readFileSync(join(app, path), 'utf8')

/** The code blocks of the section of `doc` from `heading` to the next `## ` heading, and whether it was found. */
const example = (doc: string, heading: string) => {
  const start = doc.indexOf(heading)
  const section = doc.slice(start, doc.indexOf('\n## ', start + 1))
  return { found: start > 0, blocks: [...section.matchAll(/```(?:typescript|ts|svelte)\n([\s\S]*?)```/g)].map((m) => m[1]) }
}
const guide = () => example(read('../../docs/svelte.md'), '\n## SvelteKit\n')
const readme = () => example(read('../../README.md'), '**SvelteKit 2**')
/** The files of src/routes/example that the browser test runs, in the examples' order. */
const files = () => [read('src/lib/profile.ts'), read('src/routes/example/+layout.server.ts'), read('src/routes/example/+layout.svelte'), read('src/routes/example/+page.svelte')]

it("docs/svelte.md's SvelteKit example is, block for block, the files of src/routes/example that the browser test runs", () => {
  const { found, blocks } = guide()
  expect([found, blocks.slice(0, 4)]).toEqual([true, files()])
})

it("the README's SvelteKit example is, block for block, the same files", () => {
  const { found, blocks } = readme()
  expect([found, blocks.slice(0, 4), blocks.length]).toEqual([true, files(), 5])
})

it('the API route both examples add is the same in both (here the demo API answers /api; the consumer check runs it in a fresh app)', () => {
  const fromReadme = readme().blocks[4]
  expect(fromReadme).toContain('export const GET: RequestHandler')
  expect(guide().blocks[4]).toBe(fromReadme)
})
