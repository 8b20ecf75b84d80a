import type { Plugin } from 'vite'
import { createDemoApi, type DemoApi, type DemoApiOptions } from './demo-api'

/**
 * A Vite plugin that serves the demo API under `/api` from both `vite dev` and `vite preview`.
 * @example export default defineConfig({ plugins: [vue(), demoApiPlugin({ settings: { latencyMs: 400 } })] })
 */
export function demoApiPlugin(options: DemoApiOptions = {}): Plugin & { api: DemoApi } {
  const api = createDemoApi(options)
  return {
    name: 'context-action-demo-api',
    api,
    configureServer(server) {
      server.middlewares.use((req, res, next) => void api.handle(req, res, next))
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => void api.handle(req, res, next))
    },
  }
}
