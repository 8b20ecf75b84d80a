import { createDemoApi } from '@context-action/demo-api'
import { defineEventHandler, toWebRequest } from 'h3'

// The demo API, one instance for the server's life (it is the demo's database), answering /api/* for the browser and
// for the server's own render (the plugin's in-process fetch). A catch-all route: Nitro matches a more specific route
// first, so the README's Nuxt example keeps its own /api/todos (layers/example/server/api/todos.ts).
const api = createDemoApi()

export default defineEventHandler((event) => api.fetch(toWebRequest(event)))
