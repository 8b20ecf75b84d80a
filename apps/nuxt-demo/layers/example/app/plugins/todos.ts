// app/plugins/todos.ts
import { installStoreContext } from '@context-action/vue/nuxt'
import { Todos, type Todo } from '../stores'

export default defineNuxtPlugin(async (nuxtApp) => {
  // Fresh stores for this app: one per request on the server, one per page load in the browser.
  const todos = installStoreContext(nuxtApp, Todos)
  // Loaded on the server only: the browser's stores are hydrated from the page before anything renders.
  if (import.meta.server) todos.getStore('todos').setValue(await $fetch<Todo[]>('/api/todos'))
})
