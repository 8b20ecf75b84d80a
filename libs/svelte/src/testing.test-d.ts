import type { ActionRegister, Store } from '@context-action/core'
import { describe, expectTypeOf, it } from 'vitest'
import { createActionContext } from './action-context.js'
import { createStoreContext } from './store-context.js'
import { createTestContexts } from './testing.js'

const Settings = createStoreContext('Settings', { theme: { initialValue: 'light' }, size: { initialValue: 16 } })
const Todo = createActionContext<{ save: { text: string }; reset: void }>('Todo')

describe('createTestContexts types', () => {
  it('types seeded state, stores, handlers and the register from the contexts', () => {
    const t = createTestContexts()
    const settings = t.stores(Settings, { theme: 'dark' })
    expectTypeOf(settings.getStore('size')).toEqualTypeOf<Store<number>>()
    // @ts-expect-error a state value of the wrong type
    t.stores(Settings, { theme: 1 })
    // @ts-expect-error an unknown store in the state
    t.stores(Settings, { colour: 'red' })
    const todo = t.actions(Todo, {
      handlers: {
        save: (payload) => {
          expectTypeOf(payload).toEqualTypeOf<{ text: string }>()
        },
      },
    })
    expectTypeOf(todo.register).toEqualTypeOf<ActionRegister<{ save: { text: string }; reset: void }>>()
    expectTypeOf(todo.dispatches[0].action).toEqualTypeOf<'save' | 'reset'>()
    // @ts-expect-error a handler for an unknown action
    t.actions(Todo, { handlers: { missing: () => {} } })
  })
})
