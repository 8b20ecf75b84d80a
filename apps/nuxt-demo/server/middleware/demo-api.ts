import { createDemoApi } from '@context-action/demo-api'
import { defineEventHandler, toWebRequest } from 'h3'

// The demo API, one instance for the server's life (it is the demo's database), answering /api/* for the browser and
// for the server's own render (the plugin's in-process fetch). Anything else goes on to Nuxt.
const api = createDemoApi()

export default defineEventHandler(async (event) => {
  if (event.path !== '/api' && !event.path.startsWith('/api/')) return undefined
  return api.fetch(toWebRequest(event))
})
