import '@context-action/demo-theme/demo.css'
import './side-by-side.css'
import { createApiClient } from '@context-action/demo-api/client'
import { createDemoDomain } from '@context-action/demo-domain'
import { mount } from 'svelte'
import { createApp } from 'vue'
import SharedSwitches from './SharedSwitches.vue'
import SvelteTree from './SvelteTree.svelte'
import VueTree from './VueTree.vue'

function element(id: string): HTMLElement {
  const found = document.getElementById(id)
  if (found === null) throw new Error(`side-by-side: #${id} is missing from index.html`)
  return found
}

// ONE domain: stores, ActionRegister (with every handler) and the user cache, shared by both trees below.
const domain = createDemoDomain({ api: createApiClient() })

createApp(VueTree, { domain }).mount(element('vue-root'))
mount(SvelteTree, { target: element('svelte-root'), props: { domain } })
// The API switches once for the page: latency and failures apply to both trees' requests (they share one API).
createApp(SharedSwitches, { domain }).mount(element('switches-root'))

void Promise.all([domain.dispatch('loadUsers'), domain.dispatch('loadProducts'), domain.dispatch('loadSettings')])
