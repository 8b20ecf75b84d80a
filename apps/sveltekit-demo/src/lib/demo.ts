import type { StoreManager } from '@context-action/core'
import { createDemoDomain, demoStateDefinitions, type DemoApi, type DemoDomain, type DemoState } from '@context-action/demo-domain'
import { createStoreContext } from '@context-action/svelte'

/** The demo's state that a server load fills and the page hands to the client: users, the selected user, settings. */
export const DemoStateContext = createStoreContext('DemoState', demoStateDefinitions)

/** A domain over `state`'s stores: it starts from what they hold, and what it loads lands in them. */
export function createDomainOver(state: StoreManager<DemoState>, api: DemoApi): DemoDomain {
  return createDemoDomain({
    api,
    stores: { users: state.getStore('users'), selectedUser: state.getStore('selectedUser'), settings: state.getStore('settings') },
  })
}
