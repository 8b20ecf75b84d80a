import type { ActionPayloadMap, ActionRegister } from '@context-action/core'
import type { PropType, SlotsType, VNode } from 'vue'
import { assertFunction, defineComponent } from './deps'

/** A component that runs `setup` once per instance and renders its default slot. */
export function defineProvider(name: string, setup: () => void) {
  assertFunction('defineProvider', 'setup', setup)
  return defineComponent({
    name,
    slots: Object as SlotsType<{ default?: () => VNode[] }>,
    setup(_, { slots }) {
      setup()
      return () => slots.default?.()
    },
  })
}

/** The type of the `Provider` members of `createActionContext` and `createStoreContext`. */
export type ProviderComponent = ReturnType<typeof defineProvider>

/** Like `defineProvider`, with an optional `register` prop: an existing register to provide instead of a new one. */
export function defineRegisterProvider<T extends ActionPayloadMap>(name: string, setup: (register: ActionRegister<T> | undefined) => void) {
  return defineComponent({
    name,
    props: { register: { type: Object as PropType<ActionRegister<T>>, default: undefined } },
    slots: Object as SlotsType<{ default?: () => VNode[] }>,
    setup(props, { slots }) {
      setup(props.register)
      return () => slots.default?.()
    },
  })
}
