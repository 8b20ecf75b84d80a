import type { App, InjectionKey } from 'vue'
import { getCurrentInstance, hasInjectionContext, inject, onUnmounted, provide } from './deps'
import { isDev } from './dev'
import { productionMessage } from './errors'
import { defineProvider } from './provider'

/** What a context provides, as `@context-action/vue/devtools` keeps it. */
export interface ProvidedEntry {
  /** The context's name. */
  name: string
  kind: 'actions' | 'stores'
  /** The `ActionRegister` or the `StoreManager`. */
  value: object
}

/**
 * Set by `@context-action/vue/devtools`: told of every register and store manager a context provides, synchronously
 * (in the providing component's setup, or in `app.use`, which passes its app), so it can tie its own cleanup to the
 * current scope. Positional arguments, not a `ProvidedEntry`: fewer bytes in the main entry.
 */
export const contextHooks: { provided?: ((name: string, kind: ProvidedEntry['kind'], value: object, app?: App) => void) | undefined } = {}

/**
 * The shared half of both contexts: `Provider` (optional props `P`), `provide(option)` in `setup()`, `install(app,
 * options)` for `app.use`, and `use(fn)`, the lookup their composables make. `create(option)` makes the value to
 * provide from `option`, the first of the props or options named in `keys` that is set (the action context's
 * `register`; the store context's `state` or `stores`), and `dispose` runs when its component or app unmounts.
 */
export function defineContext<V extends object, P extends object, O>(
  name: string,
  kind: ProvidedEntry['kind'],
  keys: readonly (keyof P & string)[],
  create: (option: O | undefined) => V,
  dispose?: (value: V, option: O | undefined) => void,
) {
  const option = (from: P | undefined) => (from?.[keys[0]] ?? from?.[keys[1]!]) as O | undefined
  // Stryker disable next-line StringLiteral: a symbol's description is seen only when debugging; the symbol itself is the key
  // devtools.ts finds contexts installed app-wide before its plugin by this description (`<name>.<kind>`).
  const key: InjectionKey<V> = Symbol(`${name}.${kind}`)
  const announce = (value: V, app?: App) => contextHooks.provided?.(name, kind, value, app)
  /** In setup(): provide a new value to the calling component's subtree; returns it. */
  const provideHere = (option?: O): V => {
    if (!getCurrentInstance()) throw new Error(isDev ? `${name}.provide: call it inside setup()` : productionMessage(`${name}.provide`, 1))
    const value = create(option)
    provide(key, value)
    announce(value)
    if (dispose) onUnmounted(() => dispose(value, option))
    return value
  }
  return {
    Provider: defineProvider<P>(`${name}Provider`, keys, (props) => provideHere(option(props))),
    provide: provideHere,
    /** `app.use(Ctx, options)`: provide to the whole app; a second install on one app is an error. */
    install(app: App, options?: P): void {
      if (app.runWithContext(() => inject(key, null)) !== null) {
        throw new Error(isDev ? `${name}.install: already installed on this app` : productionMessage(`${name}.install`, 2))
      }
      const given = option(options)
      const value = create(given)
      app.provide(key, value)
      announce(value, app)
      if (dispose) app.onUnmount(() => dispose(value, given))
    },
    /** The nearest provided value, or an error naming `<name>.<fn>`. */
    use(fn: string): V {
      const caller = `${name}.${fn}`
      if (!hasInjectionContext()) {
        throw new Error(
          isDev
            ? `${caller}: call it inside setup() of a component rendered under <${name}.Provider> (not in an event handler or a timer, nor after an await in a setup() function other than <script setup>), or inside app.runWithContext() of an app that ran app.use(${name})`
            : productionMessage(caller, 3),
        )
      }
      const value = inject(key, null)
      if (value === null) {
        throw new Error(
          isDev
            ? `${caller}: no <${name}.Provider> above this component (or ${name}.provide() in a parent, app.use(${name})); the component that calls ${name}.provide() uses what it returns, and code run through app.runWithContext() (Pinia stores, router guards) sees only app.use(${name})`
            : productionMessage(caller, 4),
        )
      }
      return value
    },
  }
}
