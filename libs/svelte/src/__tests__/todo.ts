import type { ActionDispatcher, ActionDispatcherWithResult, ActionRegister } from '@context-action/core'
import { createActionContext } from '../index'

export type TodoActions = {
  save: { text: string }
  slow: void
}

export const Todo = createActionContext<TodoActions>('Todo')

/** What Dispatcher.svelte hands to a test through its `ready` prop. */
export interface TodoApi {
  dispatch: ActionDispatcher<TodoActions>
  dispatchWithResult: ActionDispatcherWithResult<TodoActions>
  register: ActionRegister<TodoActions>
}
