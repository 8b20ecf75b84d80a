import type { App, InjectionKey } from 'vue'
import { getCurrentInstance, hasInjectionContext, inject, provide } from './deps'

/** What a context provides, told to `@context-action/vue/devtools` while it is installed. */
export interface ProvidedEntry {
  /** The context's name. */
  name: string
  kind: 'actions' | 'stores'
  /** The `ActionRegister` or the `StoreManager`. */
  value: object
}

/**
 * Set by `@context-action/vue/devtools`: told of every register and store manager a context provides, synchronously
 * (in the providing component's setup, or in `app.use`), so it can tie its own cleanup to the current scope.
 */
export const contextHooks: { provided?: (entry: ProvidedEntry) => void } = {}

/** The three ways to provide one context's value (a component's setup, an app) and the lookup its composables use. */
export function defineContext<V extends object>(name: string, kind: ProvidedEntry['kind']) {
  const key: InjectionKey<V> = Symbol(`${name}.${kind}`)
  const provider = `<${name}.Provider>`
  const announce = (value: V) => contextHooks.provided?.({ name, kind, value })
  return {
    /** In setup(): provide `value` to the calling component's subtree; returns it. */
    provideHere(value: V): V {
      if (!getCurrentInstance()) throw new Error(`${name}.provide: call it inside setup()`)
      provide(key, value)
      announce(value)
      return value
    },
    /** `app.use(Ctx)`: provide `value` to the whole app; a second install on one app is an error. */
    installOn(app: App, value: V): V {
      if (app.runWithContext(() => inject(key, null)) !== null) {
        throw new Error(`${name}.install: already installed on this app`)
      }
      app.provide(key, value)
      announce(value)
      return value
    },
    /** The nearest provided value, or an error naming `<name>.<fn>`. */
    use(fn: string): V {
      const prefix = `${name}.${fn}: `
      if (!hasInjectionContext()) throw new Error(`${prefix}call it inside setup() of a component rendered under ${provider}`)
      const value = inject(key, null)
      if (value === null) throw new Error(`${prefix}no ${provider} above this component (or ${name}.provide(), app.use(${name}))`)
      return value
    },
  }
}
