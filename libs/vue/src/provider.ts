import type { DefineSetupFnComponent, SlotsType, VNode } from 'vue'
import { defineComponent } from './deps'

type DefaultSlot = SlotsType<{ default?: () => VNode[] }>

/** The type of a context's `Provider` component; `P` is its props. */
export type ProviderComponent<P extends Record<string, unknown> = {}> = DefineSetupFnComponent<P, {}, DefaultSlot>

/** A component that hands its one optional prop (a register, or initial state) to `setup`, then renders its default slot. */
export function defineProvider<K extends string, V>(name: string, prop: K, setup: (value: V | undefined) => void): ProviderComponent<{ [P in K]?: V | undefined }> {
  return defineComponent<{ [P in K]?: V | undefined }, {}, string, DefaultSlot>(
    (props, { slots }) => {
      setup(props[prop])
      return () => slots.default?.()
    },
    { name, props: [prop] },
  )
}
