import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ActionRegister, type ExecutionMode } from '../../index'
import { createClock, drain, watchUnhandledRejections } from './clock'

// Random handler sets run in each execution mode, twice (so `once` handlers are gone in round two), and
// compared with a reference model that simulates the same virtual clock. Handlers ignore their signal
// here, so a handler that has started always runs to its end; the policy test covers signal-aware ones.

type Effect = 'none' | 'abort' | 'throw' | 'return' | 'nested'
interface Spec {
  priority: number
  once: boolean
  passes: boolean
  effect: Effect
  delay: number
  value: boolean
}
type H = Spec & { id: string }

const spec = fc.record<Spec>({
  priority: fc.integer({ min: -2, max: 2 }),
  once: fc.boolean(),
  passes: fc.boolean(),
  effect: fc.constantFrom<Effect>('none', 'none', 'abort', 'throw', 'return', 'nested'),
  delay: fc.integer({ min: 0, max: 3 }),
  value: fc.boolean(),
})

// A nested dispatch is awaited before the handler sleeps, so it needs a sleep to stay ordered by the clock.
const delayOf = (h: H): number => (h.effect === 'nested' ? Math.max(1, h.delay) : h.delay)

interface Observed {
  calls: string[]
  success: boolean
  aborted: boolean
  abortReason: string | undefined
  terminated: boolean
  results: string[]
  result: unknown
  executed: number
  skipped: number
  failed: number
  outcomes: string[]
  errors: string[]
}

/** The reference: what each mode does with these handlers, event by event on the virtual clock. */
function model(mode: ExecutionMode, handlers: H[]): Observed & { started: Set<string> } {
  const order = handlers.map((h, i) => ({ h, i })).sort((a, b) => b.h.priority - a.h.priority || a.i - b.i).map(({ h }) => h)
  const n = order.length
  const calls: string[] = []
  const outcomes: string[] = Array(n).fill('skipped')
  const visited: boolean[] = Array(n).fill(false)
  const results: Array<{ key: number; v: string }> = []
  const errors: Array<{ key: number; id: string }> = []
  const live = new Set<number>()
  const cancelled = new Set<number>()
  const settled = new Set<number>()
  const returned = new Set<number>()
  const started = new Set<string>()
  let aborted = false
  let abortReason: string | undefined
  let terminated = false
  let returnValue: string | undefined
  let failed = 0
  let executed = 0
  let skipped = 0
  let closed = false
  const keyOf = (i: number) => (mode === 'parallel' ? i : 0)
  const insert = <T extends { key: number }>(list: T[], item: T) => {
    let at = list.length
    while (at > 0 && list[at - 1].key > item.key) at--
    list.splice(at, 0, item)
  }
  const abort = (reason: string) => {
    if (closed) return
    aborted = true
    abortReason = reason
    for (const i of live) cancelled.add(i)
  }
  const start = (i: number): boolean => {
    visited[i] = true
    if (!order[i].passes) {
      skipped++
      outcomes[i] = 'skipped'
      return false
    }
    executed++
    live.add(i)
    started.add(order[i].id)
    calls.push(order[i].id)
    if (order[i].effect === 'nested') calls.push(`inner<-${order[i].id}`)
    return true
  }
  // What the handler does after its sleep (or at once when it does not sleep).
  const act = (i: number) => {
    const h = order[i]
    if (h.effect === 'abort') abort(`abort ${h.id}`)
    if (h.effect === 'return' && !closed) {
      terminated = true
      returnValue = h.id
      returned.add(i)
    }
  }
  const finish = (i: number) => {
    live.delete(i)
    if (settled.has(i)) return
    settled.add(i)
    const h = order[i]
    if (h.effect === 'throw' && cancelled.has(i)) outcomes[i] = 'aborted'
    else if (h.effect === 'throw') {
      failed++
      insert(errors, { key: keyOf(i), id: h.id })
      outcomes[i] = 'failed'
    } else {
      if (h.value && !returned.has(i) && !closed) insert(results, { key: keyOf(i), v: h.id })
      outcomes[i] = 'completed'
    }
    if (mode === 'race') close()
  }
  const close = () => {
    if (closed) return
    closed = true
    for (const i of live) {
      settled.add(i)
      outcomes[i] = 'aborted'
    }
    for (let i = 0; i < n; i++) {
      if (!visited[i]) {
        skipped++
        outcomes[i] = aborted ? 'aborted' : 'skipped'
      }
    }
  }
  if (mode === 'sequential') {
    for (let i = 0; i < n && !aborted && !terminated && failed === 0; i++) {
      if (!start(i)) continue
      act(i)
      finish(i)
    }
    close()
  } else {
    const immediate: number[] = []
    const timed: number[] = []
    for (let i = 0; i < n && !aborted && !terminated && (mode === 'parallel' || failed === 0); i++) {
      if (!start(i)) continue
      if (delayOf(order[i]) === 0) {
        act(i)
        immediate.push(i)
      } else timed.push(i)
    }
    if (mode === 'race' && live.size === 0) close()
    // Handlers that did not sleep settle first, in start order; sleepers wake by (time, id).
    for (const i of immediate) finish(i)
    timed.sort((a, b) => delayOf(order[a]) - delayOf(order[b]) || (order[a].id < order[b].id ? -1 : 1))
    for (const i of timed) {
      act(i)
      finish(i)
    }
    close()
  }
  const resultList = results.map((r) => r.v)
  return {
    calls,
    started,
    success: failed === 0 && !aborted,
    aborted,
    abortReason,
    terminated,
    results: resultList,
    result: terminated && returnValue !== undefined ? returnValue : resultList.length > 0 ? resultList : undefined,
    executed,
    skipped,
    failed,
    outcomes,
    errors: errors.map((e) => e.id),
  }
}

const observable = ({ started: _, ...rest }: Observed & { started: Set<string> }): Observed => rest

const rejections = watchUnhandledRejections()
beforeAll(rejections.install)
afterAll(rejections.uninstall)

describe('ActionRegister execution modes against a reference model (property)', () => {
  for (const mode of ['sequential', 'parallel', 'race'] as const) {
    it(`${mode}: call order, ExecutionResult, status and once-removal match the model, with no unhandled rejection`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(spec, { maxLength: 7 }), fc.boolean(), async (raw, perDispatch) => {
          const handlers: H[] = raw.map((s, i) => ({ ...s, id: `h${i}` }))
          const clock = createClock()
          const actions = new ActionRegister<{ go: number; inner: void }>({ name: 'prop' })
          if (!perDispatch) actions.setActionExecutionMode('go', mode)
          const calls: string[] = []
          actions.register('inner', (_, c) => void calls.push(`inner<-${c.getPayload()}`))
          for (const h of handlers) {
            actions.register(
              'go',
              async (_, c) => {
                calls.push(h.id)
                if (h.effect === 'nested') await actions.dispatch('inner', h.id as never)
                const delay = delayOf(h)
                if (delay > 0) await clock.sleep(delay, h.id)
                if (h.effect === 'throw') throw new Error(h.id)
                if (h.effect === 'abort') c.abort(`abort ${h.id}`)
                if (h.effect === 'return') c.return(h.id)
                return h.value ? h.id : undefined
              },
              { id: h.id, priority: h.priority, once: h.once, condition: (payload) => payload === 1 && h.passes },
            )
          }
          const status = actions.getActionStatus('go')
          let current = handlers
          let lastError: string | undefined
          let lastAbortReason: string | undefined
          for (let round = 0; round < 2; round++) {
            calls.length = 0
            const expected = model(mode, current)
            let settled = false
            const running = actions
              .dispatchWithResult('go', 1, { result: { collect: true }, ...(perDispatch ? { executionMode: mode } : {}) })
              .finally(() => (settled = true))
            await drain()
            while (!settled || clock.size > 0) {
              clock.release()
              await drain()
            }
            const r = await running
            expect({
              calls,
              success: r.success,
              aborted: r.aborted,
              abortReason: r.abortReason,
              terminated: r.terminated,
              results: r.results,
              result: r.result,
              executed: r.execution.handlersExecuted,
              skipped: r.execution.handlersSkipped,
              failed: r.execution.handlersFailed,
              outcomes: r.handlers.map((x) => x.outcome),
              errors: r.errors.map((e) => e.handlerId),
            }).toEqual(observable(expected))
            // A dispatch that finds no handler ends before it runs, and the status keeps what it had.
            if (current.length > 0) {
              if (expected.failed > 0) lastError = expected.errors[0]
              else if (expected.success) lastError = undefined
              if (expected.aborted) lastAbortReason = expected.abortReason
              else if (expected.success) lastAbortReason = undefined
            }
            const s = status.getValue()
            expect([s.running, s.pending, (s.lastError as Error | undefined)?.message, s.lastAbortReason]).toEqual([0, false, lastError, lastAbortReason])
            current = current.filter((h) => !(h.once && expected.started.has(h.id)))
            expect([actions.getHandlerCount('go'), actions.getHandlerCount('inner')]).toEqual([current.length, 1])
          }
          expect(rejections.seen).toEqual([])
        }),
        { numRuns: 300 },
      )
    }, 60_000)
  }
})
