import { createApiClient } from '@context-action/demo-api/client'
import { loadState } from '@context-action/svelte/kit'
import { createDomainOver, DemoStateContext } from '$lib/demo'
import type { LayoutServerLoad } from './$types'

// Every request: fresh stores and a fresh domain, loading through SvelteKit's `fetch` (which reaches the demo API in
// hooks.server.ts directly). The snapshot is the page data; the client starts from it and fetches nothing again.
export const load: LayoutServerLoad = async ({ fetch, url, untrack }) => ({
  state: await loadState(DemoStateContext, async (state) => {
    const domain = createDomainOver(state, createApiClient('', fetch))
    try {
      await Promise.all([domain.dispatch('loadUsers'), domain.dispatch('loadSettings')])
      // `/?user=u2` opens with that user selected; read untracked, so a navigation does not run this load again.
      const userId = untrack(() => url.searchParams.get('user'))
      if (userId !== null) await domain.dispatch('selectUser', { userId })
    } finally {
      domain.dispose()
    }
  }),
})
