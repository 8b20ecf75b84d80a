import { createDemoApi } from '@context-action/demo-api'
import type { Handle } from '@sveltejs/kit'

// The demo's HTTP API and its in-memory database: the one thing this server keeps between requests (the stores and
// domains of a request are created for it, see routes/+layout.server.ts and routes/+layout.svelte).
const api = createDemoApi()

/** `/api/*` is the demo API; everything else is the app. */
export const handle: Handle = async ({ event, resolve }) => (await api.fetch(event.request)) ?? resolve(event)
