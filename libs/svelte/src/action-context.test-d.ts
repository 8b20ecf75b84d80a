import type { ActionStatus, ReadableStore } from '@context-action/core'
import { describe, expectTypeOf, it } from 'vitest'
import { createActionContext } from './action-context.js'
import type { StoreValue } from './use-store-value.js'

type Actions = { save: { text: string }; reset: void }
const App = createActionContext<Actions>('App')

describe('createActionContext types', () => {
  it('types payloads for dispatch and handlers from the action map', () => {
    const dispatch = App.useActionDispatch()
    expectTypeOf(dispatch('save', { text: 'x' })).toEqualTypeOf<Promise<void>>()
    dispatch('reset')
    // @ts-expect-error wrong payload
    dispatch('save', { title: 'x' })
    // @ts-expect-error unknown action
    dispatch('missing')
    App.useActionHandler('save', (payload, controller) => {
      expectTypeOf(payload).toEqualTypeOf<{ text: string }>()
      expectTypeOf(controller.signal).toEqualTypeOf<AbortSignal>()
    }, { id: 'save', priority: 10 })
  })

  it('accepts a getter for the handler config and for the status action', () => {
    const which = 'save' as 'save' | 'reset'
    App.useActionHandler('save', (payload) => {
      expectTypeOf(payload).toEqualTypeOf<{ text: string }>()
    }, () => ({ priority: which === 'save' ? 1 : 2 }))
    expectTypeOf(App.useActionStatus(() => which).current.pending).toEqualTypeOf<boolean>()
    // @ts-expect-error unknown action from a getter
    App.useActionStatus(() => 'missing')
  })

  it('gives a status store that also has a read-only current', () => {
    const status = App.useActionStatus('save')
    expectTypeOf(status).toExtend<ReadableStore<ActionStatus>>()
    expectTypeOf(status).toExtend<StoreValue<ActionStatus>>()
    expectTypeOf(status.current.pending).toEqualTypeOf<boolean>()
    // @ts-expect-error current is read-only
    status.current = status.getValue()
  })
})
