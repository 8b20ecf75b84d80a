// Every runtime import this package makes from vue and @context-action/core, in one module. Bundlers that keep one
// import statement per importing module (esbuild, which tools/size.mjs measures) then import each package once;
// types are imported from the packages directly.
export {
  callWithErrorHandling,
  computed,
  customRef,
  defineComponent,
  getCurrentInstance,
  getCurrentScope,
  hasInjectionContext,
  inject,
  onScopeDispose,
  onUnmounted,
  provide,
  queuePostFlushCb,
  ReactiveEffect,
  readonly,
  ssrContextKey,
  toRaw,
  toValue,
  unref,
  watch,
} from 'vue'
export {
  ActionRegister,
  assertFunction,
  assertRegister,
  assertStore,
  createComputedStore,
  createStoreManager,
  describeValue,
  errorsUrl,
  shallowEqual,
  validateStoreDefinitions,
} from '@context-action/core'
