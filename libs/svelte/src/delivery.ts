import { setDeliveryScheduler, writable } from './deps.js'

// svelte/store's `derived` is glitch-free over Svelte's own stores because a set made while svelte/store's shared
// queue runs waits for that queue. Running core notifications inside the run of one hidden writable's subscriber
// gives them the same queue, so `derived` over core stores behaves as it does over `writable`.
const gate = writable(0)
let pending: (() => void) | null = null

function deliverPending(): void {
  const deliver = pending
  pending = null
  deliver?.()
}

gate.subscribe(deliverPending)

setDeliveryScheduler((deliver) => {
  pending = deliver
  gate.update((n) => n + 1)
  // Inside a run of svelte/store's queue the gate's run waits its turn: deliver now, still inside that queue.
  deliverPending()
})
