import type { DefineSetupFnComponent, SlotsType, VNode } from 'vue'
import { assertFunction, defineComponent } from './deps'

type DefaultSlot = SlotsType<{ default?: () => VNode[] }>

/** The type of a Provider component; `P` is its props. */
export type ProviderComponent<P extends Record<string, unknown> = {}> = DefineSetupFnComponent<P, {}, DefaultSlot>

/**
 * A component that runs `setup` once per instance and renders its default slot.
 * @example const Theme = defineProvider('Theme', () => provide(themeKey, 'dark'))
 */
export function defineProvider(name: string, setup: () => void): ProviderComponent {
  assertFunction('defineProvider', 'setup', setup)
  return defineProviderWith<never, never>(name, null, setup)
}

/** Like `defineProvider`, with one optional prop handed to `setup` (a register to provide, or initial state). */
export function defineProviderWith<K extends string, V>(name: string, prop: K | null, setup: (value: V | undefined) => void): ProviderComponent<{ [P in K]?: V }> {
  return defineComponent<{ [P in K]?: V }, {}, string, DefaultSlot>(
    (props, { slots }) => {
      setup(prop === null ? undefined : props[prop])
      return () => slots.default?.()
    },
    { name, props: prop === null ? [] : [prop] },
  )
}
