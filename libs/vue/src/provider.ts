import type { DefineSetupFnComponent, SlotsType, VNode } from 'vue'
import { defineComponent } from './deps'

type DefaultSlot = SlotsType<{ default?: () => VNode[] }>

/** The type of a context's `Provider` component; `P` is its props. */
export type ProviderComponent<P extends object = {}> = DefineSetupFnComponent<P, {}, DefaultSlot>

/** A component that hands its optional props (a register; initial state or existing stores) to `setup`, then renders its default slot. */
export function defineProvider<P extends object>(name: string, props: readonly (keyof P & string)[], setup: (props: P) => void): ProviderComponent<P> {
  return defineComponent<P, {}, string, DefaultSlot>(
    (values, { slots }) => {
      setup(values)
      return () => slots.default?.()
    },
    { name, props: props as (keyof P & string)[] },
  )
}
