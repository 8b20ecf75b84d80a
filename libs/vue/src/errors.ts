export { assertFunction, assertRegister, assertStore } from '@context-action/core'

/** A composable of a context was called with no matching `Provider` above it. */
export function noProviderError(fn: string, context: string): Error {
  return new Error(`${fn}: no <${context}.Provider> above this component; wrap the tree in <${context}.Provider>`)
}

/** A composable that needs `inject` was called outside `setup()`. */
export function noSetupError(fn: string, context: string): Error {
  return new Error(`${fn}: call it inside setup() of a component rendered under <${context}.Provider>`)
}
