import { describeValue, isStore } from '@context-action/core'

/** A composable of a context was called with no matching `Provider` above it. */
export function noProviderError(fn: string, context: string): Error {
  return new Error(`${fn}: no <${context}.Provider> above this component; wrap the tree in <${context}.Provider>`)
}

/** A composable that needs `inject` was called outside `setup()`. */
export function noSetupError(fn: string, context: string): Error {
  return new Error(`${fn}: call it inside setup() of a component rendered under <${context}.Provider>`)
}

/** Throws unless `value` is a store of ours; `fn` is the public composable the user called. */
export function assertStore(fn: string, value: unknown): void {
  if (!isStore(value)) throw new TypeError(`${fn}: expected a store (from createStore or createComputedStore), got ${describeValue(value)}`)
}

export function assertFunction(fn: string, what: string, value: unknown): void {
  if (typeof value !== 'function') throw new TypeError(`${fn}: ${what} must be a function, got ${describeValue(value)}`)
}

/** Throws unless `value` looks like an `ActionRegister`. */
export function assertRegister(fn: string, value: unknown): void {
  const register = value as { register?: unknown; dispatch?: unknown } | null | undefined
  if (typeof register?.register !== 'function' || typeof register.dispatch !== 'function') {
    throw new TypeError(`${fn}: expected an ActionRegister as the first argument, got ${describeValue(value)}`)
  }
}
