import type { ActionPayloadMap, ActionRegister } from '@context-action/core'
import type { Snippet } from 'svelte'
import type { ActionContext } from './action-context.js'
import { badArgument } from './errors.js'
import { isStoreContext, type StoreContext } from './store-context.js'

/** Props of `Provider`: a store context with an optional `state`, or an action context with an optional `register`. */
export type ProviderProps<V extends Record<string, unknown>, A extends ActionPayloadMap> = { children?: Snippet } & (
  | { context: StoreContext<V>; state?: Partial<V> | undefined; register?: never }
  | { context: ActionContext<A>; register?: ActionRegister<A> | undefined; state?: never }
)

/**
 * `Provider`'s props checked in development (production builds skip the call): a prop of the wrong kind is named
 * (plain JS, or a default import of the component that declares the context), which the types catch in TypeScript.
 */
export function checkProviderProps<V extends Record<string, unknown>, A extends ActionPayloadMap>(
  context: ProviderProps<V, A>['context'],
  state: Partial<V> | undefined,
  register: ActionRegister<A> | undefined,
): void {
  if (typeof (context as { provide?: unknown } | undefined)?.provide !== 'function') {
    throw badArgument('Provider', 'context={…} to be a context from createActionContext or createStoreContext', context)
  }
  const stores = isStoreContext(context)
  if (stores ? register !== undefined : state !== undefined) {
    throw badArgument('Provider', stores ? 'state, not register, for a store context' : 'register, not state, for an action context', stores ? register : state)
  }
}
