import { describeValue, type ActionPayloadMap, type Store, type StoreManager } from '@context-action/core'
import { createTestRecorder, spyFactory, type CreateSpy, type RecordedDispatch, type TestActions, type TestActionsOptions } from '@context-action/core/testing'
import type { App } from 'vue'
import type { ActionContext } from './create-action-context'
import type { StoreContext } from './create-store-context'

export type { CreateSpy, RecordedDispatch, TestActions, TestActionsOptions }

/** The stores a test provided: the manager exists once the component is mounted. */
export interface TestStores<V extends object> {
  readonly manager: StoreManager<V>
  getStore<K extends keyof V & string>(key: K): Store<V[K]>
}

/** What `createTestContexts` returns: declare the contexts a test provides, then mount with it as a plugin. */
export interface TestContexts {
  /** Vue plugin: `mount(Component, { global: { plugins: [contexts] } })` provides every declared context app-wide. */
  install(app: App): void
  /** Provide `context` with fresh stores, `state` written into them before anything renders. */
  stores<V extends object>(context: StoreContext<V>, state?: Partial<V>): TestStores<V>
  /**
   * Provide `context` with a register made as the app makes it (its `createActionContext` config included), on which
   * the test records dispatches, registers its handlers and stubs the components' (`register` exists once mounted).
   */
  actions<A extends ActionPayloadMap>(context: ActionContext<A>, options?: TestActionsOptions<A>): TestActions<A>
}

/**
 * Mount components inside store and action contexts in tests (like `@pinia/testing`): seeded stores, recorded
 * dispatches, handlers stubbed with spies; the same names as `@context-action/svelte/testing`.
 * @example const t = createTestContexts({ createSpy: vi.fn }); const todo = t.actions(Todo, { stub: true }); mount(SaveButton, { global: { plugins: [t] } })
 */
export function createTestContexts(options: { createSpy?: CreateSpy } = {}): TestContexts {
  const createSpy = spyFactory('createTestContexts', options.createSpy)
  const setups: Array<(app: App) => void> = []
  const check = (fn: string, context: unknown, method: string) => {
    if (typeof (context as Record<string, unknown> | null)?.[method] !== 'function') {
      throw new TypeError(`createTestContexts.${fn}: expected a context from create${fn === 'stores' ? 'Store' : 'Action'}Context, got ${describeValue(context)}`)
    }
  }
  return {
    install(app) {
      setups.forEach((setup) => setup(app))
    },
    stores(context, state) {
      check('stores', context, 'useStore')
      let manager: StoreManager<any> | undefined
      setups.push((app) => {
        app.use(context, { state })
        manager = app.runWithContext(() => context.useStoreManager())
      })
      const provided = () => {
        if (manager === undefined) throw new Error(`createTestContexts.stores: ${context.name} is provided when a component mounts with these contexts; declare it, then mount`)
        return manager
      }
      return {
        get manager() {
          return provided()
        },
        getStore: (key) => provided().getStore(key),
      }
    },
    actions<A extends ActionPayloadMap>(context: ActionContext<A>, settings: TestActionsOptions<A> = {}) {
      check('actions', context, 'useActionDispatch')
      const { actions, attach } = createTestRecorder<A>(
        'createTestContexts.actions',
        { ...settings, createSpy },
        `${context.name}'s register is made when a component mounts with these contexts; declare it, then mount`,
      )
      setups.push((app) => {
        // The context's own register, disposed with the app: the test runs with the app's settings.
        app.use(context)
        attach(app.runWithContext(() => context.useActionRegister()))
      })
      return actions
    },
  }
}
