import adapter from '@sveltejs/adapter-node'
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte'

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  // The built server is `node dist/index.js` (PORT and HOST from the environment).
  kit: { adapter: adapter({ out: 'dist' }) },
}
