import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'
import { benchBundle } from '../../tools/bench-bundle.ts'
import { workspaceSource } from '../../tools/workspace-source.ts'

// Vitest loads Vue's esm-bundler build, whose development checks read `process.env.NODE_ENV` at run time (in Node, a
// slow property of the real environment) on every effect run; a user's bundler replaces that with a constant. The
// production browser build has the checks compiled out, so every library here runs the Vue that users ship.
const vueProduction = fileURLToPath(new URL('../../node_modules/vue/dist/vue.runtime.esm-browser.prod.js', import.meta.url))

// Ours as a bundler ships it (see tools/bench-bundle.ts): the core and this adapter each one production module.
const core = benchBundle('core', 'libs/core/src/index.ts')
const adapter = benchBundle('vue', 'libs/vue/src/index.ts', ['vue', '@context-action/core'])

export default defineConfig({
  ...workspaceSource,
  resolve: {
    ...workspaceSource.resolve,
    alias: [
      { find: /^vue$/, replacement: vueProduction },
      { find: /^@context-action\/core$/, replacement: core },
      { find: /^@context-action\/vue$/, replacement: adapter },
    ],
  },
  plugins: [vue()],
  test: {
    environment: 'happy-dom',
    // Production builds of Vue, Pinia and nanostores: what users ship.
    env: { NODE_ENV: 'production' },
    include: [],
    benchmark: { include: ['bench/**/*.bench.ts'] },
    // Pinia and @nanostores/vue are transformed too, so their `vue` import takes the same alias.
    server: { deps: { inline: ['pinia', '@nanostores/vue'] } },
  },
})
