// Every benchmark case of issue 7, as setups that return `{ run, counts }`.
// `run` is what gets timed; `counts()` reports what one `run` did (listener calls, recomputes, torn reads),
// so the same setup serves the timing and the count check. The `libs` argument lets the Vitest check run the
// cases against the core source while `run.mjs` runs them against the minified bundle.
import { minimalStore } from './floor.mjs'

const FIELDS = 100

function fields(seed) {
  const value = {}
  for (let k = 0; k < FIELDS; k++) value[`f${k}`] = seed
  return value
}

/** Counters shared by one setup; `counts()` divides by the runs since the last reset. */
function counter(names) {
  const c = Object.fromEntries(names.map((n) => [n, 0]))
  return {
    c,
    reset() {
      for (const n of names) c[n] = 0
    },
  }
}

// ---------------------------------------------------------------- set + notify
function setNotify(listeners) {
  const make = (create) => () => {
    const k = counter(['calls'])
    const l = () => k.c.calls++
    let i = 0
    const set = create(l, listeners)
    return { run: () => set(++i), counts: k }
  }
  return {
    floor: make((l, n) => {
      const s = minimalStore(0)
      for (let j = 0; j < n; j++) s.listen(l)
      return s.set
    }),
    ours: ({ core }) =>
      make((l, n) => {
        const s = core.createStore(0)
        for (let j = 0; j < n; j++) s.listen(l)
        return s.setValue
      })(),
    nanostores: ({ nanostores }) =>
      make((l, n) => {
        const s = nanostores.atom(0)
        for (let j = 0; j < n; j++) s.listen(l)
        return (v) => s.set(v)
      })(),
    tanstack: ({ tanstack }) =>
      make((l, n) => {
        const s = tanstack.createAtom(0)
        for (let j = 0; j < n; j++) s.subscribe(l)
        return (v) => s.set(v)
      })(),
    'svelte/store': ({ svelteStore }) =>
      make((l, n) => {
        const s = svelteStore.writable(0)
        for (let j = 0; j < n; j++) s.subscribe(l)
        return s.set
      })(),
    '@vue/reactivity': ({ vue }) =>
      make((l, n) => {
        const r = vue.shallowRef(0)
        for (let j = 0; j < n; j++) vue.watch(r, l)
        return (v) => (r.value = v)
      })(),
  }
}

// ---------------------------------------------------------------- selectors
function selectors() {
  // One write replaces the object and changes one field (rotating); each subscriber selects one field.
  const make = (create) => () => {
    const k = counter(['calls'])
    let i = 0
    const { set, get } = create((key) => () => k.c.calls++)
    return {
      run: () => {
        const key = `f${i++ % FIELDS}`
        const prev = get()
        set({ ...prev, [key]: prev[key] + 1 })
      },
      counts: k,
    }
  }
  const keys = Array.from({ length: FIELDS }, (_, j) => `f${j}`)
  return {
    floor: make((cb) => {
      const s = minimalStore(fields(0))
      for (const key of keys) {
        let last = s.get()[key]
        const fn = cb(key)
        s.listen((v) => {
          const x = v[key]
          if (x !== last) {
            last = x
            fn(x)
          }
        })
      }
      return { set: s.set, get: s.get }
    }),
    ours: ({ core }) =>
      make((cb) => {
        const s = core.createStore(fields(0))
        for (const key of keys) core.createComputedStore([s], (v) => v[key]).listen(cb(key))
        return { set: s.setValue, get: s.getValue }
      })(),
    nanostores: ({ nanostores }) =>
      make((cb) => {
        const s = nanostores.atom(fields(0))
        for (const key of keys) nanostores.computed(s, (v) => v[key]).listen(cb(key))
        return { set: (v) => s.set(v), get: () => s.get() }
      })(),
    tanstack: ({ tanstack }) =>
      make((cb) => {
        const s = tanstack.createAtom(fields(0))
        for (const key of keys) tanstack.createAtom(() => s.get()[key]).subscribe(cb(key))
        return { set: (v) => s.set(v), get: () => s.get() }
      })(),
    'svelte/store': ({ svelteStore }) =>
      make((cb) => {
        const s = svelteStore.writable(fields(0))
        for (const key of keys) {
          const fn = cb(key)
          let first = true
          svelteStore.derived(s, (v) => v[key]).subscribe((x) => (first ? (first = false) : fn(x)))
        }
        return { set: s.set, get: () => svelteStore.get(s) }
      })(),
    '@vue/reactivity': ({ vue }) =>
      make((cb) => {
        const r = vue.shallowRef(fields(0))
        for (const key of keys) vue.watch(vue.computed(() => r.value[key]), cb(key))
        return { set: (v) => (r.value = v), get: () => r.value }
      })(),
  }
}

// ---------------------------------------------------------------- computed chain of 10
function chain() {
  const N = 10
  const make = (create) => () => {
    const k = counter(['calls', 'recomputes', 'torn'])
    const f = (v) => (k.c.recomputes++, v + 1)
    let i = 0
    const set = create(f, (v) => {
      if (v !== i + N) k.c.torn++
      k.c.calls++
    })
    return { run: () => set(++i), counts: k }
  }
  return {
    // Hand-wired: each link is a minimal store set by a listener on the one before.
    floor: make((f, l) => {
      const head = minimalStore(0)
      let prev = head
      for (let j = 0; j < N; j++) {
        const next = minimalStore(prev.get() + 1)
        prev.listen((v) => next.set(f(v)))
        prev = next
      }
      prev.listen(l)
      return head.set
    }),
    ours: ({ core }) =>
      make((f, l) => {
        const head = core.createStore(0)
        let prev = head
        for (let j = 0; j < N; j++) prev = core.createComputedStore([prev], f)
        prev.listen(l)
        return head.setValue
      })(),
    nanostores: ({ nanostores }) =>
      make((f, l) => {
        const head = nanostores.atom(0)
        let prev = head
        for (let j = 0; j < N; j++) prev = nanostores.computed(prev, f)
        prev.listen(l)
        return (v) => head.set(v)
      })(),
    tanstack: ({ tanstack }) =>
      make((f, l) => {
        const head = tanstack.createAtom(0)
        let prev = head
        for (let j = 0; j < N; j++) {
          const p = prev
          prev = tanstack.createAtom(() => f(p.get()))
        }
        prev.subscribe(l)
        return (v) => head.set(v)
      })(),
    'svelte/store': ({ svelteStore }) =>
      make((f, l) => {
        const head = svelteStore.writable(0)
        let prev = head
        for (let j = 0; j < N; j++) prev = svelteStore.derived(prev, f)
        let first = true
        prev.subscribe((v) => (first ? (first = false) : l(v)))
        return head.set
      })(),
    '@vue/reactivity': ({ vue }) =>
      make((f, l) => {
        const head = vue.shallowRef(0)
        let prev = head
        for (let j = 0; j < N; j++) {
          const p = prev
          prev = vue.computed(() => f(p.value))
        }
        vue.watch(prev, l)
        return (v) => (head.value = v)
      })(),
  }
}

// ---------------------------------------------------------------- diamond
function diamond() {
  // s -> a = s + 1, b = 2s -> d = a + b. A glitch is d computed from an `a` and a `b` of different writes.
  const make = (create) => () => {
    const k = counter(['calls', 'recomputes', 'glitches'])
    const d = (a, b) => {
      k.c.recomputes++
      if (b !== 2 * (a - 1)) k.c.glitches++
      return a + b
    }
    let i = 0
    const set = create(d, () => k.c.calls++)
    return { run: () => set(++i), counts: k }
  }
  const A = (s) => s + 1
  const B = (s) => 2 * s
  return {
    // Hand-wired glitch-free: `a`'s listener runs before `b`'s, so `d` listens to `b` only and reads `a`.
    floor: make((d, l) => {
      const s = minimalStore(0)
      const a = minimalStore(1)
      const b = minimalStore(0)
      const out = minimalStore(1)
      s.listen((v) => a.set(A(v)))
      s.listen((v) => b.set(B(v)))
      b.listen((v) => out.set(d(a.get(), v)))
      out.listen(l)
      return s.set
    }),
    ours: ({ core }) =>
      make((d, l) => {
        const s = core.createStore(0)
        const a = core.createComputedStore([s], A)
        const b = core.createComputedStore([s], B)
        core.createComputedStore([a, b], d).listen(l)
        return s.setValue
      })(),
    nanostores: ({ nanostores }) =>
      make((d, l) => {
        const s = nanostores.atom(0)
        const a = nanostores.computed(s, A)
        const b = nanostores.computed(s, B)
        nanostores.computed([a, b], d).listen(l)
        return (v) => s.set(v)
      })(),
    tanstack: ({ tanstack }) =>
      make((d, l) => {
        const s = tanstack.createAtom(0)
        const a = tanstack.createAtom(() => A(s.get()))
        const b = tanstack.createAtom(() => B(s.get()))
        tanstack.createAtom(() => d(a.get(), b.get())).subscribe(l)
        return (v) => s.set(v)
      })(),
    'svelte/store': ({ svelteStore }) =>
      make((d, l) => {
        const s = svelteStore.writable(0)
        const a = svelteStore.derived(s, A)
        const b = svelteStore.derived(s, B)
        let first = true
        svelteStore.derived([a, b], ([x, y]) => d(x, y)).subscribe(() => (first ? (first = false) : l()))
        return s.set
      })(),
    '@vue/reactivity': ({ vue }) =>
      make((d, l) => {
        const s = vue.shallowRef(0)
        const a = vue.computed(() => A(s.value))
        const b = vue.computed(() => B(s.value))
        vue.watch(
          vue.computed(() => d(a.value, b.value)),
          l,
        )
        return (v) => (s.value = v)
      })(),
  }
}

// ---------------------------------------------------------------- batch of 3 with a computed over all three
function batched() {
  const make = (create) => () => {
    const k = counter(['calls', 'recomputes', 'torn'])
    const sum = (x, y, z) => {
      k.c.recomputes++
      if (x !== y || y !== z) k.c.torn++
      return x + y + z
    }
    const listener = (v) => {
      k.c.calls++
      if (v % 3 !== 0) k.c.torn++
    }
    let i = 0
    const write = create(sum, listener)
    return { run: () => write(++i), counts: k }
  }
  return {
    // Hand-written: three minimal stores whose listeners mark the sum dirty; one recompute after the writes.
    floor: make((sum, l) => {
      const s = [minimalStore(0), minimalStore(0), minimalStore(0)]
      let dirty = false
      const mark = () => (dirty = true)
      for (const x of s) x.listen(mark)
      return (v) => {
        s[0].set(v)
        s[1].set(v)
        s[2].set(v)
        if (dirty) {
          dirty = false
          l(sum(s[0].get(), s[1].get(), s[2].get()))
        }
      }
    }),
    ours: ({ core }) =>
      make((sum, l) => {
        const [a, b, c] = [core.createStore(0), core.createStore(0), core.createStore(0)]
        core.createComputedStore([a, b, c], sum).listen(l)
        return (v) =>
          core.batch(() => {
            a.setValue(v)
            b.setValue(v)
            c.setValue(v)
          })
      })(),
    nanostores: ({ nanostores }) =>
      make((sum, l) => {
        const [a, b, c] = [nanostores.atom(0), nanostores.atom(0), nanostores.atom(0)]
        nanostores.computed([a, b, c], sum).listen(l)
        return (v) =>
          nanostores.batch(() => {
            a.set(v)
            b.set(v)
            c.set(v)
          })
      })(),
    tanstack: ({ tanstack }) =>
      make((sum, l) => {
        const [a, b, c] = [tanstack.createAtom(0), tanstack.createAtom(0), tanstack.createAtom(0)]
        tanstack.createAtom(() => sum(a.get(), b.get(), c.get())).subscribe(l)
        return (v) =>
          tanstack.batch(() => {
            a.set(v)
            b.set(v)
            c.set(v)
          })
      })(),
    // svelte/store has no batch: three writes, three derived runs.
    'svelte/store': ({ svelteStore }) =>
      make((sum, l) => {
        const [a, b, c] = [svelteStore.writable(0), svelteStore.writable(0), svelteStore.writable(0)]
        let first = true
        svelteStore.derived([a, b, c], ([x, y, z]) => sum(x, y, z)).subscribe((v) => (first ? (first = false) : l(v)))
        return (v) => {
          a.set(v)
          b.set(v)
          c.set(v)
        }
      })(),
    // Vue batches through its scheduler; here the watcher's job is queued and run once after the writes,
    // as runtime-core's queue would (minus the microtask).
    '@vue/reactivity': ({ vue }) =>
      make((sum, l) => {
        const [a, b, c] = [vue.shallowRef(0), vue.shallowRef(0), vue.shallowRef(0)]
        let job = null
        vue.watch(
          vue.computed(() => sum(a.value, b.value, c.value)),
          l,
          { scheduler: (j) => (job = j) },
        )
        return (v) => {
          a.value = v
          b.value = v
          c.value = v
          const j = job
          job = null
          j?.()
        }
      })(),
  }
}

// ---------------------------------------------------------------- wide batch: 100 stores, a computed over all, a chain of 10
function wideBatch() {
  const N = 100
  const LINKS = 10
  const make = (create) => () => {
    const k = counter(['calls', 'recomputes', 'torn'])
    const sum = (...values) => {
      k.c.recomputes++
      let total = 0
      for (let j = 0; j < values.length; j++) total += values[j]
      return total
    }
    const link = (v) => (k.c.recomputes++, v + 1)
    let i = 0
    const write = create(sum, link, (v) => {
      k.c.calls++
      if (v !== N * i + LINKS) k.c.torn++
    })
    return { run: () => write(++i), counts: k }
  }
  const chained = (first, next) => {
    let prev = first
    for (let j = 0; j < LINKS; j++) prev = next(prev)
    return prev
  }
  return {
    // Hand-written: every store marks the graph dirty; after the writes, one sum and the chain, once.
    floor: make((sum, link, l) => {
      const s = Array.from({ length: N }, () => minimalStore(0))
      let dirty = false
      const mark = () => (dirty = true)
      for (const x of s) x.listen(mark)
      return (v) => {
        for (let j = 0; j < N; j++) s[j].set(v)
        if (dirty) {
          dirty = false
          let value = sum(...s.map((x) => x.get()))
          for (let j = 0; j < LINKS; j++) value = link(value)
          l(value)
        }
      }
    }),
    ours: ({ core }) =>
      make((sum, link, l) => {
        const s = Array.from({ length: N }, () => core.createStore(0))
        chained(core.createComputedStore(s, sum), (prev) => core.createComputedStore([prev], link)).listen(l)
        return (v) => core.batch(() => s.forEach((x) => x.setValue(v)))
      })(),
    nanostores: ({ nanostores }) =>
      make((sum, link, l) => {
        const s = Array.from({ length: N }, () => nanostores.atom(0))
        chained(nanostores.computed(s, sum), (prev) => nanostores.computed(prev, link)).listen(l)
        return (v) => nanostores.batch(() => s.forEach((x) => x.set(v)))
      })(),
    tanstack: ({ tanstack }) =>
      make((sum, link, l) => {
        const s = Array.from({ length: N }, () => tanstack.createAtom(0))
        const total = tanstack.createAtom(() => sum(...s.map((x) => x.get())))
        chained(total, (prev) => tanstack.createAtom(() => link(prev.get()))).subscribe(l)
        return (v) => tanstack.batch(() => s.forEach((x) => x.set(v)))
      })(),
    // svelte/store has no batch: every write re-derives the sum and the chain.
    'svelte/store': ({ svelteStore }) =>
      make((sum, link, l) => {
        const s = Array.from({ length: N }, () => svelteStore.writable(0))
        let first = true
        chained(svelteStore.derived(s, (values) => sum(...values)), (prev) => svelteStore.derived(prev, link)).subscribe((v) =>
          first ? (first = false) : l(v),
        )
        return (v) => s.forEach((x) => x.set(v))
      })(),
    // As in batch-3: the watcher's job runs once after the writes, as runtime-core's queue would.
    '@vue/reactivity': ({ vue }) =>
      make((sum, link, l) => {
        const s = Array.from({ length: N }, () => vue.shallowRef(0))
        const total = vue.computed(() => sum(...s.map((x) => x.value)))
        let job = null
        vue.watch(
          chained(total, (prev) => vue.computed(() => link(prev.value))),
          l,
          { scheduler: (j) => (job = j) },
        )
        return (v) => {
          s.forEach((x) => (x.value = v))
          const j = job
          job = null
          j?.()
        }
      })(),
  }
}

// ---------------------------------------------------------------- dispatch
const sorted = (handlers) => handlers.slice().sort((x, y) => y.priority - x.priority)

function dispatchCase(kind) {
  // `handlers`: [priority, fn] in registration order (priorities deliberately out of order).
  const spec = (k) => {
    const log = (p) => (k.c.calls++, p)
    if (kind === 'one') return [{ priority: 0, fn: (p) => (k.c.calls++, p) }]
    const list = [3, 5, 1, 4, 2].map((priority) => ({ priority, fn: async (p) => log(p) }))
    if (kind === 'abort' || kind === 'abort2') {
      // The third handler to run (priority 3), or the second (priority 4), stops the pipeline.
      list[kind === 'abort' ? 0 : 3].fn = async (p, c) => {
        k.c.calls++
        c.abort('enough')
      }
    }
    return list
  }
  const expected = { one: 1, async: 5, abort: 3, abort2: 2 }[kind]
  /**
   * A plain loop over the same handlers, sorted by priority once, stopping when a handler asks to; `shape` is what the
   * loop returns: nothing (`sync`, issue 7's floor: a synchronous loop, not an `async` function), a resolved promise
   * (`promise`, which the harness awaits), or the promise of an `async` function awaiting each handler (`async`). The last two are the
   * unavoidable cost of an API that returns a promise, shown beside the floor.
   */
  const loop = (shape) => () => {
    const k = counter(['calls'])
    const list = sorted(spec(k))
    let stop = false
    const ctl = { abort: () => (stop = true) }
    const sync = () => {
      stop = false
      for (let i = 0; i < list.length; i++) {
        list[i].fn(1, ctl)
        if (stop) break
      }
    }
    const run =
      shape === 'sync'
        ? sync
        : shape === 'promise'
          ? () => {
              sync()
              return Promise.resolve()
            }
          : async () => {
              stop = false
              for (let i = 0; i < list.length; i++) {
                await list[i].fn(1, ctl)
                if (stop) break
              }
            }
    return { run, counts: k, expected }
  }
  return {
    floor: loop('sync'),
    'loop returning a resolved promise': loop('promise'),
    'async/await loop': loop('async'),
    ours: ({ core }) => {
      const k = counter(['calls'])
      const register = new core.ActionRegister({ name: 'bench' })
      for (const h of spec(k)) register.register('go', h.fn, { priority: h.priority })
      return { run: () => register.dispatch('go', 1), counts: k, expected }
    },
  }
}

// ---------------------------------------------------------------- transaction
function transactionCase(fail) {
  const oops = new Error('rollback')
  return {
    // Three minimal stores written in a row, one listener each.
    floor: () => {
      const k = counter(['calls'])
      const s = [minimalStore(0), minimalStore(0), minimalStore(0)]
      for (const x of s) x.listen(() => k.c.calls++)
      let i = 0
      return {
        run: () => {
          i++
          s[0].set(i)
          s[1].set(i)
          s[2].set(i)
        },
        counts: k,
      }
    },
    ours: ({ core }) => {
      const k = counter(['calls', 'torn'])
      const s = [core.createStore(0), core.createStore(0), core.createStore(0)]
      for (const x of s) x.listen(() => k.c.calls++)
      let i = 0
      const body = (a, b, c) => {
        i++
        a.setValue(i)
        b.setValue(i)
        c.setValue(i)
        if (fail) throw oops
      }
      return {
        run: () => {
          try {
            core.transaction(s, body)
          } catch (e) {
            if (e !== oops) throw e
          }
          if (fail && s.some((x) => x.getValue() !== 0)) k.c.torn++
        },
        counts: k,
      }
    },
  }
}

/**
 * The cases of issue 7. `expect` is per `run()` of `ours`; a mismatch fails the run.
 * `target` is the ratio to the floor (`of: 'commit'` compares with another case instead).
 */
export const cases = [
  { id: 'set-1', title: 'set + notify 1 subscriber', target: 4, impls: setNotify(1), expect: { calls: 1 } },
  { id: 'set-100', title: 'set with 100 subscribers', target: 4, impls: setNotify(100), expect: { calls: 100 } },
  { id: 'select-100', title: 'object store, 100 selector subscribers, one field changes', target: 1.5, impls: selectors(), expect: { calls: 1 } },
  { id: 'chain-10', title: 'computed chain of 10', target: 2.5, impls: chain(), expect: { calls: 1, recomputes: 10 } },
  { id: 'diamond', title: 'computed diamond', target: 2.5, impls: diamond(), expect: { calls: 1, recomputes: 1, glitches: 0 } },
  { id: 'batch-3', title: '3 stores in `batch`, computed over all three', target: 1.5, impls: batched(), expect: { calls: 1, recomputes: 1, torn: 0 } },
  { id: 'batch-wide', title: '100 stores in `batch`, computed over all 100, chain of 10 below', target: null, impls: wideBatch(), expect: { calls: 1, recomputes: 11, torn: 0 } },
  { id: 'dispatch-1', title: '`dispatch`, 1 handler (vs a plain synchronous loop)', target: 40, impls: dispatchCase('one'), expect: { calls: 1 } },
  { id: 'dispatch-5', title: '`dispatch`, 5 async handlers with priorities (vs a plain synchronous loop)', target: 12, impls: dispatchCase('async'), expect: { calls: 5 } },
  { id: 'dispatch-abort', title: '`dispatch`, 5 async handlers, the 3rd aborts (vs a plain synchronous loop)', target: 15, impls: dispatchCase('abort'), expect: { calls: 3 } },
  { id: 'dispatch-abort-2nd', title: '`dispatch`, 5 async handlers, the 2nd aborts (vs a plain synchronous loop)', target: 15, impls: dispatchCase('abort2'), expect: { calls: 2 } },
  { id: 'tx-commit', title: 'transaction of 3 stores, commit (vs 3 plain writes)', target: null, impls: transactionCase(false), expect: { calls: 3 } },
  { id: 'tx-rollback', title: 'transaction of 3 stores, rollback', target: 3, of: 'tx-commit', impls: transactionCase(true), expect: { calls: 0 } },
]

/** Run a setup `times` times and return what one run did on average; awaits async runs. */
export async function countRuns(setup, times = 3) {
  setup.counts.reset()
  for (let j = 0; j < times; j++) {
    const r = setup.run()
    if (r && typeof r.then === 'function') await r
  }
  const out = {}
  for (const [key, value] of Object.entries(setup.counts.c)) out[key] = value / times
  return out
}

/** The `expect` keys that `ours` got wrong, as messages; empty when every count is right. */
export function countErrors(kase, got) {
  const errors = []
  for (const [key, want] of Object.entries(kase.expect)) {
    if ((got[key] ?? 0) !== want) errors.push(`${kase.id}: expected ${key} = ${want} per run, got ${got[key] ?? 0}`)
  }
  if ((got.torn ?? 0) !== 0 && !('torn' in kase.expect)) errors.push(`${kase.id}: ${got.torn} inconsistent reads per run`)
  return errors
}
