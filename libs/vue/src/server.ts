import { hasInjectionContext, inject, ssrContextKey } from './deps'

/**
 * True while a component is being rendered by `vue/server-renderer`, which provides the SSR context.
 * On the server no component unmounts, so composables read once and keep no subscription or handler.
 */
export function isServerRendering(): boolean {
  return hasInjectionContext() && inject(ssrContextKey, null) !== null
}
