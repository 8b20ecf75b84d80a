import { createActionContext } from '@context-action/svelte'
import type { DemoActions, DemoDomain } from '@context-action/demo-domain'
import { getContext, setContext } from 'svelte'

const key = Symbol('demo')

/** The typed action context of the demo; its provider is always given the domain's register. */
export const DemoActionContext = createActionContext<DemoActions>('Demo')
export const { useActionDispatch, useActionHandler, useActionRegister, useActionStatus } = DemoActionContext

/**
 * Make `domain` (and its register, through the action context) available to this component's children;
 * call it from a component's script. The domain is not disposed when the component is.
 * @example provideDemo(createDemoDomain({ api: createApiClient() }))
 */
export function provideDemo(domain: DemoDomain): DemoDomain {
  if (typeof domain !== 'object' || domain === null || typeof domain.dispatch !== 'function') {
    throw new TypeError(`provideDemo: expected a domain from createDemoDomain(), got ${String(domain)}`)
  }
  setContext(key, domain)
  DemoActionContext.provide(domain.register)
  return domain
}

/** The domain provided above the calling component. */
export function useDemo(): DemoDomain {
  const domain = getContext<DemoDomain | undefined>(key)
  if (domain === undefined) {
    throw new Error('useDemo: no demo domain above this component; call provideDemo(domain) in a parent component or render <DemoProvider {domain}>')
  }
  return domain
}
