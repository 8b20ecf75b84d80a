import { demoApiPlugin } from '@context-action/demo-api'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import { defineConfig } from 'vite'
import { workspaceSource } from '../../tools/workspace-source.ts'

export default defineConfig({
  ...workspaceSource,
  plugins: [svelte(), demoApiPlugin()],
  server: { host: '127.0.0.1', port: 4201, strictPort: true },
  preview: { host: '127.0.0.1', port: 4301, strictPort: true },
})
