import { describe, expectTypeOf, it } from 'vitest'
import { ActionRegister } from './action-register'
import type { ActionPayloadMap, ActionRegisterLike, ActionStatus, ExecutionResult, PipelineController } from './action-types'
import type { ReadableStore } from '../stores/store'

type Actions = {
  save: { name: string }
  count: number
  reset: void
}

const actions = new ActionRegister<Actions>({ name: 'app' })

describe('ActionRegister types', () => {
  it('is an ActionRegisterLike', () => {
    expectTypeOf(actions).toMatchTypeOf<ActionRegisterLike<Actions>>()
  })

  it('infers the handler payload and controller from the action', () => {
    actions.register('save', (payload, controller) => {
      expectTypeOf(payload).toEqualTypeOf<{ name: string }>()
      expectTypeOf(controller).toEqualTypeOf<PipelineController<{ name: string }, unknown>>()
      expectTypeOf(controller.getPayload()).toEqualTypeOf<{ name: string }>()
      expectTypeOf(controller.signal).toEqualTypeOf<AbortSignal>()
    })
    actions.register('count', (n) => expectTypeOf(n).toEqualTypeOf<number>(), { condition: (n) => n > 0 })
    // @ts-expect-error the condition receives the payload type
    actions.register('count', () => {}, { condition: (n: string) => n === '' })
    // @ts-expect-error unknown action name
    actions.register('nope', () => {})
  })

  it('leaves out a payload that may be undefined', () => {
    const search = new ActionRegister<{ filter: string | undefined; page: number }>()
    void search.dispatch('filter')
    void search.dispatch('filter', undefined, { debounce: 100 })
    void search.dispatch('filter', 'open')
    // @ts-expect-error wrong payload type
    void search.dispatch('filter', 1)
    // @ts-expect-error missing payload
    void search.dispatch('page')
  })

  it('requires the payload unless the action has none', () => {
    expectTypeOf(actions.dispatch('reset')).toEqualTypeOf<Promise<void>>()
    void actions.dispatch('reset', undefined, { executionMode: 'parallel' })
    void actions.dispatch('save', { name: 'Ada' })
    void actions.dispatch('count', 1, { concurrency: 'takeLatest' })
    // @ts-expect-error missing payload
    void actions.dispatch('save')
    // @ts-expect-error wrong payload type
    void actions.dispatch('count', 'one')
    // @ts-expect-error unknown action name
    void actions.dispatch('nope', 1)
    // @ts-expect-error unknown option
    void actions.dispatch('count', 1, { timeOut: 5 })
  })

  it('rejects unknown names for interfaces extending ActionPayloadMap too', () => {
    interface AppActions extends ActionPayloadMap {
      save: { id: string }
    }
    const app = new ActionRegister<AppActions>()
    void app.dispatch('save', { id: '1' })
    // @ts-expect-error unknown action name
    void app.dispatch('nope', 1)
  })

  it('accepts any action and payload when untyped', () => {
    const loose = new ActionRegister()
    void loose.dispatch('anything', { a: 1 })
    void loose.dispatch('anything')
  })

  it('types dispatchWithResult results', () => {
    expectTypeOf(actions.dispatchWithResult('count', 1)).toEqualTypeOf<Promise<ExecutionResult<unknown>>>()
    expectTypeOf(actions.dispatchWithResult<'count', number>('count', 1)).toEqualTypeOf<Promise<ExecutionResult<number>>>()
    // @ts-expect-error missing payload
    void actions.dispatchWithResult('save')
  })

  it('keeps destructured dispatchers typed', () => {
    const { dispatch } = actions
    void dispatch('reset')
    // @ts-expect-error wrong payload type
    void dispatch('save', { name: 1 })
  })

  it('exposes a readable status store per action', () => {
    expectTypeOf(actions.getActionStatus('save')).toEqualTypeOf<ReadableStore<ActionStatus>>()
    expectTypeOf(actions.getRegisteredActions()).toEqualTypeOf<Array<'save' | 'count' | 'reset'>>()
  })
})
