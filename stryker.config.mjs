// Mutation testing of libs/core (`npm run mutation`; not part of test:all: a run over the whole core takes about
// 43 minutes on two cores). Scope it to files with `npm run mutation -- --mutate libs/core/src/stores/equality.ts`.
// Stryker 9 (not 10): Stryker 10 needs Node 22 and the repository runs on Node 20. See CONTRIBUTING.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'libs/core/vitest.mutation.config.ts', dir: 'libs/core' },
  coverageAnalysis: 'perTest',
  mutate: [
    'libs/core/src/**/*.ts',
    '!libs/core/src/**/*.test.ts',
    '!libs/core/src/**/*.test-d.ts',
    '!libs/core/src/**/__tests__/**',
  ],
  // The sandbox holds only what the core's tests read: the core and the repository's tools (node_modules is linked).
  ignorePatterns: ['/*', '!/libs', '/libs/*', '!/libs/core', '/libs/core/dist', '/libs/core/test-output', '!/tools', '!/docs', '!/package.json', '!/tsconfig.base.json'],
  tempDirName: 'test-output/stryker-tmp',
  cleanTempDir: true,
  concurrency: 1,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'test-output/mutation/index.html' },
  jsonReporter: { fileName: 'test-output/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: null },
  timeoutMS: 10000,
}
