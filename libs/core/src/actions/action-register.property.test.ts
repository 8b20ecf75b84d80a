import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ActionRegister } from './action-register'

interface Spec {
  priority: number
  once: boolean
  passes: boolean
  effect: 'none' | 'abort' | 'throw' | 'return'
  awaits: number
  value: boolean
}

const spec = fc.record<Spec>({
  priority: fc.integer({ min: -2, max: 2 }),
  once: fc.boolean(),
  passes: fc.boolean(),
  effect: fc.constantFrom('none', 'none', 'abort', 'throw', 'return'),
  awaits: fc.integer({ min: 0, max: 3 }),
  value: fc.boolean(),
})

/** The reference: sequential, blocking, fail-fast, forward-only. */
function model(specs: Array<Spec & { id: string }>) {
  const order = specs.map((s, i) => ({ s, i })).sort((a, b) => b.s.priority - a.s.priority || a.i - b.i).map(({ s }) => s)
  const calls: string[] = []
  const results: string[] = []
  const outcomes: string[] = []
  const errors: string[] = []
  let aborted = false
  let terminated = false
  let failed = false
  for (const s of order) {
    if (aborted || terminated || failed) {
      outcomes.push(aborted ? 'aborted' : 'skipped')
      continue
    }
    if (!s.passes) {
      outcomes.push('skipped')
      continue
    }
    calls.push(s.id)
    if (s.effect === 'throw') {
      failed = true
      errors.push(s.id)
      outcomes.push('failed')
      continue
    }
    if (s.effect === 'abort') aborted = true
    if (s.effect === 'return') terminated = true
    if (s.value && s.effect !== 'return') results.push(s.id)
    outcomes.push('completed')
  }
  const ran = new Set(calls)
  const remaining = specs.filter((s) => !(s.once && ran.has(s.id)))
  return {
    calls,
    result: {
      success: !failed && !aborted,
      aborted,
      terminated,
      results,
      executed: calls.length,
      skipped: outcomes.filter((o) => o === 'skipped' || o === 'aborted').length,
      failed: errors.length,
      outcomes,
      errors,
    },
    remaining,
  }
}

describe('sequential pipeline against a reference model', () => {
  it('matches call order and ExecutionResult for random handler sets, twice in a row (once handlers removed)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(spec, { maxLength: 8 }), async (raw) => {
        const specs = raw.map((s, i) => ({ ...s, id: `h${i}` }))
        const actions = new ActionRegister<{ go: number }>()
        const calls: string[] = []
        for (const s of specs) {
          actions.register(
            'go',
            async (_, c) => {
              calls.push(s.id)
              for (let k = 0; k < s.awaits; k++) await Promise.resolve()
              if (s.effect === 'throw') throw new Error(s.id)
              if (s.effect === 'abort') c.abort(`abort ${s.id}`)
              if (s.effect === 'return') c.return(s.id)
              return s.value ? s.id : undefined
            },
            { id: s.id, priority: s.priority, once: s.once, condition: () => s.passes },
          )
        }
        let current = specs
        for (let round = 0; round < 2; round++) {
          calls.length = 0
          const expected = model(current)
          const r = await actions.dispatchWithResult('go', 1)
          expect(calls).toEqual(expected.calls)
          expect({
            success: r.success,
            aborted: r.aborted,
            terminated: r.terminated,
            results: r.results,
            executed: r.execution.handlersExecuted,
            skipped: r.execution.handlersSkipped,
            failed: r.execution.handlersFailed,
            outcomes: r.handlers.map((h) => h.outcome),
            errors: r.errors.map((e) => e.handlerId),
          }).toEqual(expected.result)
          if (r.aborted) expect(r.abortReason).toMatch(/^abort h\d+$/)
          current = expected.remaining
          expect(actions.getHandlerCount('go')).toBe(current.length)
        }
      }),
      { numRuns: 300 },
    )
  })
})
