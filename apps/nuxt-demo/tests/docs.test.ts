import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, it } from 'vitest'

const app = join(import.meta.dirname, '..')
const read = (path: string) => readFileSync(join(app, path), 'utf8')

/** The example's four files, in the order the documents show them (the layer's app/ and server/). */
const exampleFiles = () =>
  ['app/stores.ts', 'app/plugins/todos.ts', 'app/pages/todos.vue', 'server/api/todos.ts'].map((path) => read(`layers/example/${path}`))

it("the README's Nuxt example is, block for block, the files of layers/example that the browser test runs", () => {
  const readme = read('../../README.md')
  const start = readme.indexOf('**Nuxt 4**')
  const section = readme.slice(start, readme.indexOf('**SvelteKit 2**', start))
  const blocks = [...section.matchAll(/```(typescript|vue)\n([\s\S]*?)```/g)].map((m) => m[2])
  expect([start > 0, blocks]).toEqual([true, exampleFiles()])
})

it("docs/vue.md's Nuxt example is, block for block, the same files", () => {
  const guide = read('../../docs/vue.md')
  const start = guide.indexOf('\n## Nuxt\n')
  const section = guide.slice(start, guide.indexOf('\n## ', start + 1))
  const blocks = [...section.matchAll(/```(ts|vue)\n([\s\S]*?)```/g)].slice(0, 4).map((m) => m[2])
  expect([start > 0, blocks]).toEqual([true, exampleFiles()])
})
