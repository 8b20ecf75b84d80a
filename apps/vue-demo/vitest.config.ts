import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'
import { workspaceSource } from '../../tools/workspace-source.ts'

export default defineConfig({
  ...workspaceSource,
  plugins: [vue()],
  test: { environment: 'happy-dom', include: ['src/**/*.test.ts'] },
})
