// Mutation testing of libs/vue (`npm run mutation:vue`; not part of test:all: 12 to 21 minutes on two cores).
// Scope it with `npm run mutation:vue -- --mutate libs/vue/src/follow.ts`. Same Stryker as the core's run (stryker.config.mjs);
// see CONTRIBUTING.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'libs/vue/vitest.mutation.config.ts', dir: 'libs/vue' },
  coverageAnalysis: 'perTest',
  mutate: [
    'libs/vue/src/**/*.ts',
    '!libs/vue/src/**/*.test.ts',
    '!libs/vue/src/**/*.test-d.ts',
    '!libs/vue/src/**/__tests__/**',
  ],
  // The sandbox holds the adapter, the core its tests resolve to by the `source` condition, the demo domain some of
  // its reliability tests import, the docs the docs tests read and the repository's tools (node_modules is linked).
  ignorePatterns: [
    '/*', '!/libs', '/libs/*', '!/libs/vue', '!/libs/core', '!/libs/demo-domain',
    '/libs/*/dist', '/libs/*/test-output', '/libs/*/bench',
    '!/tools', '!/docs', '!/package.json', '!/tsconfig.base.json',
  ],
  // Stryker would otherwise put `// @ts-nocheck` atop every file of the sandbox, test fixtures included, which a docs
  // test compares with the guide; nothing type-checks in this run (Vitest strips the types).
  disableTypeChecks: false,
  tempDirName: 'test-output/stryker-tmp-vue',
  cleanTempDir: true,
  concurrency: 1,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'test-output/mutation-vue/index.html' },
  jsonReporter: { fileName: 'test-output/mutation-vue/mutation.json' },
  thresholds: { high: 95, low: 90, break: null },
  timeoutMS: 10000,
}
