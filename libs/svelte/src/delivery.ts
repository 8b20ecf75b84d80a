import { setDeliveryScheduler, writable } from './deps.js'

// svelte/store's `derived` is glitch-free over Svelte's own stores because a set made while svelte/store's shared
// queue runs waits for that queue. Running core notifications inside the run of one hidden writable's subscriber
// gives them the same queue, so `derived` over core stores behaves as it does over `writable`.
const gate = writable(0)
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
  // Stryker disable next-line ArithmeticOperator: any new value runs the gate's subscriber; n - 1 does as well
  gate.update((n) => n + 1)
  // Inside a run of svelte/store's queue the gate's run waits its turn: deliver now, still inside that queue.
  deliverPending()
})
