import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { ActionRegister, batch, createComputedStore, createStore, fromReadable, transaction } from '../../index'
import { likeWritable } from '../svelte-like'

// `gc` without a command-line flag: the flag is turned on at run time and a fresh context exposes `gc`.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

function heapAfterGc(): number {
  for (let i = 0; i < 3; i++) gc()
  return process.memoryUsage().heapUsed
}

const CYCLES = 100_000
// Transactions and dispatches are heavier per cycle; fewer cycles still hold any per-cycle leak to a visible size.
const HEAVY_CYCLES = 30_000
const MB = 1024 * 1024
/** Figures printed for RELIABILITY.md. */
const report = (label: string, before: number, after: number) =>
  console.info(`[reliability] ${label}: heapUsed ${(before / MB).toFixed(2)} MB -> ${(after / MB).toFixed(2)} MB (${((after - before) / 1024).toFixed(0)} KB)`)

/**
 * The heap's growth over `HEAVY_CYCLES` awaited cycles, after 5,000 more as a warm-up (JIT, hidden classes); each cycle
 * gets its own index. Printed as `label`.
 */
async function growthOverAsyncCycles(label: string, cycle: (i: number) => Promise<void>): Promise<number> {
  for (let i = 0; i < 5_000; i++) await cycle(i)
  const before = heapAfterGc()
  for (let i = 5_000; i < 5_000 + HEAVY_CYCLES; i++) await cycle(i)
  const after = heapAfterGc()
  report(label, before, after)
  return after - before
}

describe('heap stays flat across subscribe / unsubscribe cycles', () => {
  it(`${CYCLES.toLocaleString('en')} subscribe/listen cycles on a store and a computed graph grow the heap by < 2 MB`, () => {
    const a = createStore(0)
    const b = createStore(0)
    const sum = createComputedStore([a, b], (x, y) => x + y)
    const doubled = createComputedStore([sum], (s) => s * 2)
    const cycle = (i: number) => {
      const off1 = a.subscribe(() => {})
      const off2 = doubled.subscribe(() => {})
      const off3 = sum.listen(() => {})
      batch(() => {
        a.setValue(i)
        b.setValue(-i)
      })
      a.setValue(i + 1)
      off3()
      off2()
      off1()
    }
    for (let i = 0; i < 5_000; i++) cycle(i) // warm-up: JIT, hidden classes
    const before = heapAfterGc()
    for (let i = 0; i < CYCLES; i++) cycle(i)
    const after = heapAfterGc()
    report('store + computed subscribe/unsubscribe', before, after)
    expect([a, b, sum, doubled].map((s) => s.getListenerCount())).toEqual([0, 0, 0, 0])
    expect(after - before).toBeLessThan(2 * MB)
  })

  it(`${CYCLES.toLocaleString('en')} cycles of subscribe(run, invalidate) and of a computed store over a foreign store grow the heap by < 2 MB`, () => {
    const a = createStore(0)
    const inner = likeWritable(0)
    let subscribers = 0
    const foreign = {
      set: inner.set,
      subscribe(run: (value: number) => void, invalidate?: () => void) {
        subscribers++
        const off = inner.subscribe(run, invalidate)
        return () => {
          subscribers--
          off()
        }
      },
    }
    const sum = createComputedStore([a, foreign], (x, y) => x + y)
    const text = fromReadable(foreign)
    const cycle = (i: number) => {
      const off1 = a.subscribe(
        () => {},
        () => {},
      )
      const off2 = sum.subscribe(
        () => {},
        () => {},
      )
      const off3 = text.listen(() => {})
      a.setValue(i)
      foreign.set(i)
      off3()
      off2()
      off1()
    }
    for (let i = 0; i < 5_000; i++) cycle(i)
    const before = heapAfterGc()
    for (let i = 0; i < CYCLES; i++) cycle(i)
    const after = heapAfterGc()
    report('subscribe(run, invalidate) and foreign inputs', before, after)
    expect([a, sum, text].map((s) => s.getListenerCount())).toEqual([0, 0, 0])
    expect(subscribers).toBe(0)
    expect(after - before).toBeLessThan(2 * MB)
  })

  it('pending transactions ended by their signal or timeout keep no log: later writes are not retained', async () => {
    const a = createStore('')
    const controller = new AbortController()
    const pending = Array.from({ length: 100 }, () =>
      transaction([a], async (a) => {
        a.setValue('x')
        await new Promise(() => {})
      }, { signal: controller.signal }).catch(() => 'ended'),
    )
    controller.abort()
    expect(await Promise.all(pending)).toEqual(pending.map(() => 'ended'))
    const write = (i: number) => a.setValue(String(i).padStart(1_000, '0'))
    for (let i = 0; i < 1_000; i++) write(i)
    const before = heapAfterGc()
    for (let i = 0; i < HEAVY_CYCLES; i++) write(i)
    const after = heapAfterGc()
    report('writes after aborted transactions', before, after)
    expect(after - before).toBeLessThan(2 * MB)
  })

  it(`${HEAVY_CYCLES.toLocaleString('en')} transactions (sync, committed and rolled back) leave no log behind`, () => {
    const a = createStore(0)
    const b = createStore('')
    const off = a.listen(() => {})
    const cycle = (i: number) => {
      transaction([a, b], (a, b) => {
        a.update((n) => n + 1)
        b.setValue(String(i))
      })
      try {
        transaction([a], (a) => {
          a.update((n) => n + 1)
          throw new Error('rollback')
        })
      } catch {
        // rolled back
      }
    }
    for (let i = 0; i < 5_000; i++) cycle(i)
    const before = heapAfterGc()
    for (let i = 0; i < HEAVY_CYCLES; i++) cycle(i)
    const after = heapAfterGc()
    report('transactions', before, after)
    off()
    expect(a.getValue()).toBe(5_000 + HEAVY_CYCLES)
    expect(after - before).toBeLessThan(2 * MB)
  })

  it(`${HEAVY_CYCLES.toLocaleString('en')} register/dispatch/unregister cycles grow the heap by < 2 MB`, async () => {
    const actions = new ActionRegister<{ go: number }>()
    const status = actions.getActionStatus('go')
    const offStatus = status.subscribe(() => {})
    const cycle = async (i: number) => {
      const off = actions.register('go', (n) => n + 1, { id: `h${i % 7}` })
      await actions.dispatch('go', i)
      off()
    }
    const growth = await growthOverAsyncCycles('register/dispatch/unregister', cycle)
    offStatus()
    expect([actions.getRegistryInfo().totalHandlers, status.getListenerCount()]).toEqual([0, 0])
    expect(growth).toBeLessThan(2 * MB)
  }, 60_000)

  it(`${HEAVY_CYCLES.toLocaleString('en')} actions with their own names, each registered, dispatched and removed, grow the heap by < 2 MB`, async () => {
    // Per-action bookkeeping (concurrency lanes, running counts) must go with the action's last handler.
    // Execution stats outlive handlers by design (upstream API), so each cycle clears its own.
    const actions = new ActionRegister<Record<string, number>>()
    const cycle = async (i: number) => {
      const action = `item/${i}`
      const off = actions.register(action, async (n) => n + 1)
      const remove = i % 2 === 0 ? off : () => actions.clearAction(action)
      // The last handler goes after its dispatch ended, or while it runs.
      const running = actions.dispatch(action, i)
      if (i % 4 >= 2) remove()
      await running
      if (i % 4 < 2) remove()
      actions.clearActionExecutionStats(action)
    }
    const growth = await growthOverAsyncCycles('dynamic action names', cycle)
    expect(actions.getRegisteredActions()).toEqual([])
    expect(growth).toBeLessThan(2 * MB)
  }, 60_000)

  it(`${HEAVY_CYCLES.toLocaleString('en')} actions with their own names, each dispatched and removed by clearAll, grow the heap by < 2 MB`, async () => {
    const actions = new ActionRegister<Record<string, number>>()
    const cycle = async (i: number) => {
      const action = `item/${i}`
      actions.register(action, async (n) => n + 1)
      // clearAll while the dispatch runs, or after it ended.
      const running = actions.dispatch(action, i)
      if (i % 2 === 0) actions.clearAll()
      await running
      if (i % 2 === 1) actions.clearAll()
      actions.clearActionExecutionStats(action)
    }
    const growth = await growthOverAsyncCycles('dynamic action names, clearAll', cycle)
    expect(actions.getRegisteredActions()).toEqual([])
    expect(growth).toBeLessThan(2 * MB)
  }, 60_000)
})

describe('the register returns to its start state (public introspection only)', () => {
  const snapshot = (actions: ActionRegister<{ a: number; b: void }>) => ({
    info: (({ actionExecutionModes: _, ...rest }) => rest)(actions.getRegistryInfo()),
    actions: actions.getRegisteredActions(),
    counts: [actions.getHandlerCount('a'), actions.getHandlerCount('b')],
    has: [actions.hasHandlers('a'), actions.hasHandlers('b')],
    status: [actions.getActionStatus('a').getValue(), actions.getActionStatus('b').getValue()].map((s) => [s.running, s.pending]),
    listeners: [actions.getActionStatus('a').getListenerCount(), actions.getActionStatus('b').getListenerCount()],
  })

  it('after 10,000 register/unregister cycles, with replaced ids, once handlers and clearAction', async () => {
    const actions = new ActionRegister<{ a: number; b: void }>({ name: 'cycles' })
    const start = snapshot(actions)
    for (let i = 0; i < 10_000; i++) {
      const offs = [
        actions.register('a', () => {}, { priority: i % 5 }),
        actions.register('a', () => {}, { id: 'same' }),
        actions.register('a', () => {}, { id: 'same' }), // replaces the previous one
        actions.register('b', () => {}, { once: true }),
      ]
      const offStatus = actions.getActionStatus('a').subscribe(() => {})
      if (i % 3 === 0) await actions.dispatch('b')
      if (i % 5 === 0) actions.clearAction('a')
      for (const off of offs) off()
      offs[0]() // unregistering twice is harmless
      offStatus()
    }
    expect(snapshot(actions)).toEqual(start)
    expect(start).toEqual({
      info: { name: 'cycles', totalActions: 0, totalHandlers: 0, registeredActions: [], defaultExecutionMode: 'sequential' },
      actions: [],
      counts: [0, 0],
      has: [false, false],
      status: [
        [0, false],
        [0, false],
      ],
      listeners: [0, 0],
    })
  })

  it('10,000 handlers each unregistered while their own dispatch is in flight: each abort reaches only its own handler', async () => {
    // Like 10,000 components that each register a handler, dispatch, and unmount before the handler ends: all 10,000
    // dispatches are still in flight together. Unregistering finds the handler's own invocations through its
    // registration; walking every running dispatch instead made this quadratic (7 s here rather than well under 1 s,
    // and 75 s in the Vue leak test, whose timeout caught it).
    const actions = new ActionRegister<{ a: number; b: void }>({ name: 'unmounts' })
    const start = snapshot(actions)
    const aborted: number[] = []
    const dispatches: Array<Promise<void>> = []
    for (let i = 0; i < 10_000; i++) {
      const off = actions.register('a', (_, { signal }) => new Promise<void>((resolve) => signal.addEventListener('abort', () => (aborted.push(i), resolve()))))
      dispatches.push(actions.dispatch('a', i))
      off()
    }
    expect(aborted).toEqual(Array.from({ length: 10_000 }, (_, i) => i))
    await Promise.all(dispatches)
    expect(snapshot(actions)).toEqual(start)
  }, 60_000)

  it('after aborting 1,000 in-flight dispatches in every mode and policy, nothing is left running or registered', async () => {
    const actions = new ActionRegister<{ a: number; b: void }>({ name: 'aborts' })
    const start = snapshot(actions)
    const endings: string[] = []
    const modes = ['sequential', 'parallel', 'race'] as const
    const policies = ['parallel', 'takeLatest', 'queue', 'takeFirst'] as const
    for (let i = 0; i < 1_000; i++) {
      const controller = new AbortController()
      const seenSignals: AbortSignal[] = []
      const never = (_: number, { signal }: { signal: AbortSignal }) =>
        new Promise<void>((_, reject) => {
          seenSignals.push(signal)
          signal.addEventListener('abort', () => reject(signal.reason), { once: true })
        })
      const offs = [actions.register('a', never, { priority: 1 }), actions.register('a', never), actions.register('b', () => {})]
      const options = { executionMode: modes[i % 3], concurrency: policies[i % 4], signal: controller.signal }
      const first = actions.dispatchWithResult('a', i, options)
      const second = actions.dispatchWithResult('a', i, options)
      await Promise.resolve()
      // Abort at one of three points: through the dispatch's signal, by unregistering, or by clearing all.
      if (i % 3 === 0) controller.abort()
      else if (i % 3 === 1) for (const off of offs) off()
      else actions.clearAll()
      if (i % 3 === 0) {
        // A queued second dispatch starts after the first, then sees its signal aborted.
        await Promise.resolve()
      }
      const results = await Promise.all([first, second])
      endings.push(results.map((r) => (r.aborted ? 'aborted' : r.success ? 'ok' : 'failed')).join('+'))
      for (const off of offs) off()
      expect(seenSignals.every((s) => s.aborted)).toBe(true)
    }
    expect(snapshot(actions)).toEqual(start)
    // No dispatch failed: aborting is never an error.
    expect(endings.filter((e) => e.includes('failed'))).toEqual([])
  })
})
