import { describeValue, errorsUrl } from './deps.js'
import { isDev } from '#dev'

// Development builds throw the full messages below. Production builds (`#dev` is dev-off.ts, whose constant lets a
// minifier drop the development branch; see dev.ts) throw the function that refused the call and a code of
// docs/errors.md, which documents the development message, with the page's address (the core's `errorsUrl`).
const production = (fn: string, code: number): string => `${fn}: error svelte-${code} (${errorsUrl}svelte-${code})`

/** The error thrown by `createActionContext` and `createStoreContext` (`fn`) for a name that is not a non-empty string. */
export function badContextName(fn: string, name: unknown): TypeError {
  return new TypeError(isDev ? `${fn}: the name must be a non-empty string, got ${describeValue(name)}` : production(fn, 1))
}

/** The error thrown by a context's helpers when no provider is above the calling component. */
export function missingProvider(fn: string, name: string): Error {
  return new Error(
    isDev ? `${name}.${fn}: no ${name} provider above this component; render <Provider context={${name}}> or call ${name}.provide() in a parent (a root made with mount() takes context: getAllContexts() from a component under one)` : production(`${name}.${fn}`, 2),
  )
}

/** The error thrown by a context's helpers called outside a component's initialisation; `cause` is Svelte's error. */
export function outsideComponent(fn: string, cause: unknown): Error {
  return new Error(isDev ? `${fn}: call it while a component initialises (at the top of its <script>, not in an event handler, a timer or after an await); use what it returns later` : production(fn, 3), { cause })
}

/** Assigning `current` of a `useStoreValue` over a slice or a store without `set`. */
export function readOnly(): TypeError {
  return new TypeError(isDev ? 'useStoreValue: current is read-only (a slice, a computed store, or a store without set)' : production('useStoreValue', 4))
}

/** The error thrown by a helper given something that is not a store. */
export function notAStore(fn: string, value: unknown): TypeError {
  return new TypeError(isDev ? `${fn}: expected a store (with a subscribe method), got ${describeValue(value)}` : production(fn, 5))
}

/** The error thrown by a SvelteKit helper given an argument of the wrong kind. */
export function badArgument(fn: string, expected: string, value: unknown): TypeError {
  return new TypeError(isDev ? `${fn}: expected ${expected}, got ${describeValue(value)}` : production(fn, 6))
}

/** The error thrown by `provideState` when the page data holds no state (the server load did not return it). */
export function missingState(name: string, value: unknown): TypeError {
  return new TypeError(
    isDev
      ? `provideState: no ${name} state in the page data (got ${describeValue(value)}); return { state: await loadState(${name}, ...) } from a server load and pass () => data.state`
      : production('provideState', 7),
  )
}
