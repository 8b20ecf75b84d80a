import { getContext, setContext } from 'svelte'
import { missingProvider, outsideComponent } from './errors.js'

/**
 * Under this key, every context of this package holds `(value?) => [svelteKey, contextValue]`: what its `provide`
 * would put in Svelte's context. The testing entry uses it to build the `context` map of `mount`/`render`.
 */
export const ENTRY: unique symbol = Symbol('context-action.entry')

export type ContextEntry<P, V> = (value?: P) => [symbol, V]

/**
 * Svelte's `getContext` and `setContext` throw only when called outside a component's initialisation, so any error
 * from them means exactly that; it is re-thrown as one naming `fn`, with Svelte's error as its `cause`.
 */
function inComponent<R>(fn: string, call: () => R): R {
  try {
    return call()
  } catch (error) {
    throw outsideComponent(fn, error)
  }
}

/** The value the nearest provider put under `key`, or a clear error naming `fn` and the context. */
export function readContext<V>(fn: string, name: string, key: symbol): V {
  const found = inComponent(`${name}.${fn}`, () => getContext<V | undefined>(key))
  if (found === undefined) throw missingProvider(fn, name)
  return found
}

/** Put `make()` under `key` for the calling component's children; checks the component first, so nothing is made in vain. */
export function writeContext<V>(fn: string, key: symbol, make: () => V): V {
  inComponent(fn, () => getContext(key))
  return setContext(key, make())
}
