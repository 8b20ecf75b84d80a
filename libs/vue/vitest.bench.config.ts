import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'
import { workspaceSource } from '../../tools/workspace-source.ts'

export default defineConfig({
  ...workspaceSource,
  plugins: [vue()],
  test: {
    environment: 'happy-dom',
    // Production builds of Vue, Pinia and nanostores: what users ship.
    env: { NODE_ENV: 'production' },
    include: [],
    benchmark: { include: ['bench/**/*.bench.ts'] },
  },
})
