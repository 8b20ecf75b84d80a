import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { batch, createComputedStore, createStore, type ReadableStore, type Store } from '../../index'
import { likeDerived } from '../svelte-like'

// Random DAGs of computed stores over a few sources, every node subscribed with `subscribe(run, invalidate)` (some
// without an invalidate), driven by random writes and nested batches (some throwing). The protocol: per change,
// every invalidate runs before any run; exactly the changed nodes' subscribers run, once; an invalidated subscriber
// always gets its run. A Svelte-style derived over two random nodes only ever shows the final state.

type Op = { kind: 'set'; source: number; value: number } | { kind: 'batch'; throws: boolean; ops: Op[] }
interface NodeSpec {
  inputs: number[]
  fn: 'sum' | 'mod'
}

const SOURCES = 3
const setOp = fc.record({ kind: fc.constant('set' as const), source: fc.nat(SOURCES - 1), value: fc.integer({ min: 0, max: 3 }) })
const { op } = fc.letrec<{ op: Op }>((tie) => ({
  op: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 3, arbitrary: setOp },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant('batch' as const), throws: fc.boolean(), ops: fc.array(tie('op'), { maxLength: 4 }) }) },
  ),
}))
const graph = fc
  .array(fc.record({ picks: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }), fn: fc.constantFrom<NodeSpec['fn']>('sum', 'mod') }), { minLength: 1, maxLength: 6 })
  .map((raw) => raw.map(({ picks, fn }, i): NodeSpec => ({ inputs: [...new Set(picks.map((p) => p % (SOURCES + i)))], fn })))

const apply = (fn: NodeSpec['fn'], values: number[]) => values.reduce((a, b) => a + b, 0) % (fn === 'mod' ? 3 : 1000)

function evaluate(specs: NodeSpec[], sources: number[]): number[] {
  const values = [...sources]
  for (const s of specs) values.push(apply(s.fn, s.inputs.map((i) => values[i])))
  return values
}

class Boom extends Error {}

describe('subscribe(run, invalidate) over random graphs (property)', () => {
  it('invalidates before running, runs exactly the changed nodes once, and keeps a Svelte-style derived glitch-free', () => {
    fc.assert(
      fc.property(graph, fc.array(op, { minLength: 1, maxLength: 10 }), fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), fc.nat(), fc.nat(), (specs, program, withInvalidate, p, q) => {
        const sources: Store<number>[] = Array.from({ length: SOURCES }, () => createStore(0))
        const nodes: ReadableStore<number>[] = [...sources]
        for (const s of specs) nodes.push(createComputedStore(s.inputs.map((k) => nodes[k]), (...values: number[]) => apply(s.fn, values)))
        const log: Array<{ kind: 'inv' | 'run'; node: number; value?: number }> = []
        const offs = nodes.map((n, k) =>
          withInvalidate[k % withInvalidate.length]
            ? n.subscribe(
                (value) => log.push({ kind: 'run', node: k, value }),
                () => log.push({ kind: 'inv', node: k }),
              )
            : n.subscribe((value) => log.push({ kind: 'run', node: k, value })),
        )
        const [x, y] = [p % nodes.length, q % nodes.length]
        const derived: string[] = []
        const offDerived = likeDerived([nodes[x], nodes[y]], ([a, b]) => `${a}:${b}`).subscribe((v) => derived.push(v))

        const run = (o: Op): void => {
          if (o.kind === 'set') return sources[o.source].setValue(o.value)
          try {
            batch(() => {
              o.ops.forEach(run)
              if (o.throws) throw new Boom()
            })
          } catch (e) {
            if (!(e instanceof Boom)) throw e
          }
        }
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
          log.length = 0
          derived.length = 0
          run(o)
          const changed = after.map((_, k) => k).filter((k) => before[k] !== after[k])
          const firstRun = log.findIndex((e) => e.kind === 'run')
          const invs = log.filter((e) => e.kind === 'inv').map((e) => e.node)
          const runs = log.filter((e) => e.kind === 'run')
          // Every invalidate before any run; exactly the changed nodes run, once, with their final value.
          expect(log.slice(firstRun === -1 ? log.length : firstRun).some((e) => e.kind === 'inv')).toBe(false)
          expect(runs.map((e) => [e.node, e.value]).sort((a, b) => a[0]! - b[0]!)).toEqual(changed.map((k) => [k, after[k]]))
          expect(invs.sort((a, b) => a - b)).toEqual(changed.filter((k) => withInvalidate[k % withInvalidate.length]))
          // The derived recomputes once, with both inputs final, when either changed.
          expect(derived).toEqual(before[x] !== after[x] || before[y] !== after[y] ? [`${after[x]}:${after[y]}`] : [])
        }
        offDerived()
        for (const off of offs) off()
        expect(nodes.map((n) => n.getListenerCount())).toEqual(nodes.map(() => 0))
      }),
      { numRuns: 500 },
    )
  })
})
