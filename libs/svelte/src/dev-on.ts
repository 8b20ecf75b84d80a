// A development build (see dev.ts): the full error messages, and the checks production builds drop.
import { describeValue } from './deps.js'

export const isDev = true

/**
 * `Provider`'s props: a prop of the wrong kind is named (plain JS, or a default import of the component that declares
 * the context), which the types catch in TypeScript. Here, not in provider-props.ts, so that a production build,
 * whose `#dev` has an empty one, carries none of it.
 */
export function checkProviderProps(props: () => [context: unknown, state: unknown, register: unknown]): void {
  // `state`: the `state` or the `stores` prop.
  const [context, state, register] = props()
  const wrong = (expected: string, value: unknown) => new TypeError(`Provider: expected ${expected}, got ${describeValue(value)}`)
  const provider = context as { provide?: unknown; createStores?: unknown } | undefined
  if (typeof provider?.provide !== 'function') throw wrong('context={…} to be a context from createActionContext or createStoreContext', context)
  // A store context is the one that makes stores.
  const stores = typeof provider.createStores === 'function'
  if (stores ? register !== undefined : state !== undefined) {
    throw wrong(stores ? 'state or stores, not register, for a store context' : 'register, not state or stores, for an action context', stores ? register : state)
  }
}
