// The README's and docs/vue.md's Nuxt example, run as it is written: app/stores.ts, app/plugins/todos.ts,
// app/pages/todos.vue (the page at /todos) and server/api/todos.ts are those blocks, byte for byte
// (tests/docs.test.ts). Nuxt registers every directory in layers/ by itself; this file marks the directory as a layer
// (its app/ is its source directory, its server/ is added to Nitro) and needs no settings of its own.
export default defineNuxtConfig({})
