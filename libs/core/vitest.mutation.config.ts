import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'
import config from './vitest.config.ts'

// Stryker's Vitest runner (stryker.config.mjs at the root) has no option to pick a project, and the production
// project runs the same tests again over the same sources: mutation testing runs the development project alone,
// without its type tests (a mutant cannot change a type). Stryker starts Vitest from the repository root, so the root
// is set here for the project's `src/**/*.test.ts` to resolve inside libs/core.
const projects = config.test?.projects ?? []
const development = projects.find((project) => typeof project === 'object' && 'test' in project && project.test?.name === 'development')
if (development === undefined || typeof development !== 'object' || !('test' in development)) {
  throw new Error('vitest.mutation.config.ts: libs/core/vitest.config.ts has no "development" project')
}

export default defineConfig({
  ...config,
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    ...config.test,
    projects: [{ ...development, test: { ...development.test, typecheck: { enabled: false } } }],
  },
})
