import type { InjectionKey } from 'vue'
import { hasInjectionContext, inject, provide } from './deps'

/**
 * The two halves of a context: `provide(value)` for its Provider's setup (returns `value`), and `use(fn)` for its
 * composables, which returns the nearest Provider's value and otherwise throws an error naming `<name>.<fn>`.
 */
export function defineContext<V>(name: string, kind: string): [provide: (value: V) => V, use: (fn: string) => V] {
  const key: InjectionKey<V> = Symbol(`${name}.${kind}`)
  const provider = `<${name}.Provider>`
  return [
    (value) => (provide(key, value), value),
    (fn) => {
      fn = `${name}.${fn}: `
      if (!hasInjectionContext()) throw new Error(`${fn}call it inside setup() of a component rendered under ${provider}`)
      const value = inject(key, null)
      if (value === null) throw new Error(`${fn}no ${provider} above this component; wrap the tree in ${provider}`)
      return value
    },
  ]
}
