import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import config from './vite.config.ts'

// Stryker's Vitest runner (stryker.vue.config.mjs at the root) runs the adapter's tests without their type tests (a
// mutant cannot change a type, and vue-tsc would take longer than the tests). Stryker starts Vitest from the
// repository root, so the root is set here for `src/**/*.test.ts` to resolve inside libs/vue.
const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  ...config,
  root,
  // A test component that imports the package by its name (docs-example's MinimalComponent.vue) gets this copy's
  // source, the one Stryker mutates, not the repository's through node_modules.
  resolve: { ...config.resolve, alias: [{ find: /^@context-action\/vue(\/.*)?$/, replacement: `${root}src$1` }] },
  test: { ...config.test, typecheck: { enabled: false } },
})
