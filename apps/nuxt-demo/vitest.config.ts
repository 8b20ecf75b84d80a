import { defineConfig } from 'vitest/config'

// Unit tests of the app's own files (the browser tests are in apps/demo-e2e); no Nuxt needed.
export default defineConfig({
  test: { include: ['tests/**/*.test.ts'], environment: 'node' },
})
