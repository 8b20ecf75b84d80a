import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { batch, createComputedStore, createStore, type ReadableStore, type Store } from '../../index'

// Random DAGs of computed stores over a few sources, driven by random programs of plain writes and nested
// batches (some of which throw). Every node has a subscriber. The reference is a pure re-evaluation of the
// graph from the sources' current values.

type Op = { kind: 'set'; source: number; value: number } | { kind: 'batch'; throws: boolean; ops: Op[] }
interface NodeSpec {
  inputs: number[]
  /** `mod` collapses many inputs to one value, so equality cut-offs are exercised too. */
  fn: 'sum' | 'mod' | 'weighted'
}

const SOURCES = 3
const setOp = fc.record({ kind: fc.constant('set' as const), source: fc.nat(SOURCES - 1), value: fc.integer({ min: 0, max: 4 }) })
const { op } = fc.letrec<{ op: Op }>((tie) => ({
  op: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: setOp },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('batch' as const), throws: fc.boolean(), ops: fc.array(tie('op'), { maxLength: 5 }) }) },
  ),
}))

/** Computed node `i` (graph index SOURCES + i) reads any earlier nodes: always a DAG, often with diamonds. */
const graph = fc
  .array(fc.record({ picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fn: fc.constantFrom<NodeSpec['fn']>('sum', 'mod', 'weighted') }), { minLength: 1, maxLength: 6 })
  .map((raw) => raw.map(({ picks, fn }, i): NodeSpec => ({ inputs: [...new Set(picks.map((p) => p % (SOURCES + i)))], fn })))

const apply = (fn: NodeSpec['fn'], values: number[]): number =>
  fn === 'sum' ? values.reduce((a, b) => a + b, 0) : fn === 'mod' ? values.reduce((a, b) => a + b, 0) % 3 : values.reduce((a, v, i) => a * 7 + v * (i + 1), 1) % 1009

/** The reference: every node's value from the sources alone. */
function evaluate(specs: NodeSpec[], sources: number[]): number[] {
  const values = [...sources]
  for (const s of specs) values.push(apply(s.fn, s.inputs.map((i) => values[i])))
  return values
}

class Boom extends Error {}

/** Run `inner` in a batch that throws a `Boom` at its end when `throws` (the Boom is caught, anything else is not). */
function batchOf<T>(inner: T[], throws: boolean, run: (o: T) => void): void {
  try {
    batch(() => {
      for (const o of inner) run(o)
      if (throws) throw new Boom()
    })
  } catch (e) {
    if (!(e instanceof Boom)) throw e
  }
}

/** Writes, nested batches, and listeners that come and go mid-batch (which can activate a computed store). */
type Step =
  | { kind: 'set'; source: number; value: number }
  | { kind: 'listen'; node: number }
  | { kind: 'unlisten'; pick: number }
  | { kind: 'batch'; throws: boolean; steps: Step[] }
const { step } = fc.letrec<{ step: Step }>((tie) => ({
  step: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: setOp },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('listen' as const), node: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('unlisten' as const), pick: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('batch' as const), throws: fc.boolean(), steps: fc.array(tie('step'), { maxLength: 6 }) }) },
  ),
}))

describe('batch over random computed graphs (property)', () => {
  it('no subscriber sees a partial batch, each computed recomputes at most once per outermost batch, throwing batches leave no trace', () => {
    fc.assert(
      fc.property(graph, fc.array(op, { minLength: 1, maxLength: 12 }), fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }), (specs, program, useListen) => {
        const sources: Store<number>[] = Array.from({ length: SOURCES }, (_, i) => createStore(0, { name: `s${i}` }))
        const runs = specs.map(() => 0)
        const nodes: ReadableStore<number>[] = [...sources]
        specs.forEach((s, i) => {
          nodes.push(
            createComputedStore(
              s.inputs.map((k) => nodes[k]),
              (...values: number[]) => {
                runs[i]++
                return apply(s.fn, values)
              },
              { name: `c${i}` },
            ),
          )
        })
        // Each notification: which node, what it got, and the whole graph as a listener would read it then.
        const seen: Array<{ node: number; value: number; graph: number[] }> = []
        const readAll = () => nodes.map((n) => n.getValue())
        const offs = nodes.map((n, k) => {
          const record = (value: number) => seen.push({ node: k, value, graph: readAll() })
          return useListen[k % useListen.length] ? n.listen(record) : n.subscribe(record)
        })
        seen.length = 0

        const run = (o: Op) => {
          if (o.kind === 'set') return sources[o.source].setValue(o.value)
          batchOf(o.ops, o.throws, run)
        }
        /** What the sources hold after `o` (the model of batch: a throwing batch changes nothing). */
        const model = (o: Op, state: number[]): number[] => {
          if (o.kind === 'set') return state.map((v, i) => (i === o.source ? o.value : v))
          const after = o.ops.reduce((s, inner) => model(inner, s), state)
          return o.throws ? state : after
        }

        let state = sources.map((s) => s.getValue())
        for (const o of program) {
          const before = evaluate(specs, state)
          state = model(o, state)
          const after = evaluate(specs, state)
          seen.length = 0
          runs.fill(0)
          run(o)
          // Every listener, whatever store it watches, saw the final state of the whole graph, never a partial one.
          for (const s of seen) expect(s.graph).toEqual(after)
          // Exactly the nodes whose value changed were notified, once each, with their new value.
          const notified = seen.map((s) => [s.node, s.value]).sort((a, b) => a[0] - b[0])
          const changed = after.map((v, k) => [k, v]).filter(([k, v]) => !Object.is(before[k], v))
          expect(notified).toEqual(changed)
          expect(runs.every((r) => r <= 1)).toBe(true)
          expect(readAll()).toEqual(after)
        }
        for (const off of offs) off()
        expect(nodes.map((n) => n.getListenerCount())).toEqual(nodes.map(() => 0))
      }),
      { numRuns: 600 },
    )
  })

  it('a listener added or removed in the middle of a batch still ends up told the final value (no missed or repeated notification)', () => {
    fc.assert(
      fc.property(graph, fc.array(step, { minLength: 1, maxLength: 12 }), (specs, program) => {
        const sources: Store<number>[] = Array.from({ length: SOURCES }, (_, i) => createStore(0, { name: `s${i}` }))
        const nodes: ReadableStore<number>[] = [...sources]
        for (const s of specs) nodes.push(createComputedStore(s.inputs.map((k) => nodes[k]), (...values: number[]) => apply(s.fn, values)))
        interface Watcher {
          node: number
          /** The value this listener last knew: the node's value when it subscribed, then what it was told. */
          last: number
          calls: number
          off: () => void
        }
        const active: Watcher[] = []
        const run = (o: Step) => {
          if (o.kind === 'set') return sources[o.source].setValue(o.value)
          if (o.kind === 'listen') {
            const node = o.node % nodes.length
            const watcher: Watcher = { node, last: nodes[node].getValue(), calls: 0, off: () => {} }
            watcher.off = nodes[node].listen((value, previous) => {
              expect(Object.is(value, previous)).toBe(false)
              expect(value).toBe(nodes[node].getValue())
              watcher.last = value
              watcher.calls++
            })
            active.push(watcher)
            return
          }
          if (o.kind === 'unlisten') {
            if (active.length > 0) active.splice(o.pick % active.length, 1)[0].off()
            return
          }
          batchOf(o.steps, o.throws, run)
        }
        for (const o of program) {
          for (const w of active) w.calls = 0
          run(o)
          const now = evaluate(
            specs,
            sources.map((s) => s.getValue()),
          )
          for (const w of active) {
            expect(w.last).toBe(now[w.node])
            expect(w.calls).toBeLessThanOrEqual(1)
          }
        }
        for (const w of active.splice(0)) w.off()
        expect(nodes.map((n) => n.getListenerCount())).toEqual(nodes.map(() => 0))
      }),
      { numRuns: 800 },
    )
  })

  it('a listener that writes inside a flush gets its own notification round, never a mixed state', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 })), { minLength: 1, maxLength: 10 }), (writes) => {
        const a = createStore(0)
        const b = createStore(0)
        const doubled = createStore(0)
        const sum = createComputedStore([a, b, doubled], (x, y, z) => x + y + z)
        // `doubled` follows `a` through a listener: an ordinary reaction, made while the batch flushes.
        a.listen((v) => doubled.setValue(v * 2))
        const seen: string[] = []
        sum.listen((v) => seen.push(`sum=${v} a=${a.getValue()} b=${b.getValue()} d=${doubled.getValue()}`))
        for (const [x, y] of writes) {
          seen.length = 0
          const before = sum.getValue()
          batch(() => {
            a.setValue(x)
            b.setValue(y)
          })
          // The first round may show `doubled` lagging (the reaction has not run yet) but always both batched writes.
          for (const line of seen) expect(line).toMatch(new RegExp(`^sum=\\d+ a=${x} b=${y} d=\\d+$`))
          expect(sum.getValue()).toBe(3 * x + y)
          if (sum.getValue() !== before) expect(seen[seen.length - 1]).toBe(`sum=${3 * x + y} a=${x} b=${y} d=${2 * x}`)
        }
      }),
      { numRuns: 500 },
    )
  })
})
