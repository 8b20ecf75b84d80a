// 100k subscriptions on one store: retained bytes per subscription, and the time to dispose all of them
// in three orders. Needs `node --expose-gc`.
import { minimalStore } from './floor.mjs'

export const SUBSCRIPTIONS = 100_000

/** Per implementation: make a store, then `subscribe(listener)` returning the disposer. */
export const subscribers = {
  floor: () => {
    const s = minimalStore(0)
    return (l) => s.listen(l)
  },
  ours: ({ core }) => {
    const s = core.createStore(0)
    return Object.assign((l) => s.listen(l), { count: () => s.getListenerCount() })
  },
  nanostores: ({ nanostores }) => {
    const s = nanostores.atom(0)
    return (l) => s.listen(l)
  },
  tanstack: ({ tanstack }) => {
    const s = tanstack.createAtom(0)
    return (l) => {
      const sub = s.subscribe(l)
      return () => sub.unsubscribe()
    }
  },
  'svelte/store': ({ svelteStore }) => {
    const s = svelteStore.writable(0)
    return (l) => s.subscribe(l)
  },
  '@vue/reactivity': ({ vue }) => {
    const r = vue.shallowRef(0)
    return (l) => vue.watch(r, l)
  },
}

function heapUsed() {
  globalThis.gc()
  globalThis.gc()
  return process.memoryUsage().heapUsed
}

function shuffled(n, seed) {
  const order = Array.from({ length: n }, (_, i) => i)
  let x = seed
  for (let i = n - 1; i > 0; i--) {
    x = (x * 1103515245 + 12345) & 0x7fffffff
    const j = x % (i + 1)
    ;[order[i], order[j]] = [order[j], order[i]]
  }
  return order
}

/** `{ bytes, forward, reverse, random, left? }`: bytes per subscription, milliseconds to dispose all, listeners left after. */
export function measureMemory(make, libs, n = SUBSCRIPTIONS) {
  if (typeof globalThis.gc !== 'function') throw new Error('measureMemory: run node with --expose-gc')
  // A distinct listener per subscription, as users write them (issue 16): the floor pays for the same closures.
  const listener = () => () => {}
  const result = {}
  for (const order of ['forward', 'reverse', 'random']) {
    const subscribe = make(libs)
    const offs = new Array(n).fill(null)
    const indexes = order === 'forward' ? null : order === 'reverse' ? Array.from({ length: n }, (_, i) => n - 1 - i) : shuffled(n, 7)
    const before = heapUsed()
    for (let i = 0; i < n; i++) offs[i] = subscribe(listener())
    const after = heapUsed()
    if (order === 'forward') result.bytes = (after - before) / n
    const t0 = performance.now()
    if (indexes === null) for (let i = 0; i < n; i++) offs[i]()
    else for (let i = 0; i < n; i++) offs[indexes[i]]()
    result[order] = performance.now() - t0
    // Quadratic disposal (an array searched and spliced per unsubscribe) takes seconds per order: once is enough.
    if (result[order] > 1000) {
      result.quadratic = true
      break
    }
    if (subscribe.count !== undefined) result.left = Math.max(result.left ?? 0, subscribe.count())
  }
  return result
}
