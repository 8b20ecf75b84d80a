import { setDeliveryScheduler, writable } from './deps.js'

// svelte/store's `derived` is glitch-free over Svelte's own stores because a set made while svelte/store's shared
// queue runs waits for that queue. Running core notifications inside the run of one hidden writable's subscriber
// gives them the same queue, so `derived` over core stores behaves as it does over `writable`.
// Its value is a new object on each change: svelte/store's `writable` takes any object for a change.
const gate = writable<object>()
let pending: (() => void) | null = null

function deliverPending(): void {
  const deliver = pending
  pending = null
  // Stryker disable next-line OptionalChaining: without `?.` this module throws on import (the subscribe below runs it with nothing pending), and Stryker 9.6's Vitest runner counts a test file that fails to load as no test run, so the mutant "survives"; every test file that loads the adapter fails on it
  deliver?.()
}

gate.subscribe(deliverPending)

setDeliveryScheduler((deliver) => {
  pending = deliver
  gate.set({})
  // Inside a run of svelte/store's queue the gate's run waits its turn: deliver now, still inside that queue.
  deliverPending()
})
