import { defineComponent, type SlotsType, type VNode } from 'vue'

/** A component that runs `setup` once per instance and renders its default slot. */
export function defineProvider(name: string, setup: () => void) {
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
