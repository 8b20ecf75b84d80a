// The Stryker configuration of an adapter's mutation run (stryker.vue.config.mjs, stryker.svelte.config.mjs): the same
// Stryker, runner and settings as the core's run (stryker.config.mjs), over `libs/<lib>/src`. See CONTRIBUTING.md.

/** @returns {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export function adapterMutationConfig(lib, { mutate = [] } = {}) {
  return {
    testRunner: 'vitest',
    vitest: { configFile: `libs/${lib}/vitest.mutation.config.ts`, dir: `libs/${lib}` },
    coverageAnalysis: 'perTest',
    mutate: [
      `libs/${lib}/src/**/*.ts`,
      ...mutate,
      `!libs/${lib}/src/**/*.test.ts`,
      `!libs/${lib}/src/**/*.test-d.ts`,
      `!libs/${lib}/src/**/__tests__/**`,
    ],
    // The sandbox holds the adapter, the core its tests resolve to by the `source` condition, the demo domain some of
    // its reliability tests import, the docs the docs tests read and the repository's tools (node_modules is linked).
    ignorePatterns: [
      '/*', '!/libs', '/libs/*', `!/libs/${lib}`, '!/libs/core', '!/libs/demo-domain',
      '/libs/*/dist', '/libs/*/test-output', '/libs/*/bench',
      '!/tools', '!/docs', '!/package.json', '!/tsconfig.base.json',
    ],
    // Stryker would otherwise put `// @ts-nocheck` atop every file of the sandbox, test fixtures included, which a
    // docs test compares with the guide; nothing type-checks in this run (Vitest strips the types).
    disableTypeChecks: false,
    tempDirName: `test-output/stryker-tmp-${lib}`,
    cleanTempDir: true,
    concurrency: 1,
    reporters: ['clear-text', 'progress', 'html', 'json'],
    htmlReporter: { fileName: `test-output/mutation-${lib}/index.html` },
    jsonReporter: { fileName: `test-output/mutation-${lib}/mutation.json` },
    thresholds: { high: 95, low: 90, break: null },
    timeoutMS: 10000,
  }
}
