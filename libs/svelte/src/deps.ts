// Every runtime import this package makes from svelte and @context-action/core, in one module: bundlers that keep one
// import statement per importing module (esbuild, which tools/size.mjs measures) then import each package once.
export {
  ActionRegister,
  assertFunction,
  assertRegister,
  createComputedStore,
  createStoreManager,
  describeValue,
  errorsUrl,
  fromReadable,
  isReadable,
  isWritableStore,
  setDeliveryScheduler,
  shallowEqual,
  validateStoreDefinitions,
} from '@context-action/core'
export { createContext, hasContext, onDestroy, untrack } from 'svelte'
export { toStore, writable } from 'svelte/store'
export { BROWSER } from 'esm-env'
