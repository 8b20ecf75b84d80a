// svelte-package copies every file under src; the published package holds no tests, fixtures or type tests.
import { readdirSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'

const isTest = (name) => name === '__tests__' || /\.(test|test-d|bench)\.(js|d\.ts)$/.test(name) || /\.(test|test-d)\.svelte\.(js|d\.ts)$/.test(name)

function prune(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name)
    if (isTest(name)) rmSync(path, { recursive: true, force: true })
    else if (statSync(path).isDirectory()) prune(path)
  }
}

prune(new URL('../dist', import.meta.url).pathname)
