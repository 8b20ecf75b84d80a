import type { DemoActions, DemoDomain } from '@context-action/demo-domain'
import { createActionContext, createStoreContext } from '@context-action/vue'
import { inject, provide, type App, type InjectionKey } from 'vue'

/** The demo's actions: the screens dispatch on, and follow the status of, the register it is given (the domain's). */
export const Demo = createActionContext<DemoActions>('Demo')

/** State that belongs to the views, not to the domain: the master-detail form's draft. */
export const DemoForms = createStoreContext('DemoForms', { draft: { initialValue: { name: '', email: '' } } })

// The domain's stores and cache are framework-free instances created by createDemoDomain, so they are handed to the
// views with Vue's own provide/inject (a store context creates stores of its own).
const domainKey: InjectionKey<Pick<DemoDomain, 'stores' | 'userCache'>> = Symbol('DemoDomain')

/**
 * Vue plugin: the domain's stores and user cache for `useDemoStores()` (tests pair it with a testing register).
 * @example mount(MasterDetail, { global: { plugins: [testing, demoStores(domain)] } })
 */
export function demoStores(domain: Pick<DemoDomain, 'stores' | 'userCache'>) {
  return {
    install(app: App) {
      app.provide(domainKey, domain)
    },
  }
}

/**
 * Vue plugin: the domain's register for `Demo`, its stores for `useDemoStores()`, and the views' own stores.
 * @example createApp(App).use(demoPlugin(domain)).mount('#app')
 */
export function demoPlugin(domain: Pick<DemoDomain, 'register' | 'stores' | 'userCache'>) {
  return {
    install(app: App) {
      app.use(Demo, { register: domain.register }).use(DemoForms).use(demoStores(domain))
    },
  }
}

/**
 * `demoPlugin` for one component's subtree, from its `setup()` (several trees, or apps, can share one domain).
 * @example setup() { provideDemo(props.domain) }
 */
export function provideDemo(domain: Pick<DemoDomain, 'register' | 'stores' | 'userCache'>): void {
  Demo.provide(domain.register)
  DemoForms.provide()
  provide(domainKey, domain)
}

/** The domain's stores and user cache, from the app's `demoPlugin`. */
export function useDemoStores(): Pick<DemoDomain, 'stores' | 'userCache'> {
  const domain = inject(domainKey, null)
  if (domain === null) throw new Error("useDemoStores: no demo domain; install demoPlugin(domain) on the app or call provideDemo(domain) in a parent's setup()")
  return domain
}
