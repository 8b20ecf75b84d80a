// Mutation testing of libs/svelte (`npm run mutation:svelte`; not part of test:all: 5 to 12 minutes on two cores).
// Scope it with `npm run mutation:svelte -- --mutate libs/svelte/src/select.ts`. Same Stryker as the core's run (stryker.config.mjs);
// see CONTRIBUTING.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'libs/svelte/vitest.mutation.config.ts', dir: 'libs/svelte' },
  coverageAnalysis: 'perTest',
  // The components too: Stryker 9.6 instruments a .svelte file's scripts (Provider.svelte and TestHost.svelte get no
  // mutant today: their one expression with logic, `(state ?? register) as never`, is inside a TypeScript `as`, where
  // Stryker places none).
  mutate: [
    'libs/svelte/src/**/*.ts',
    'libs/svelte/src/**/*.svelte',
    '!libs/svelte/src/**/*.test.ts',
    '!libs/svelte/src/**/*.test-d.ts',
    '!libs/svelte/src/**/__tests__/**',
  ],
  // The sandbox holds the adapter, the core its tests resolve to by the `source` condition, the demo domain some of
  // its reliability tests import, the docs the docs tests read and the repository's tools (node_modules is linked).
  ignorePatterns: [
    '/*', '!/libs', '/libs/*', '!/libs/svelte', '!/libs/core', '!/libs/demo-domain',
    '/libs/*/dist', '/libs/*/test-output', '/libs/*/bench',
    '!/tools', '!/docs', '!/package.json', '!/tsconfig.base.json',
  ],
  // Stryker would otherwise put `// @ts-nocheck` atop every file of the sandbox, test fixtures included, which a docs
  // test compares with the guide; nothing type-checks in this run (Vitest strips the types).
  disableTypeChecks: false,
  tempDirName: 'test-output/stryker-tmp-svelte',
  cleanTempDir: true,
  concurrency: 1,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'test-output/mutation-svelte/index.html' },
  jsonReporter: { fileName: 'test-output/mutation-svelte/mutation.json' },
  thresholds: { high: 95, low: 90, break: null },
  timeoutMS: 10000,
}
