import { fileURLToPath } from 'node:url'
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config'
import config from './vite.config.ts'

// Stryker's Vitest runner (stryker.svelte.config.mjs at the root) runs both of the adapter's projects (dom and ssr)
// without the type tests (a mutant cannot change a type). Stryker starts Vitest from the repository root, so the
// root is set here for each project's `src/**/*.test.ts` to resolve inside libs/svelte.
const projects = (config.test?.projects ?? []).map((project) => {
  if (typeof project !== 'object' || !('test' in project)) {
    throw new Error('vitest.mutation.config.ts: libs/svelte/vite.config.ts has a project that is not an inline configuration')
  }
  const inline = project as TestProjectInlineConfiguration
  return { ...inline, test: { ...inline.test, typecheck: { enabled: false } } }
})

const root = fileURLToPath(new URL('.', import.meta.url))

export default defineConfig({
  ...config,
  root,
  // Stryker's sandbox links node_modules to the repository's, outside the sandbox, so the setup file that
  // @testing-library/svelte's plugin adds comes from outside the server's root, and Vite's server refuses it by default
  // ("Cannot find module '/@fs/…/@testing-library/svelte/src/vitest.js'", and the dom project ran no test).
  server: { ...config.server, fs: { ...config.server?.fs, strict: false } },
  // A test component that imports the package by its name (the docs test's Greeting.svelte) gets this copy's source,
  // the one Stryker mutates, not the repository's through node_modules.
  resolve: { ...config.resolve, alias: [{ find: /^@context-action\/svelte(\/.*)?$/, replacement: `${root}src$1` }] },
  test: { ...config.test, projects },
})
