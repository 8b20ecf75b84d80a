/** The error thrown by a context's helpers when no provider is above the calling component. */
export function missingProvider(fn: string, name: string): Error {
  return new Error(`${fn}: no ${name} provider above this component; render <Provider context={${name}}> or call ${name}.provide() in a parent component`)
}

/** The error thrown by a context's helpers called outside a component's initialisation; `cause` is Svelte's error. */
export function outsideComponent(fn: string, cause: unknown): Error {
  return new Error(`${fn}: call it while a component initialises (in its <script>), not later or outside a component`, { cause })
}

/** Assigning `current` of a `useStoreValue` over a read-only store or a slice. */
export function readOnly(fn: string, store: string, slice: boolean): TypeError {
  const why = slice ? 'a selected slice is read-only; write to the store itself' : `store "${store}" is read-only (it has no set method)`
  return new TypeError(`${fn}: cannot assign current: ${why}`)
}
