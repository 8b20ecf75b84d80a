import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createCache } from '../../index'
import { drain } from './clock'

// `cache.test.ts` randomises select / load / invalidate / settle and checks the end state. This model-based
// test adds `set`, `deselect` and `invalidateAll`, settles requests in random order with random failures,
// and checks after EVERY step: `current` equals the selected key's entry, statuses, the exact list of
// requests made, and that no key ever has two live requests.

type Command =
  | { kind: 'select' | 'load' | 'invalidate'; key: string }
  | { kind: 'set'; key: string }
  | { kind: 'deselect' | 'invalidateAll' }
  | { kind: 'settle'; pick: number; ok: boolean }

const KEYS = ['a', 'b', 'c']
const key = fc.constantFrom(...KEYS)
const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('select' as const, 'load' as const), key }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('invalidate' as const, 'set' as const), key }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('deselect' as const, 'invalidateAll' as const) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('settle' as const), pick: fc.nat(), ok: fc.boolean() }) },
)

interface Call {
  n: number
  key: string
  signal: AbortSignal
  resolve: (v: string) => void
  reject: (e: unknown) => void
}

describe('createCache against a model (property)', () => {
  it('current always shows the selected key’s entry; one live request per key; requests, entries and statuses match the model', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 40 }), async (commands) => {
        const calls: Call[] = []
        const cache = createCache<string, string>({
          name: 'users',
          fetch: (k, { signal }) => new Promise<string>((resolve, reject) => calls.push({ n: calls.length + 1, key: k, signal, resolve, reject })),
        })
        // The model: entries, the request each key is waiting for, statuses, the selection, requests made.
        const entries = new Map<string, string>()
        const inflight = new Map<string, number>()
        const status = new Map<string, string>()
        const requested: string[] = []
        let selected: string | undefined
        let pending: number[] = []
        // Requests `set` superseded: still running until they settle, or until invalidate/dispose aborts them.
        const superseded = new Set<number>()

        const wrong: string[] = []
        cache.current.subscribe((v) => {
          const sel = cache.selected.getValue()
          const want = sel === undefined ? undefined : cache.get(sel)
          if (v !== want) wrong.push(`${String(v)} while ${String(sel)} holds ${String(want)}`)
        })
        const lookup = (k: string) => {
          if (entries.has(k) || inflight.has(k)) return
          requested.push(k)
          const n = requested.length
          inflight.set(k, n)
          pending.push(n)
          status.set(k, 'loading')
        }
        const abort = (k: string) => {
          for (const m of [...superseded]) {
            if (calls[m - 1].key !== k) continue
            superseded.delete(m)
            pending = pending.filter((p) => p !== m)
          }
          const n = inflight.get(k)
          if (n === undefined) return
          inflight.delete(k)
          pending = pending.filter((p) => p !== n)
          status.delete(k)
        }

        for (const [step, c] of commands.entries()) {
          if (c.kind === 'select') {
            selected = c.key
            lookup(c.key)
            cache.select(c.key)
          } else if (c.kind === 'load') {
            lookup(c.key)
            cache.load(c.key).catch(() => {})
          } else if (c.kind === 'set') {
            if (inflight.has(c.key)) superseded.add(inflight.get(c.key)!)
            inflight.delete(c.key)
            entries.set(c.key, `${c.key}!${step}`)
            status.delete(c.key)
            cache.set(c.key, `${c.key}!${step}`)
          } else if (c.kind === 'invalidate') {
            abort(c.key)
            entries.delete(c.key)
            cache.invalidate(c.key)
          } else if (c.kind === 'invalidateAll') {
            for (const k of new Set([...inflight.keys(), ...[...superseded].map((m) => calls[m - 1].key)])) abort(k)
            entries.clear()
            cache.invalidateAll()
          } else if (c.kind === 'deselect') {
            selected = undefined
            cache.deselect()
          } else if (c.kind === 'settle' && pending.length > 0) {
            const n = pending.splice(c.pick % pending.length, 1)[0]
            const call = calls[n - 1]
            superseded.delete(n)
            // A response only counts while it is still the request its key waits for (not superseded by `set`).
            if (inflight.get(call.key) === n) {
              inflight.delete(call.key)
              if (c.ok) {
                entries.set(call.key, `${call.key}@${n}`)
                status.delete(call.key)
              } else status.set(call.key, 'error')
            }
            if (c.ok) call.resolve(`${call.key}@${n}`)
            else call.reject(new Error(`fetch ${call.key} failed`))
            await drain()
          }
          const live = calls.filter((x) => !x.signal.aborted && pending.includes(x.n) && !superseded.has(x.n)).map((x) => x.key)
          expect(new Set(live).size).toBe(live.length)
          expect({
            requested: calls.map((x) => x.key),
            aborted: calls.filter((x) => x.signal.aborted).length,
            entries: Object.fromEntries(KEYS.filter((k) => cache.get(k) !== undefined).map((k) => [k, cache.get(k)])),
            statuses: Object.fromEntries(KEYS.filter((k) => cache.status(k).state !== 'idle').map((k) => [k, cache.status(k).state])),
            selected: cache.selected.getValue(),
            current: cache.current.getValue(),
          }).toEqual({
            requested,
            aborted: requested.length - pending.length - calls.filter((x) => !x.signal.aborted && !pending.includes(x.n)).length,
            entries: Object.fromEntries(KEYS.filter((k) => entries.has(k)).map((k) => [k, entries.get(k)])),
            statuses: Object.fromEntries(KEYS.filter((k) => status.has(k)).map((k) => [k, status.get(k)])),
            selected,
            current: selected === undefined ? undefined : entries.get(selected),
          })
        }
        expect(wrong).toEqual([])
        cache.dispose()
        // dispose aborts every request still running, including those `set` took the key away from.
        expect(pending.every((n) => calls[n - 1].signal.aborted)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  // `set` takes the key away from a running request; a later `invalidate` (or `invalidateAll`, `dispose`) still aborts it.
  it('a request superseded by set is aborted by invalidate, so a key never has two live requests', async () => {
    const calls: Array<{ key: string; signal: AbortSignal }> = []
    const cache = createCache<string, string>({ fetch: (key, { signal }) => new Promise<string>(() => calls.push({ key, signal })) })
    cache.select('c')
    cache.set('c', 'edited')
    cache.invalidate('c')
    cache.select('c')
    expect(calls.map((c) => [c.key, c.signal.aborted])).toEqual([
      ['c', true],
      ['c', false],
    ])
  })
})
