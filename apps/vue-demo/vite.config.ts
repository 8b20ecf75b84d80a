import { demoApiPlugin } from '@context-action/demo-api'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { workspaceSource } from '../../tools/workspace-source.ts'

export default defineConfig({
  ...workspaceSource,
  plugins: [vue(), demoApiPlugin()],
  server: { host: '127.0.0.1', port: 4200, strictPort: true },
  preview: { host: '127.0.0.1', port: 4300, strictPort: true },
})
