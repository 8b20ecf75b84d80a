import './delivery.js'
import type { StoreManager } from '@context-action/core'
import { badArgument } from './errors.js'
import { isStoreContext, type StoreContext } from './store-context.js'

export { provideState } from './provide-state.svelte.js'

/**
 * For a SvelteKit server `load` (`+layout.server.ts`, `+page.server.ts`): fresh stores of `context` for this request
 * only, filled by `loader`, returned as their `snapshot()` (plain data that SvelteKit serialises into the page). Nothing
 * is kept between calls, so two requests never see each other's values.
 * @example export const load = async ({ fetch }) => ({ state: await loadState(Settings, async (stores) => stores.getStore('user').setValue(await (await fetch('/api/me')).json())) })
 */
export async function loadState<V extends object>(context: StoreContext<V>, loader: (stores: StoreManager<V>) => unknown): Promise<V> {
  if (!isStoreContext(context)) throw badArgument('loadState', 'a context from createStoreContext', context)
  if (typeof loader !== 'function') throw badArgument('loadState', 'a loader function (stores) => …', loader)
  const stores = context.createStores()
  await loader(stores)
  return stores.snapshot()
}
