import { sveltekit } from '@sveltejs/kit/vite'
import { defineConfig } from 'vite'
import { workspaceSource } from '../../tools/workspace-source.ts'

// The demo API is served by src/hooks.server.ts, in `vite dev` and in the built server alike: the server's own loads
// reach it through SvelteKit's `fetch` without a network hop.
export default defineConfig({
  ...workspaceSource,
  plugins: [sveltekit()],
  server: { host: '127.0.0.1', port: 4204, strictPort: true },
  // SvelteKit's own plugin does most of a build's work after the bundle is written; rolldown's timing report about it is noise.
  build: { rolldownOptions: { checks: { bundlerTimings: false } } },
})
