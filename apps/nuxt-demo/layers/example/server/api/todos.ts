// server/api/todos.ts
export default defineEventHandler(() => [
  { id: 1, title: 'Read the guide', done: true },
  { id: 2, title: 'Write the plugin', done: false },
])
