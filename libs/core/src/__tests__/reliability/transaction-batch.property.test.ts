import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { batch, createComputedStore, createStore, transaction, type Store } from '../../index'

// `transaction.test.ts` already proves, over 1,000 schedules, the policy for concurrent transactions, nested
// transactions, plain writes and failures. This file adds what it does not mix in: batches (plain, nested,
// throwing) inside and outside transactions, synchronous transactions inside batches, listeners that write
// (mirror stores), and a computed store over everything whose every notification must be consistent.

type Leaf = { kind: 'update' | 'set' | 'direct'; store: number }
type Step = Leaf | { kind: 'await' } | { kind: 'batch'; throws: boolean; steps: Array<Leaf | SyncTx> } | SyncTx
type SyncTx = { kind: 'syncTx'; fails: boolean; steps: Leaf[] }
type Actor = { tx: boolean; stores: number[]; fails: boolean; steps: Step[] }

const STORES = 3
const leaf = fc.record({ kind: fc.constantFrom('update' as const, 'set' as const, 'direct' as const), store: fc.nat(STORES - 1) })
const syncTx = fc.record({ kind: fc.constant('syncTx' as const), fails: fc.boolean(), steps: fc.array(leaf, { minLength: 1, maxLength: 3 }) })
const actorOf = (throwingBatches: boolean): fc.Arbitrary<Actor> => {
  const batchStep = fc.record({
    kind: fc.constant('batch' as const),
    throws: throwingBatches ? fc.boolean() : fc.constant(false),
    steps: fc.array(fc.oneof({ weight: 3, arbitrary: leaf }, { weight: 1, arbitrary: syncTx }), { minLength: 1, maxLength: 4 }),
  })
  const step: fc.Arbitrary<Step> = fc.oneof(
    { weight: 4, arbitrary: leaf },
    { weight: 2, arbitrary: fc.constant({ kind: 'await' as const }) },
    { weight: 2, arbitrary: batchStep },
    { weight: 1, arbitrary: syncTx },
  )
  return fc.record({
    tx: fc.boolean(),
    stores: fc.uniqueArray(fc.nat(STORES - 1), { minLength: 1, maxLength: STORES }),
    fails: fc.boolean(),
    steps: fc.array(step, { maxLength: 6 }),
  })
}

type Owner = { failed: boolean }
type Write = { store: number; token: string; set: boolean; owners: Owner[]; undone: boolean }

/** `undoUnlisted`: let failing synchronous transactions also write to stores they do not list. */
async function runProgram(s: fc.Scheduler, actors: Actor[], undoUnlisted: boolean) {
  const stores = Array.from({ length: STORES }, (_, i) => createStore(`s${i}`, `s${i}:`))
  // Listeners that write: each mirror follows its store; they are never listed in a transaction.
  const mirrors = stores.map((_, i) => createStore(`m${i}`, `s${i}:`))
  stores.forEach((st, i) => st.listen((v) => mirrors[i].setValue(v)))
  const all = createComputedStore(stores, (...values) => values.join('|'))
  const inconsistent: string[] = []
  all.listen((v) => {
    const now = stores.map((st) => st.getValue()).join('|')
    if (v !== now) inconsistent.push(`${v} != ${now}`)
  })

  const applied: Write[] = []
  let counter = 0
  const write = (target: Store<string>, index: number, set: boolean, owners: Owner[], scope: Write[][]) => {
    const token = `${++counter};`
    if (set) target.setValue(token)
    else target.update((v) => v + token)
    const w: Write = { store: index, token, set, owners, undone: false }
    applied.push(w)
    for (const list of scope) list.push(w)
  }
  // `views` maps listed store index → the view to write through; `synchronous` says a direct write is still attributed.
  const leafWrite = (l: Leaf, views: Map<number, Store<string>>, owners: Owner[], synchronous: boolean, scope: Write[][]) => {
    const view = views.get(l.store)
    if (view && l.kind !== 'direct') write(view, l.store, l.kind === 'set', owners, scope)
    else if (view && synchronous) write(stores[l.store], l.store, false, owners, scope)
    else write(stores[l.store], l.store, l.kind === 'set', [], scope)
  }
  const runSyncTx = (t: SyncTx, views: Map<number, Store<string>>, owners: Owner[], scope: Write[][]) => {
    // Over the actor's views when it is a transaction (so it nests), else over the stores it writes.
    const listed = views.size > 0 ? [...views.keys()] : [...new Set(t.steps.map((l) => l.store))]
    const targets = listed.map((i) => views.get(i) ?? stores[i])
    const inner: Owner = { failed: false }
    const mine: Write[] = []
    try {
      transaction(targets, (...innerViews) => {
        const map = new Map(listed.map((i, k) => [i, innerViews[k]]))
        for (const l of t.steps) if (undoUnlisted || !t.fails || listed.includes(l.store)) leafWrite(l.kind === 'direct' ? { ...l, kind: 'update' } : l, map, [...owners, inner], true, [...scope, mine])
        if (t.fails) {
          inner.failed = true
          throw new Error('sync inner')
        }
      })
    } catch {
      // Like an async body: the failure removes the transaction's own writes (owned by `inner`); writes to stores it
      // did not list are outside writes and stay.
    }
  }
  const runSteps = async (steps: Step[], views: Map<number, Store<string>>, owners: Owner[]) => {
    let synchronous = true
    for (const st of steps) {
      if (st.kind === 'await') {
        await s.schedule(Promise.resolve())
        synchronous = false
      } else if (st.kind === 'syncTx') runSyncTx(st, views, owners, [])
      else if (st.kind === 'batch') {
        const mine: Write[] = []
        try {
          batch(() => {
            for (const inner of st.steps) {
              if (inner.kind === 'syncTx') runSyncTx(inner, views, owners, [mine])
              else leafWrite(inner, views, owners, synchronous, [mine])
            }
            if (st.throws) throw new Error('batch')
          })
        } catch {
          for (const w of mine) w.undone = true
        }
      } else leafWrite(st, views, owners, synchronous, [])
    }
  }

  const runs = actors.map(async (a) => {
    await s.schedule(Promise.resolve())
    if (!a.tx) return runSteps(a.steps, new Map(), [])
    const me: Owner = { failed: false }
    return transaction(
      a.stores.map((i) => stores[i]),
      async (...views) => {
        await runSteps(a.steps, new Map(a.stores.map((i, k) => [i, views[k]])), [me])
        if (a.fails) {
          me.failed = true
          throw new Error('outer')
        }
      },
    ).catch(() => {})
  })
  await s.waitFor(Promise.all(runs))

  const expected = stores.map((_, i) => `s${i}:`)
  for (const w of applied) {
    if (w.undone || w.owners.some((o) => o.failed)) continue
    expected[w.store] = w.set ? w.token : expected[w.store] + w.token
  }
  return {
    stores: stores.map((st) => st.getValue()),
    mirrors: mirrors.map((m) => m.getValue()),
    inconsistent,
    expected,
  }
}

describe('transactions mixed with batches and writing listeners (property)', () => {
  it('ends with exactly the committed, outside and non-thrown batch writes; mirrors and computed stay consistent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(actorOf(false), { minLength: 1, maxLength: 5 }), async (s, actors) => {
        const r = await runProgram(s, actors, false)
        expect(r.stores).toEqual(r.expected)
        expect(r.mirrors).toEqual(r.expected)
        expect(r.inconsistent).toEqual([])
      }),
      { numRuns: 1000 },
    )
  }, 60_000)

  // BUG (reported): a batch that throws restores the value but leaves its first write to each store in the
  // transaction log; a later rollback of an overlapping transaction replays it, resurrecting an undone write.
  it('also when some batches throw or failing sync transactions wrote to unlisted stores (fixed seed that hits the bug)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.array(actorOf(true), { minLength: 1, maxLength: 5 }), async (s, actors) => {
        const r = await runProgram(s, actors, true)
        expect(r.stores).toEqual(r.expected)
        expect(r.mirrors).toEqual(r.expected)
        expect(r.inconsistent).toEqual([])
      }),
      { numRuns: 1000, seed: 42 },
    )
  }, 60_000)

  it('a write undone by a throwing batch is not replayed when an overlapping transaction rolls back (minimal repro)', async () => {
    const s = createStore('')
    let release!: () => void
    const checkout = transaction([s], async (view) => {
      view.update((x) => x + 'a')
      await new Promise<void>((resolve) => (release = resolve))
      throw new Error('payment declined')
    })
    try {
      batch(() => {
        s.update((x) => x + 'b')
        throw new Error('batch')
      })
    } catch {
      // the batch is undone: 'b' never happened
    }
    const between = s.getValue()
    release()
    await checkout.catch(() => {})
    expect([between, s.getValue()]).toEqual(['a', ''])
  })
})
