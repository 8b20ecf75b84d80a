import { createDemoApi } from '@context-action/demo-api'
import { defineEventHandler, toWebRequest } from 'h3'

// The demo API, one instance for the server's life (it is the demo's database), answering /api/* for the browser and
// for the server's own render (the plugin's in-process fetch). Anything else goes on to Nuxt.
const api = createDemoApi()

// The one /api path that is not the demo API's: the README's Nuxt example (layers/example) serves its todos from its
// own Nitro route (layers/example/server/api/todos.ts), which this middleware would otherwise hide.
const exampleRoute = '/api/todos'

export default defineEventHandler(async (event) => {
  if (event.path !== '/api' && !event.path.startsWith('/api/')) return undefined
  if (event.path.split('?')[0] === exampleRoute) return undefined
  return api.fetch(toWebRequest(event))
})
