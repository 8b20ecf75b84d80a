import { fileURLToPath } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'
import { workspaceSource } from '../../tools/workspace-source.ts'

// Vitest loads Vue's esm-bundler build, whose development checks read `process.env.NODE_ENV` at run time (in Node, a
// slow property of the real environment) on every effect run; a user's bundler replaces that with a constant. The
// production browser build has the checks compiled out, so every library here runs the Vue that users ship.
const vueProduction = fileURLToPath(new URL('../../node_modules/vue/dist/vue.runtime.esm-browser.prod.js', import.meta.url))

export default defineConfig({
  ...workspaceSource,
  resolve: { ...workspaceSource.resolve, alias: [{ find: /^vue$/, replacement: vueProduction }] },
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
