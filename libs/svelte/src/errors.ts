/** The error thrown by a context's composables when no provider is above the calling component. */
export function missingProvider(fn: string, name: string): Error {
  return new Error(`${fn}: no ${name} provider above this component; render <${name}.Provider> or call ${name}.provide() in a parent component`)
}
