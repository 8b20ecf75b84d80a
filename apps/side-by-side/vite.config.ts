import { demoApiPlugin } from '@context-action/demo-api'
import { svelte } from '@sveltejs/vite-plugin-svelte'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { workspaceSource } from '../../tools/workspace-source.ts'

// One page, both frameworks: .vue files go through plugin-vue, .svelte files through vite-plugin-svelte.
export default defineConfig({
  ...workspaceSource,
  plugins: [vue(), svelte(), demoApiPlugin()],
  server: { host: '127.0.0.1', port: 4202, strictPort: true },
  preview: { host: '127.0.0.1', port: 4302, strictPort: true },
})
