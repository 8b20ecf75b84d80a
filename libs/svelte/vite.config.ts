import { svelte } from '@sveltejs/vite-plugin-svelte'
import { svelteTesting } from '@testing-library/svelte/vite'
import { defineConfig } from 'vitest/config'
import { workspaceSource } from '../../tools/workspace-source.ts'

export default defineConfig({
  ...workspaceSource,
  plugins: [svelte()],
  test: {
    projects: [
      {
        extends: true,
        plugins: [svelteTesting()],
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['src/**/*.test.ts'],
          exclude: ['src/**/*.ssr.test.ts'],
          typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        // Without svelteTesting: it adds the `browser` condition, which would load Svelte's client runtime into `render` from `svelte/server`.
        extends: true,
        test: { name: 'ssr', environment: 'node', include: ['src/**/*.ssr.test.ts'] },
      },
    ],
  },
})
