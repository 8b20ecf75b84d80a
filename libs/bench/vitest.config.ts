import { defineConfig } from 'vitest/config'
import { workspaceSource } from '../../tools/workspace-source.ts'

export default defineConfig({
  ...workspaceSource,
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
})
