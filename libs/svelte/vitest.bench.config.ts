import { svelte } from '@sveltejs/vite-plugin-svelte'
import { svelteTesting } from '@testing-library/svelte/vite'
import { defineConfig } from 'vitest/config'
import { benchBundle } from '../../tools/bench-bundle.ts'
import { workspaceSource } from '../../tools/workspace-source.ts'

// The core as a bundler ships it (see tools/bench-bundle.ts): one production module. `select` itself runs only when a
// row mounts, so it stays source.
const core = benchBundle('core', 'libs/core/src/index.ts')

export default defineConfig({
  ...workspaceSource,
  resolve: { ...workspaceSource.resolve, alias: [{ find: /^@context-action\/core$/, replacement: core }] },
  plugins: [svelte({ compilerOptions: { dev: false } }), svelteTesting({ autoCleanup: false })],
  test: { environment: 'happy-dom', include: ['bench/**/*.bench.ts'], benchmark: { include: ['bench/**/*.bench.ts'] } },
})
