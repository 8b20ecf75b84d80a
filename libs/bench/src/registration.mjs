// 100,000 registrations on one action, then 100,000 unregistrations in a shuffled order, against the plain way to
// keep handlers in dispatch order: a sorted array, each insert placed by binary search and spliced in, each removal
// found by binary search and spliced out. Both keep priority, then registration order; timed in the same process.
export const REGISTRATIONS = 100_000
const PRIORITIES = 10

/** The same shuffled removal order on every run (a fixed linear congruential generator). */
function shuffled(n) {
  const order = Array.from({ length: n }, (_, i) => i)
  let seed = 42
  for (let i = n - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648
    const j = seed % (i + 1)
    ;[order[i], order[j]] = [order[j], order[i]]
  }
  return order
}

/** First index whose priority is below `priority` (`below`) or at most `priority`, in a list sorted high to low. */
function search(list, priority, below) {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (below ? list[mid].priority >= priority : list[mid].priority > priority) lo = mid + 1
    else hi = mid
  }
  return lo
}

function floor(n, order) {
  const list = []
  const entries = new Array(n)
  const start = performance.now()
  for (let i = 0; i < n; i++) {
    const entry = { priority: (i * 7) % PRIORITIES, fn: () => i }
    entries[i] = entry
    list.splice(search(list, entry.priority, true), 0, entry)
  }
  const registered = performance.now()
  for (const i of order) {
    const entry = entries[i]
    list.splice(list.indexOf(entry, search(list, entry.priority, false)), 1)
  }
  if (list.length !== 0) throw new Error('registration bench: the floor lost track of its handlers')
  return [registered - start, performance.now() - registered]
}

function ours(core, n, order) {
  const register = new core.ActionRegister({ name: 'bench' })
  const offs = new Array(n)
  const start = performance.now()
  for (let i = 0; i < n; i++) offs[i] = register.register('go', () => i, { priority: (i * 7) % PRIORITIES })
  const registered = performance.now()
  if (register.getHandlerCount('go') !== n) throw new Error('registration bench: handlers missing')
  for (const i of order) offs[i]()
  if (register.getHandlerCount('go') !== 0) throw new Error('registration bench: handlers left')
  return [registered - start, performance.now() - registered]
}

const median = (xs) => xs.slice().sort((a, b) => a - b)[xs.length >> 1]

/** `{ ours: [register ms, unregister ms], floor: [...], ratio }`, medians over `rounds`, floor and ours alternating. */
export function measureRegistration(core, rounds = 3, n = REGISTRATIONS) {
  const order = shuffled(n)
  const runs = { ours: [], floor: [] }
  for (let r = 0; r < rounds; r++) {
    runs.floor.push(floor(n, order))
    runs.ours.push(ours(core, n, order))
  }
  const pick = (impl, k) => median(runs[impl].map((t) => t[k]))
  const out = { ours: [pick('ours', 0), pick('ours', 1)], floor: [pick('floor', 0), pick('floor', 1)] }
  out.ratio = median(runs.ours.map((t, r) => (t[0] + t[1]) / (runs.floor[r][0] + runs.floor[r][1])))
  return out
}
