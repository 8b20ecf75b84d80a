import { hasInjectionContext, inject, ssrContextKey } from 'vue'

/**
 * True while a component is being rendered by `vue/server-renderer`, which provides the SSR context.
 * On the server no component unmounts, so composables read once instead of subscribing.
 */
export function isServerRendering(): boolean {
  return hasInjectionContext() && inject(ssrContextKey, null) !== null
}
