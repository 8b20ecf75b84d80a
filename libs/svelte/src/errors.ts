/** The error thrown by a context's helpers when no provider is above the calling component. */
export function missingProvider(fn: string, name: string): Error {
  return new Error(`${fn}: no ${name} provider above this component; render <Provider context={${name}}> or call ${name}.provide() in a parent`)
}

/** The error thrown by a context's helpers called outside a component's initialisation; `cause` is Svelte's error. */
export function outsideComponent(fn: string, cause: unknown): Error {
  return new Error(`${fn}: call it while a component initialises`, { cause })
}

/** Assigning `current` of a `useStoreValue` over a slice or a store without `set`. */
export const readOnly = (): TypeError => new TypeError('useStoreValue: current is read-only (a slice, or a store without set)')
