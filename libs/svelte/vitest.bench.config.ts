import { svelte } from '@sveltejs/vite-plugin-svelte'
import { svelteTesting } from '@testing-library/svelte/vite'
import { defineConfig } from 'vitest/config'
import { workspaceSource } from '../../tools/workspace-source.ts'

export default defineConfig({
  ...workspaceSource,
  plugins: [svelte({ compilerOptions: { dev: false } }), svelteTesting({ autoCleanup: false })],
  test: { environment: 'happy-dom', include: ['bench/**/*.bench.ts'], benchmark: { include: ['bench/**/*.bench.ts'] } },
})
