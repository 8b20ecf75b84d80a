// app/stores.ts: declarations only. Never create stores at module level in a Nuxt app: on the server, a module
// outlives the request, so its stores would be shared by every visitor.
import { createStoreContext } from '@context-action/vue'

export interface Todo {
  id: number
  title: string
  done: boolean
}

export const Todos = createStoreContext('Todos', {
  todos: { initialValue: [] as Todo[] },
  showDone: { initialValue: true },
})
