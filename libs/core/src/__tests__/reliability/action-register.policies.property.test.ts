import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ActionRegister, type ConcurrencyPolicy } from '../../index'
import { createClock, drain, watchUnhandledRejections } from './clock'

// Overlapping dispatches of one action under each concurrency policy, with external aborts at random
// times, `once` handlers and failing / aborting handlers. Handlers sleep on a virtual clock and honour
// their signal (as a fetch would). A discrete-event model of the policy predicts every call and result.

interface HSpec {
  delay: number
  effect: 'none' | 'throw' | 'abort'
  once: boolean
}
interface DSpec {
  gap: number
  abortAfter: number | null
}
type H = HSpec & { id: string }

const SUPERSEDED = 'Superseded by a newer dispatch'
const SIGNAL = 'Action dispatch aborted by signal'
const DROPPED = 'Dropped: "go" is already running'

interface Outcome {
  success: boolean
  aborted: boolean
  abortReason: string | undefined
  outcomes: string[]
  errors: string[]
}

type Ext = { time: number; kind: 'arrive' | 'abort'; k: number }

/** External events in the order both the test and the model fire them: by time, aborts before arrivals, by dispatch. */
function externals(dispatches: DSpec[]): Ext[] {
  const list: Ext[] = []
  let t = 0
  dispatches.forEach((d, k) => {
    t += d.gap
    list.push({ time: t + 0.5, kind: 'arrive', k })
    if (d.abortAfter !== null) list.push({ time: t + 0.5 + d.abortAfter + 0.25, kind: 'abort', k })
  })
  return list.sort((a, b) => a.time - b.time || (a.kind === b.kind ? a.k - b.k : a.kind === 'abort' ? -1 : 1))
}

function model(policy: ConcurrencyPolicy, handlers: H[], dispatches: DSpec[]) {
  type D = {
    state: 'new' | 'queued' | 'running' | 'done'
    signalled: boolean
    snapshot: Array<{ h: H; reg: { active: boolean } }>
    live: number
    aborted: boolean
    reason: string | undefined
    errors: string[]
    outcomes: string[]
    result?: Outcome
  }
  const regs = handlers.map((h) => ({ h, reg: { active: true } }))
  const ds: D[] = dispatches.map(() => ({ state: 'new', signalled: false, snapshot: [], live: -1, aborted: false, reason: undefined, errors: [], outcomes: [] }))
  const calls: string[] = []
  const queue: number[] = []
  let sleepers: Array<{ at: number; key: string; k: number; i: number }> = []
  let now = 0
  const early = (d: D, result: Outcome) => {
    d.state = 'done'
    d.result = result
  }
  const done = (k: number, result?: Outcome) => {
    const d = ds[k]
    d.state = 'done'
    d.result = result ?? { success: d.errors.length === 0 && !d.aborted, aborted: d.aborted, abortReason: d.reason, outcomes: d.outcomes, errors: d.errors }
    if (policy === 'queue' && queue.length > 0) begin(queue.shift()!)
  }
  const advance = (k: number, from: number) => {
    const d = ds[k]
    let i = from
    for (; i < d.snapshot.length && !d.aborted && d.errors.length === 0; i++) {
      const { h, reg } = d.snapshot[i]
      if (!reg.active) continue
      if (h.once) reg.active = false
      calls.push(`d${k}:${h.id}`)
      sleepers.push({ at: now + h.delay, key: `d${k}:${h.id}`, k, i })
      d.live = i
      return
    }
    for (; i < d.snapshot.length; i++) d.outcomes[i] = d.aborted ? 'aborted' : 'skipped'
    done(k)
  }
  const active = () => regs.filter((r) => r.reg.active)
  const noHandlers: Outcome = { success: true, aborted: false, abortReason: undefined, outcomes: [], errors: [] }
  const begin = (k: number) => {
    const d = ds[k]
    if (d.signalled) return done(k, { success: false, aborted: true, abortReason: SIGNAL, outcomes: [], errors: [] })
    d.snapshot = active()
    if (d.snapshot.length === 0) return done(k, noHandlers)
    d.state = 'running'
    d.outcomes = d.snapshot.map(() => 'skipped')
    advance(k, 0)
  }
  const abortRunning = (k: number, reason: string) => {
    const d = ds[k]
    d.aborted = true
    d.reason = reason
    sleepers = sleepers.filter((s) => s.k !== k)
    d.outcomes[d.live] = 'aborted'
    advance(k, d.live + 1)
  }
  const running = () => ds.map((d, k) => (d.state === 'running' ? k : -1)).filter((k) => k >= 0)
  const arrive = (k: number) => {
    const d = ds[k]
    if (active().length === 0) return early(d, noHandlers)
    if (policy === 'takeFirst' && running().length > 0) return early(d, { success: false, aborted: true, abortReason: DROPPED, outcomes: [], errors: [] })
    if (policy === 'takeLatest') for (const r of running()) abortRunning(r, SUPERSEDED)
    if (policy === 'queue' && (running().length > 0 || queue.length > 0)) {
      d.state = 'queued'
      queue.push(k)
      return
    }
    begin(k)
  }
  const ext = externals(dispatches)
  while (ext.length > 0 || sleepers.length > 0) {
    const next = sleepers.reduce<(typeof sleepers)[number] | undefined>((b, s) => (b === undefined || s.at < b.at || (s.at === b.at && s.key < b.key) ? s : b), undefined)
    if (ext.length > 0 && (next === undefined || ext[0].time <= next.at)) {
      const e = ext.shift()!
      now = Math.max(now, e.time)
      const d = ds[e.k]
      if (e.kind === 'arrive') arrive(e.k)
      else if (d.state === 'running') abortRunning(e.k, SIGNAL)
      else if (d.state === 'queued') d.signalled = true
    } else {
      sleepers = sleepers.filter((s) => s !== next)
      now = Math.max(now, next!.at)
      const d = ds[next!.k]
      const { h } = d.snapshot[next!.i]
      if (h.effect === 'throw') {
        d.outcomes[next!.i] = 'failed'
        d.errors.push(h.id)
      } else {
        d.outcomes[next!.i] = 'completed'
        if (h.effect === 'abort') {
          d.aborted = true
          d.reason = `abort ${h.id}`
        }
      }
      advance(next!.k, next!.i + 1)
    }
  }
  return { calls, results: ds.map((d) => d.result!), remaining: regs.filter((r) => r.reg.active).length }
}

const hSpec = fc.record<HSpec>({
  delay: fc.integer({ min: 0, max: 3 }),
  effect: fc.constantFrom<HSpec['effect']>('none', 'none', 'none', 'throw', 'abort'),
  once: fc.boolean(),
})
const dSpec = fc.record<DSpec>({ gap: fc.integer({ min: 0, max: 4 }), abortAfter: fc.option(fc.integer({ min: 0, max: 5 }), { freq: 3 }) })

const rejections = watchUnhandledRejections()
beforeAll(rejections.install)
afterAll(rejections.uninstall)

describe('ActionRegister concurrency policies against a reference model (property)', () => {
  for (const policy of ['parallel', 'takeLatest', 'takeFirst', 'queue'] as const) {
    it(`${policy}: overlapping dispatches with external aborts give the modelled calls and results`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(hSpec, { minLength: 1, maxLength: 3 }),
          fc.array(dSpec, { minLength: 1, maxLength: 5 }),
          fc.constantFrom('register', 'dispatch', 'default'),
          async (rawHandlers, dispatches, where) => {
            const handlers: H[] = rawHandlers.map((h, i) => ({ ...h, id: `h${i}` }))
            const clock = createClock()
            const actions = new ActionRegister<{ go: number }>(where === 'default' ? { registry: { defaultConcurrency: policy } } : {})
            if (where === 'register') actions.setActionConcurrency('go', policy)
            const calls: string[] = []
            handlers.forEach((h, i) =>
              actions.register(
                'go',
                async (k, { signal, abort }) => {
                  calls.push(`d${k}:${h.id}`)
                  await clock.sleep(h.delay, `d${k}:${h.id}`, signal)
                  if (h.effect === 'throw') throw new Error(h.id)
                  if (h.effect === 'abort') abort(`abort ${h.id}`)
                },
                { id: h.id, priority: 10 - i, once: h.once },
              ),
            )
            const controllers = dispatches.map((d) => (d.abortAfter === null ? null : new AbortController()))
            const results: Array<Promise<Outcome>> = []
            const events = externals(dispatches)
            while (events.length > 0 || clock.size > 0) {
              if (events.length > 0 && events[0].time <= clock.next()) {
                const e = events.shift()!
                clock.advanceTo(e.time)
                if (e.kind === 'abort') controllers[e.k]!.abort()
                else {
                  const signal = controllers[e.k]?.signal
                  const options = { ...(where === 'dispatch' ? { concurrency: policy } : {}), ...(signal ? { signal } : {}) }
                  results[e.k] = actions.dispatchWithResult('go', e.k, options).then((r) => ({
                    success: r.success,
                    aborted: r.aborted,
                    abortReason: r.abortReason,
                    outcomes: r.handlers.map((x) => x.outcome),
                    errors: r.errors.map((x) => x.handlerId),
                  }))
                }
              } else clock.release()
              await drain()
            }
            const expected = model(policy, handlers, dispatches)
            expect({ calls, results: await Promise.all(results), remaining: actions.getHandlerCount('go') }).toEqual(expected)
            const status = actions.getActionStatus('go').getValue()
            expect([status.running, status.pending]).toEqual([0, false])
            expect(rejections.seen).toEqual([])
          },
        ),
        { numRuns: 300 },
      )
    }, 60_000)
  }
})
