// What svelte-package leaves in dist, finished for publishing:
// - it copies every file under src, and the published package holds no tests, fixtures or type tests;
// - it declares each component as `X.svelte.d.ts`, which TypeScript finds for `./X.svelte` only under
//   `moduleResolution: bundler`; under node16/nodenext it looks for `X.d.svelte.ts` (and, not finding it, types the
//   component with Svelte's ambient `*.svelte` module, untyped props): each declaration is written under both names.
import { copyFileSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

const isTest = (name) => name === '__tests__' || /\.(test|test-d|bench)\.(js|d\.ts)$/.test(name) || /\.(test|test-d)\.svelte\.(js|d\.ts)$/.test(name)

function prune(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (isTest(name)) rmSync(path, { recursive: true, force: true })
    else if (statSync(path).isDirectory()) prune(path)
  }
}

const dist = new URL('../dist', import.meta.url).pathname
prune(dist)
for (const name of readdirSync(dist)) {
  const component = /^(.+)\.svelte\.d\.ts$/.exec(name)?.[1]
  if (component !== undefined && existsSync(join(dist, `${component}.svelte`))) copyFileSync(join(dist, name), join(dist, `${component}.d.svelte.ts`))
}
