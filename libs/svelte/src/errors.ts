export { assertFunction, assertStore } from '@context-action/core'

/** The error thrown by a context's composables when no provider is above the calling component. */
export function missingProvider(fn: string, name: string): Error {
  return new Error(`${fn}: no ${name} provider above this component; render <${name}.Provider> or call ${name}.provide() in a parent component`)
}

/** Runs `fn`, a Svelte context or lifecycle call, turning Svelte's "outside a component" error into one naming `where`. */
export function inComponent<R>(where: string, fn: () => R): R {
  try {
    return fn()
  } catch (error) {
    if ((error as { message?: unknown })?.message?.toString().includes('lifecycle_outside_component')) {
      throw new Error(`${where}: call it while a component initialises (in its <script>), not later or outside a component`, { cause: error })
    }
    throw error
  }
}
