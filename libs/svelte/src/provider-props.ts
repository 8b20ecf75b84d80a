import type { ActionPayloadMap, ActionRegister, StoreManager, StoreState } from '@context-action/core'
import type { Snippet } from 'svelte'
import type { ActionContext } from './action-context.js'
import type { StoreContext } from './store-context.js'

/**
 * Props of `Provider`: a store context with an optional `state` (a snapshot to write into new stores) or `stores` (an
 * existing manager to share), or an action context with an optional `register`.
 */
export type ProviderProps<V extends object, A extends ActionPayloadMap> = { children?: Snippet } & (
  | { context: StoreContext<V>; state?: StoreState<V> | undefined; stores?: undefined; register?: never }
  | { context: StoreContext<V>; stores?: StoreManager<V> | undefined; state?: undefined; register?: never }
  | { context: ActionContext<A>; register?: ActionRegister<A> | undefined; state?: never; stores?: never }
)
