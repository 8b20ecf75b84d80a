import type { ActionStatus, ReadableStore } from '@context-action/core'
import { describe, expectTypeOf, it } from 'vitest'
import { createActionContext } from './action-context'

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
    expectTypeOf(App.useActionStatus('save')).toEqualTypeOf<ReadableStore<ActionStatus>>()
  })
})
