import { createApiClient } from '@context-action/demo-api/client'
import { createDemoDomain } from '@context-action/demo-domain'
import { demoPlugin } from '@context-action/vue-demo/context'
import { installStoreContext } from '@context-action/vue/nuxt'
import { DemoState } from '../stores'

// One domain per Nuxt app: per request on the server, once per page load in the browser. Nothing lives at module
// level, so no request sees another's data.
export default defineNuxtPlugin(async (nuxtApp) => {
  // Fresh stores; on the server their snapshot goes into the payload after the render, in the browser they are
  // hydrated from it before anything renders.
  const state = installStoreContext(nuxtApp, DemoState)

  // On the server the API is called in-process through Nitro (the request event's fetch), in the browser over HTTP.
  const event = useRequestEvent()
  const serverFetch = event && ((input: RequestInfo | URL, init?: RequestInit) => event.fetch(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, init))
  const api = createApiClient('', serverFetch)
  const domain = createDemoDomain({
    api,
    stores: { users: state.getStore('users'), selectedUser: state.getStore('selectedUser'), settings: state.getStore('settings') },
  })
  nuxtApp.vueApp.use(demoPlugin(domain))

  if (import.meta.server) {
    await Promise.all([domain.dispatch('loadUsers'), domain.dispatch('loadSettings')])
    // `/?user=u3` opens that user in the detail form, rendered on the server like the list.
    const userId = useRequestURL().searchParams.get('user')
    if (userId !== null) await domain.dispatch('selectUser', { userId })
    // The request is over once the page is rendered: stop the domain's handlers (its stores keep their values).
    nuxtApp.hook('app:rendered', () => domain.dispose())
  } else if (state.getStore('users').getValue().length === 0) {
    // Nothing came with the page (the server's load failed, or the page was not server-rendered): load here.
    void domain.dispatch('loadUsers')
    void domain.dispatch('loadSettings')
  }
})
