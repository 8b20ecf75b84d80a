import { ActionRegister, type ActionStatus, type ExecutionResult } from '@context-action/core'
import { expectTypeOf, it } from 'vitest'
import { createApp, h, type ShallowRef } from 'vue'
import { createActionContext } from './create-action-context'

// A type alias: an interface extending ActionPayloadMap inherits its string index signature, so any action name would type-check.
type Actions = {
  save: { id: number }
  reset: void
}

const App = createActionContext<Actions>('App')

it('payload-less actions dispatch without a payload; others require theirs', () => {
  const dispatch = App.useActionDispatch()
  expectTypeOf(dispatch('reset')).toEqualTypeOf<Promise<void>>()
  dispatch('save', { id: 1 })
  // @ts-expect-error payload required
  dispatch('save')
  // @ts-expect-error wrong payload
  dispatch('save', { id: '1' })
  // @ts-expect-error unknown action
  dispatch('nope')
  expectTypeOf(App.useActionDispatchWithResult()('reset')).toEqualTypeOf<Promise<ExecutionResult<unknown>>>()
})

it('handlers receive the action payload; status is a read-only ref', () => {
  App.useActionHandler('save', (payload, controller) => {
    expectTypeOf(payload).toEqualTypeOf<{ id: number }>()
    expectTypeOf(controller.signal).toEqualTypeOf<AbortSignal>()
  })
  App.useActionHandler('save', () => {}, () => ({ priority: 1, id: 'x' }))
  // @ts-expect-error unknown action
  App.useActionHandler('nope', () => {})
  const status = App.useActionStatus('save')
  expectTypeOf(status).toEqualTypeOf<Readonly<ShallowRef<ActionStatus>>>()
  // @ts-expect-error read-only ref
  status.value = { running: 0, pending: false, lastError: undefined, lastAbortReason: undefined }
})

it('provide and install take an existing register of the same actions, or none', () => {
  const register = new ActionRegister<Actions>()
  expectTypeOf(App.provide()).toEqualTypeOf<ActionRegister<Actions>>()
  App.provide(register)
  // @ts-expect-error a register of other actions
  App.provide(new ActionRegister<{ other: number }>())
  const app = createApp({})
  app.use(App)
  app.use(App, { register })
  // @ts-expect-error a register of other actions
  app.use(App, { register: new ActionRegister<{ other: number }>() })
  h(App.Provider, { register })
})
