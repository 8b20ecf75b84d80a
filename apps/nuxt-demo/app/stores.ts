import { demoStateDefinitions } from '@context-action/demo-domain'
import { createStoreContext } from '@context-action/vue'

/**
 * The domain's state that the server loads and hands to the browser (users, the selected user, the API switches).
 * A definition only: each Nuxt app (one per request on the server) gets its own stores from installStoreContext.
 */
export const DemoState = createStoreContext('DemoState', demoStateDefinitions)
