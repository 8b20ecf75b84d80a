// Run by tools/consumer-check.mjs inside a consumer app, with the app's Node and with the lowest Node the packages'
// `engines` allow: the installed @context-action/core (the packed tarball) doing its main jobs once, in plain Node.
import assert from 'node:assert/strict'
import { ActionRegister, batch, compensate, createCache, createComputedStore, createStore, transaction } from '@context-action/core'

// Stores, a computed store and a batch: one notification for two writes.
const price = createStore('price', 2)
const quantity = createStore('quantity', 1)
const total = createComputedStore([price, quantity], (p, q) => p * q)
const totals = []
const stop = total.subscribe((value) => totals.push(value))
batch(() => {
  price.setValue(3)
  quantity.setValue(4)
})
stop()
assert.deepEqual(totals, [2, 12])

// A failing async transaction removes its own write and keeps one made by someone else meanwhile.
const stock = createStore('stock', 10)
await assert.rejects(
  transaction([stock], async (view) => {
    view.update((n) => n - 1)
    await Promise.resolve()
    stock.update((n) => n + 5)
    throw new Error('payment declined')
  }),
  /payment declined/,
)
assert.equal(stock.getValue(), 15)

// Compensation undoes the steps that succeeded, in reverse order.
const undone = []
await assert.rejects(
  compensate(async (step) => {
    await step(() => 'reserved', (value) => undone.push(value))
    await step(() => 'paid', (value) => undone.push(value))
    throw new Error('create failed')
  }),
  /create failed/,
)
assert.deepEqual(undone, ['paid', 'reserved'])

// Actions: handlers by priority, an AbortSignal per run, takeLatest aborting the older dispatch.
const actions = new ActionRegister({ name: 'smoke' })
const order = []
actions.register('save', () => order.push('second'), { priority: 1 })
actions.register('save', () => order.push('first'), { priority: 2 })
await actions.dispatch('save')
assert.deepEqual(order, ['first', 'second'])
const aborted = []
actions.register('search', async (query, controller) => {
  await new Promise((resolve) => setTimeout(resolve, 5))
  if (controller.signal.aborted) aborted.push(query)
})
actions.setActionConcurrency('search', 'takeLatest')
await Promise.all([actions.dispatch('search', 'a'), actions.dispatch('search', 'ab')])
assert.deepEqual(aborted, ['a'])

// The cache shares a request between lookups of one key.
let requests = 0
const cache = createCache({ fetch: async (key) => `user ${key} (${++requests})` })
const [first, again] = await Promise.all([cache.load('1'), cache.load('1')])
assert.equal(first, 'user 1 (1)')
assert.equal(again, first)
cache.dispose()

console.log(`core smoke test passed on Node ${process.versions.node}`)
