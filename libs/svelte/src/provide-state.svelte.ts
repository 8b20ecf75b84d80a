import type { StoreManager } from '@context-action/core'
import type { MaybeGetter } from './action-hooks.svelte.js'
import { inComponent } from './context.js'
import { untrack } from './deps.js'
import { badArgument, missingState } from './errors.js'
import { isStoreContext, type StoreContext } from './store-context.js'

const isState = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * In a SvelteKit layout or page, while it initialises: provide `context` with stores written from the server's
 * `loadState` snapshot before any child renders, so the server render and the client hydration start from the same
 * values and nothing is fetched again. With a getter (`() => data.state`), a later server load (a navigation that
 * re-runs it, `invalidate()`) writes its new snapshot into the same stores. Returns their manager.
 * @example const stores = provideState(Settings, () => props.data.state)
 */
export function provideState<V extends object>(context: StoreContext<V>, state: MaybeGetter<Partial<V> | undefined>): StoreManager<V> {
  if (!isStoreContext(context)) throw badArgument('provideState', 'a context from createStoreContext', context)
  inComponent('provideState')
  const read = typeof state === 'function' ? state : () => state
  let last = read()
  if (!isState(last)) throw missingState(context.name, last)
  const stores = context.provide(last)
  // Stryker disable next-line ConditionalExpression: with a plain state the effect would read the same object each time and return at once
  if (typeof state === 'function') {
    $effect.pre(() => {
      const next = read()
      untrack(() => {
        // A load that did not run again gives the same object: only a new snapshot is written.
        if (next === last || next === undefined) return
        last = next
        stores.hydrate(next)
      })
    })
  }
  return stores
}
