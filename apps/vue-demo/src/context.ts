import type { ActionHandler, HandlerConfig } from '@context-action/core'
import type { DemoActions, DemoDomain } from '@context-action/demo-domain'
import { useActionHandler as useRegisterHandler, useActionStatus as useRegisterStatus } from '@context-action/vue'
import { defineComponent, hasInjectionContext, inject, provide, type InjectionKey, type MaybeRef, type MaybeRefOrGetter, type PropType, type SlotsType, type VNode } from 'vue'

const key: InjectionKey<DemoDomain> = Symbol('ContextActionDemo')

/**
 * Make `domain` (its stores and its register) available to every screen below the calling component.
 * @example setup() { provideDemo(createDemoDomain({ api: createApiClient() })) }
 */
export function provideDemo(domain: DemoDomain): DemoDomain {
  provide(key, domain)
  return domain
}

/**
 * The domain provided above this component.
 * @example const { stores, dispatch } = useDemo()
 */
export function useDemo(): DemoDomain {
  const domain = hasInjectionContext() ? inject(key, null) : null
  if (domain === null) {
    throw new Error('useDemo: no demo domain above this component; call provideDemo(domain) in a parent setup() or wrap the tree in <DemoProvider :domain="domain">')
  }
  return domain
}

/**
 * Renders its default slot over an existing domain, so several trees (or apps) can share one.
 * @example <DemoProvider :domain="domain"><MasterDetail /></DemoProvider>
 */
export const DemoProvider = defineComponent({
  name: 'DemoProvider',
  props: { domain: { type: Object as PropType<DemoDomain>, required: true } },
  slots: Object as SlotsType<{ default?: () => VNode[] }>,
  setup(props, { slots }) {
    provideDemo(props.domain)
    return () => slots.default?.()
  },
})

// The typed action context over the provided domain's register. `createActionContext().Provider` always creates a
// register of its own, so these bind the register-taking composables of @context-action/vue to the domain's.

/** The domain's `ActionRegister`. */
export const useActionRegister = () => useDemo().register

/** The domain's typed `dispatch`. */
export const useActionDispatch = () => useDemo().register.dispatch

/** The status (`pending`, `lastAbortReason`, …) of one of the domain's actions, as a read-only ref. */
export const useActionStatus = <K extends keyof DemoActions & string>(action: MaybeRefOrGetter<K>) => useRegisterStatus(useDemo().register, action)

/** Register a handler on the domain's register for the lifetime of the component. */
export const useActionHandler = <K extends keyof DemoActions & string, R = unknown>(
  action: K,
  handler: MaybeRef<ActionHandler<DemoActions[K], R>>,
  config?: MaybeRefOrGetter<HandlerConfig<DemoActions[K]> | undefined>,
) => useRegisterHandler(useDemo().register, action, handler, config)
