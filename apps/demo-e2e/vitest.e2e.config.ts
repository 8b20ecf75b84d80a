import { defineConfig } from 'vitest/config'

// Browser tests: each spec starts the built apps' preview servers in-process and drives Debian's chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    expect: { poll: { timeout: 10_000, interval: 50 } },
  },
})
