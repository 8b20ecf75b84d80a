import { describe, expect, it } from 'vitest'
import { deferred, failOnUnhandledRejections } from '../__tests__/async-helpers'
import { ActionRegister } from './action-register'
import type { ActionPayloadMap, DispatchEvent, PipelineController } from './action-types'

interface Actions extends ActionPayloadMap {
  go: number
  save: { name: string }
  reset: void
  other: string
}

failOnUnhandledRejections()

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0))

describe('registration', () => {
  it('runs handlers by priority, equal priorities in registration order', async () => {
    const actions = new ActionRegister<Actions>()
    const log: string[] = []
    actions.register('go', () => void log.push('a0'))
    actions.register('go', () => void log.push('b10'), { priority: 10 })
    actions.register('go', () => void log.push('c0'))
    actions.register('go', () => void log.push('d-inf'), { priority: -Infinity })
    actions.register('go', () => void log.push('e+inf'), { priority: Infinity })
    actions.register('go', () => void log.push('f10'), { priority: 10 })
    await actions.dispatch('go', 1)
    expect(log).toEqual(['e+inf', 'b10', 'f10', 'a0', 'c0', 'd-inf'])
  })

  it('passes the payload and a controller with the eight methods and a signal', async () => {
    const actions = new ActionRegister<Actions>()
    const seen: unknown[] = []
    const members = ['abort', 'getPayload', 'getResults', 'jumpToPriority', 'mergeResult', 'modifyPayload', 'return', 'setResult'] as const
    actions.register('save', (payload, controller) => {
      const { getPayload, setResult, getResults } = controller
      setResult('destructured')
      seen.push(
        payload,
        members.filter((m) => typeof controller[m] === 'function' && controller[m] === controller[m]),
        controller.signal instanceof AbortSignal,
        getPayload(),
        getResults(),
      )
    })
    await actions.dispatch('save', { name: 'Ada' })
    expect(seen).toEqual([{ name: 'Ada' }, [...members], true, { name: 'Ada' }, ['destructured']])
  })

  it('unregister removes the handler and is idempotent', async () => {
    const actions = new ActionRegister<Actions>()
    const log: string[] = []
    const off = actions.register('go', () => void log.push('x'))
    await actions.dispatch('go', 1)
    off()
    off()
    await actions.dispatch('go', 2)
    expect(log).toEqual(['x'])
    expect(actions.getHandlerCount('go')).toBe(0)
    expect(actions.hasHandlers('go')).toBe(false)
    expect(actions.getRegisteredActions()).toEqual([])
  })

  it('replaces a handler registered again with the same id; the old unregister does nothing', async () => {
    const actions = new ActionRegister<Actions>()
    const log: string[] = []
    const offOld = actions.register('go', () => void log.push('old'), { id: 'h', priority: 5 })
    actions.register('go', () => void log.push('other'), { priority: 1 })
    actions.register('go', () => void log.push('new'), { id: 'h', priority: 0 })
    offOld()
    expect(actions.getHandlerCount('go')).toBe(2)
    await actions.dispatch('go', 1)
    expect(log).toEqual(['other', 'new'])
  })

  it('aborts the running signal of a replaced handler with the reason "Handler replaced"', async () => {
    const actions = new ActionRegister<Actions>()
    const gate = deferred()
    let reason: unknown
    actions.register('go', async (_, { signal }) => {
      signal.addEventListener('abort', () => (reason = signal.reason))
      await gate.promise
    }, { id: 'h' })
    const running = actions.dispatch('go', 1)
    await tick()
    actions.register('go', () => {}, { id: 'h' })
    gate.resolve()
    await running
    expect(reason).toMatchObject({ name: 'AbortError', message: 'Handler replaced' })
  })

  it('does not replace a handler whose generated id a user chooses later (both run)', async () => {
    const actions = new ActionRegister<Actions>()
    const log: string[] = []
    actions.register('go', () => void log.push('generated'))
    actions.register('go', () => void log.push('chosen'), { id: 'handler_1' })
    await actions.dispatch('go', 1)
    expect([log, actions.getHandlerCount('go')]).toEqual([['generated', 'chosen'], 2])
  })

  it('allows the same id on different actions', () => {
    const actions = new ActionRegister<Actions>()
    actions.register('go', () => {}, { id: 'h' })
    actions.register('other', () => {}, { id: 'h' })
    expect([actions.getHandlerCount('go'), actions.getHandlerCount('other')]).toEqual([1, 1])
  })

  it('generates ids for handlers without one', () => {
    const actions = new ActionRegister<Actions>()
    actions.register('go', () => {})
    actions.register('go', () => {})
    const ids = actions.getActionStats('go')!.handlersByPriority[0].handlers.map((h) => h.id)
    expect(ids).toEqual(['handler_1', 'handler_2'])
  })

  it('never generates an id a user chose, so a handler without an id cannot replace theirs (issue 15)', async () => {
    const actions = new ActionRegister<Actions>()
    const log: string[] = []
    actions.register('save', () => void log.push('h1'), { id: 'handler_1' })
    actions.register('save', () => void log.push('h2'))
    actions.register('save', () => void log.push('h3'), { id: 'handler_3' })
    actions.register('save', () => void log.push('h4'))
    await actions.dispatch('save', { name: 'x' })
    expect(log).toEqual(['h1', 'h2', 'h3', 'h4'])
    const ids = actions.getActionStats('save')!.handlersByPriority[0].handlers.map((h) => h.id)
    expect(ids).toEqual(['handler_1', 'handler_2', 'handler_3', 'handler_4'])
  })

  it('keeps priority, then registration order, through many registrations and removals', async () => {
    const actions = new ActionRegister<Actions>()
    const log: number[] = []
    const offs = Array.from({ length: 200 }, (_, i) => actions.register('go', () => void log.push(i), { priority: i % 3 }))
    for (let i = 0; i < 200; i += 2) offs[i]()
    await actions.dispatch('go', 1)
    const expected = Array.from({ length: 200 }, (_, i) => i).filter((i) => i % 2 === 1).sort((a, b) => (b % 3) - (a % 3) || a - b)
    expect(log).toEqual(expected)
    expect(actions.getHandlerCount('go')).toBe(100)
  })

  it('enforces registry.maxHandlers per action, except for replacements', () => {
    const actions = new ActionRegister<Actions>({ registry: { maxHandlers: 2 } })
    actions.register('go', () => {}, { id: 'a' })
    actions.register('go', () => {}, { id: 'b' })
    actions.register('go', () => {}, { id: 'b' })
    actions.register('other', () => {})
    expect(() => actions.register('go', () => {})).toThrow('ActionRegister.register: action "go" already has 2 handlers (registry.maxHandlers)')
  })

  it('rejects bad register input with messages naming the function and the problem', () => {
    const actions: any = new ActionRegister()
    const errors: string[] = []
    const attempts: Array<() => unknown> = [
      () => actions.register('', () => {}),
      () => actions.register(5, () => {}),
      () => actions.register('go', 'nope'),
      () => actions.register('go', () => {}, null),
      () => actions.register('go', () => {}, { priority: NaN }),
      () => actions.register('go', () => {}, { priority: '1' }),
      () => actions.register('go', () => {}, { id: '' }),
      () => actions.register('go', () => {}, { debounce: -1 }),
      () => actions.register('go', () => {}, { throttle: Infinity }),
      () => actions.register('go', () => {}, { condition: true }),
      () => actions.register('go', () => {}, { validation: 'x' }),
      () => actions.register('go', () => {}, { tags: 'a' }),
      () => actions.register('go', () => {}, { tags: [1] }),
      () => actions.register('go', () => {}, { timeOut: 100 } as never),
      () => actions.register('go', () => {}, { once: 'yes' }),
    ]
    for (const attempt of attempts) {
      try {
        attempt()
        errors.push('no error')
      } catch (e) {
        errors.push((e as Error).message)
      }
    }
    expect(errors).toEqual([
      'ActionRegister.register: action must be a non-empty string, got ""',
      'ActionRegister.register: action must be a non-empty string, got 5',
      'ActionRegister.register: handler must be a function, got "nope"',
      'ActionRegister.register: config must be an object, got null',
      'ActionRegister.register: priority must be a number, got NaN',
      'ActionRegister.register: priority must be a number, got "1"',
      'ActionRegister.register: id must be a non-empty string, got ""',
      'ActionRegister.register: debounce must be a finite number of milliseconds ≥ 0, got -1',
      'ActionRegister.register: throttle must be a finite number of milliseconds ≥ 0, got Infinity',
      'ActionRegister.register: condition must be a function, got true',
      'ActionRegister.register: validation must be a function, got "x"',
      'ActionRegister.register: tags must be an array of strings, got "a"',
      'ActionRegister.register: tags must be an array of strings, got an array (length 1)',
      'ActionRegister.register: unknown config key "timeOut"; supported keys are priority, id, once, blocking, condition, validation, debounce, throttle, tags, category, description, timeout, retries, middleware, version, returnType, dependencies, conflicts, environment, feature, metrics, metadata',
      'ActionRegister.register: once must be a boolean, got "yes"',
    ])
    expect(actions.getRegisteredActions()).toEqual([])
  })

  it('rejects bad constructor config', () => {
    const messages = [
      () => new ActionRegister({ registry: { debugging: true } } as never),
      () => new ActionRegister({ name: '' }),
      () => new ActionRegister({ registry: { maxHandlers: 0 } }),
      () => new ActionRegister({ registry: { defaultExecutionMode: 'serial' as never } }),
      () => new ActionRegister({ registry: { defaultConcurrency: 'latest' as never } }),
      () => new ActionRegister({ extra: 1 } as never),
    ].map((make) => {
      try {
        make()
        return 'no error'
      } catch (e) {
        return (e as Error).message
      }
    })
    expect(messages).toEqual([
      'new ActionRegister: unknown registry key "debugging"; supported keys are maxHandlers, defaultExecutionMode, defaultConcurrency, strict, debug, autoCleanup, maxRetries, retryDelay',
      'new ActionRegister: name must be a non-empty string, got ""',
      'new ActionRegister: registry.maxHandlers must be an integer ≥ 1, got 0',
      'new ActionRegister: registry.defaultExecutionMode must be one of "sequential", "parallel", "race", got "serial"',
      'new ActionRegister: registry.defaultConcurrency must be one of "parallel", "takeLatest", "takeFirst", "queue", got "latest"',
      'new ActionRegister: unknown config key "extra"; supported keys are name, registry',
    ])
  })

  it('registering or unregistering during a dispatch keeps the snapshot, but removed handlers do not run', async () => {
    const actions = new ActionRegister<Actions>()
    const log: string[] = []
    let offLast = () => {}
    actions.register(
      'go',
      () => {
        log.push('first')
        actions.register('go', () => void log.push('added'), { priority: 100 })
        offLast()
      },
      { priority: 10 },
    )
    actions.register('go', () => void log.push('middle'), { priority: 5 })
    offLast = actions.register('go', () => void log.push('last'), { priority: 1 })
    const result = await actions.dispatchWithResult('go', 1)
    expect(log).toEqual(['first', 'middle'])
    expect(result.handlers.map((h) => [h.priority, h.outcome])).toEqual([
      [10, 'completed'],
      [5, 'completed'],
      [1, 'skipped'],
    ])
    log.length = 0
    await actions.dispatch('go', 2)
    expect(log).toEqual(['added', 'first', 'middle'])
  })
})

describe('sequential mode', () => {
  it('awaits each handler before starting the next', async () => {
    const actions = new ActionRegister<Actions>()
    const log: string[] = []
    const gate = deferred()
    actions.register('go', async () => {
      log.push('a start')
      await gate.promise
      log.push('a end')
    }, { priority: 2 })
    actions.register('go', () => void log.push('b'), { priority: 1 })
    const done = actions.dispatch('go', 1)
    await tick()
    log.push('released')
    gate.resolve()
    await done
    expect(log).toEqual(['a start', 'released', 'a end', 'b'])
  })

  it('blocking: false lets later handlers start at once but is still awaited, and its error fails the dispatch', async () => {
    const actions = new ActionRegister<Actions>()
    const log: string[] = []
    const gate = deferred()
    actions.register('go', async () => {
      log.push('a start')
      await gate.promise
      log.push('a end')
      throw new Error('late')
    }, { priority: 2, blocking: false })
    actions.register('go', () => void log.push('b'), { priority: 1 })
    let settled = false
    const done = actions.dispatchWithResult('go', 1).then((r) => {
      settled = true
      return r
    })
    await tick()
    expect([log.slice(), settled]).toEqual([['a start', 'b'], false])
    gate.resolve()
    const result = await done
    expect(log).toEqual(['a start', 'b', 'a end'])
    expect([result.success, result.errors.map((e) => [e.handlerId, e.error.message])]).toEqual([false, [['handler_1', 'late']]])
  })

  it('abort() after an await stops the handlers after it', async () => {
    const actions = new ActionRegister<Actions>()
    const log: string[] = []
    actions.register('go', async (_, c) => {
      await null
      c.abort('enough')
      log.push('aborter')
    }, { priority: 2 })
    actions.register('go', () => void log.push('later'), { priority: 1 })
    const result = await actions.dispatchWithResult('go', 1)
    expect(log).toEqual(['aborter'])
    expect(result).toMatchObject({ success: false, aborted: true, abortReason: 'enough', terminated: false })
    expect(result.execution).toMatchObject({ handlersExecuted: 1, handlersSkipped: 1, handlersFailed: 0 })
    expect(result.handlers.map((h) => h.outcome)).toEqual(['completed', 'aborted'])
  })

  it('keeps the last abort reason and reports both flags on abort + return', async () => {
    const actions = new ActionRegister<Actions>()
    actions.register('go', (_, c) => {
      c.abort('first')
      c.abort('second')
      c.return('value')
    })
    const result = await actions.dispatchWithResult('go', 1, { result: { collect: true } })
    expect(result).toMatchObject({ aborted: true, abortReason: 'second', terminated: true, result: 'value', success: false })
  })

  it('passes the current payload to condition and validation; false skips the handler', async () => {
    const actions = new ActionRegister<Actions>()
    const log: unknown[] = []
    actions.register('go', (_, c) => c.modifyPayload((n) => n * 10), { priority: 3 })
    actions.register('go', () => void log.push('cond-run'), { priority: 2, condition: (n) => (log.push(['cond', n]), n > 100) })
    actions.register('go', (n) => void log.push(['valid-run', n]), { priority: 1, validation: (n) => (log.push(['valid', n]), n === 20) })
    const result = await actions.dispatchWithResult('go', 2)
    expect(log).toEqual([['cond', 20], ['valid', 20], ['valid-run', 20]])
    expect(result.handlers.map((h) => h.outcome)).toEqual(['completed', 'skipped', 'completed'])
    expect(result.execution).toMatchObject({ handlersExecuted: 2, handlersSkipped: 1 })
  })

  it('a throwing condition fails that handler and the dispatch', async () => {
    const actions = new ActionRegister<Actions>()
    const boom = new Error('cond')
    actions.register('go', () => {}, { id: 'guarded', condition: () => { throw boom } })
    const result = await actions.dispatchWithResult('go', 1)
    expect([result.success, result.errors[0].handlerId, result.errors[0].error, result.handlers[0].outcome]).toEqual([false, 'guarded', boom, 'failed'])
    await expect(actions.dispatch('go', 1)).rejects.toBe(boom)
  })

  it('modifyPayload changes what later handlers and getPayload see, not the current argument', async () => {
    const actions = new ActionRegister<Actions>()
    const log: unknown[] = []
    const original = { name: 'a' }
    actions.register('save', (p, c) => {
      c.modifyPayload((q) => ({ name: q.name + 'b' }))
      log.push(p, c.getPayload())
    }, { priority: 2 })
    actions.register('save', (p, c) => void log.push(p, c.getPayload() === p))
    await actions.dispatch('save', original)
    expect(log).toEqual([{ name: 'a' }, { name: 'ab' }, { name: 'ab' }, true])
    expect(original).toEqual({ name: 'a' })
  })

  it('getPayload returns the dispatched object itself', async () => {
    const actions = new ActionRegister<Actions>()
    const payload = { name: 'x' }
    let same = false
    actions.register('save', (p, c) => void (same = c.getPayload() === payload && p === payload))
    await actions.dispatch('save', payload)
    expect(same).toBe(true)
  })

  it('jumpToPriority moves forward to the first later handler with priority ≤ p, never backwards', async () => {
    const actions = new ActionRegister<Actions>()
    const log: number[] = []
    for (const p of [50, 40, 30, 20, 10]) {
      actions.register('go', (_, c) => {
        log.push(p)
        if (p === 50) c.jumpToPriority(25)
        if (p === 20) c.jumpToPriority(100)
      }, { priority: p })
    }
    const result = await actions.dispatchWithResult('go', 1)
    expect(log).toEqual([50, 20, 10])
    expect(result.handlers.map((h) => h.outcome)).toEqual(['completed', 'skipped', 'skipped', 'completed', 'completed'])
  })

  it('return(value) ends the pipeline successfully, keeping the value as result', async () => {
    const actions = new ActionRegister<Actions>()
    const log: string[] = []
    actions.register('go', (_, c) => {
      c.setResult('a')
      c.return('done')
      return 'ignored'
    }, { priority: 2 })
    actions.register('go', () => void log.push('never'))
    const result = await actions.dispatchWithResult('go', 1, { result: { collect: true, strategy: 'first' } })
    expect(log).toEqual([])
    expect(result).toMatchObject({ success: true, aborted: false, terminated: true, result: 'done', results: ['a'] })
    expect(result.execution).toMatchObject({ handlersExecuted: 1, handlersSkipped: 1 })
  })
})

describe('results', () => {
  it('records setResult values and non-undefined returns in execution order; falsy values are kept', async () => {
    const actions = new ActionRegister<Actions>()
    const seen: unknown[] = []
    actions.register('go', (_, c) => {
      c.setResult('x')
      return 'y'
    }, { priority: 9 })
    for (const value of [null, 0, false, '', undefined]) actions.register('go', () => value)
    actions.register('go', (_, c) => {
      c.setResult(undefined)
      seen.push(c.getResults())
    }, { priority: -1 })
    const result = await actions.dispatchWithResult('go', 1)
    expect(result.results).toEqual(['x', 'y', null, 0, false, '', undefined])
    expect(seen).toEqual([['x', 'y', null, 0, false, '', undefined]])
    expect('result' in result).toBe(false)
  })

  it('getResults returns a copy', async () => {
    const actions = new ActionRegister<Actions>()
    actions.register('go', (_, c) => {
      c.setResult(1)
      c.getResults().push(99)
    })
    expect((await actions.dispatchWithResult('go', 1)).results).toEqual([1])
  })

  it('mergeResult replaces the last result, or appends when there is none', async () => {
    const actions = new ActionRegister<Actions>()
    const calls: unknown[] = []
    actions.register('go', (_, c) => {
      c.mergeResult((earlier, last) => (calls.push([earlier, last]), 'first'))
      c.setResult(2)
      c.setResult(3)
      c.mergeResult((earlier, last) => (calls.push([earlier, last]), `${earlier}+${last}`))
    })
    const result = await actions.dispatchWithResult('go', 1)
    expect(calls).toEqual([[[], undefined], [['first', 2], 3]])
    expect(result.results).toEqual(['first', 2, 'first,2+3'])
  })

  it('collects with the first, last, all, merge and custom strategies, after maxResults', async () => {
    const actions = new ActionRegister<Actions>()
    for (const v of [1, 2, 3, 4]) actions.register('go', () => v)
    const collected: unknown[] = []
    const options = [
      { collect: true },
      { collect: true, strategy: 'first' },
      { collect: true, strategy: 'last' },
      { collect: true, strategy: 'all', maxResults: 2 },
      { collect: true, strategy: 'merge' },
      { collect: true, strategy: 'merge', merger: (r: unknown[]) => (r as number[]).reduce((a, b) => a + b, 0) },
      { collect: true, strategy: 'custom', merger: (r: unknown[]) => r.length, maxResults: 3 },
      { collect: false, strategy: 'first' },
    ] as const
    for (const result of options) {
      const r = await actions.dispatchWithResult('go', 1, { result })
      collected.push([r.result, r.results.length])
    }
    expect(collected).toEqual([
      [[1, 2, 3, 4], 4],
      [1, 4],
      [4, 4],
      [[1, 2], 2],
      [4, 4],
      [10, 4],
      [3, 3],
      [undefined, 4],
    ])
  })

  it('reports an empty collection as undefined, and return(undefined) falls back to the strategy', async () => {
    const actions = new ActionRegister<Actions>()
    actions.register('go', (_, c) => void c.return(undefined))
    actions.register('other', () => {})
    const a = await actions.dispatchWithResult('go', 1, { result: { collect: true } })
    const b = await actions.dispatchWithResult('other', 'x', { result: { collect: true } })
    expect([a.terminated, a.result, b.result]).toEqual([true, undefined, undefined])
  })

  it('describes every handler of the snapshot with its outcome', async () => {
    const actions = new ActionRegister<Actions>()
    actions.register('go', () => {}, { id: 'a', priority: 3 })
    actions.register('go', () => {}, { id: 'b', priority: 2, condition: () => false })
    actions.register('go', () => {
      throw new Error('x')
    }, { id: 'c', priority: 1 })
    actions.register('go', () => {}, { id: 'd', priority: 0 })
    const result = await actions.dispatchWithResult('go', 1)
    expect(result.handlers.map(({ id, priority, outcome }) => ({ id, priority, outcome }))).toEqual([
      { id: 'a', priority: 3, outcome: 'completed' },
      { id: 'b', priority: 2, outcome: 'skipped' },
      { id: 'c', priority: 1, outcome: 'failed' },
      { id: 'd', priority: 0, outcome: 'skipped' },
    ])
    expect(result.execution).toMatchObject({ handlersExecuted: 2, handlersSkipped: 2, handlersFailed: 1 })
    expect(result.execution.endTime).toBeGreaterThanOrEqual(result.execution.startTime)
    expect(result.execution.duration).toBeGreaterThanOrEqual(0)
  })
})

describe('errors', () => {
  it('fail-fast: a handler error stops the pipeline; dispatch rejects with the original error', async () => {
    const actions = new ActionRegister<Actions>()
    const log: string[] = []
    const boom = new Error('boom')
    actions.register('go', () => void log.push('a'), { priority: 3 })
    actions.register('go', async () => {
      log.push('b')
      await null
      throw boom
    }, { priority: 2, id: 'thrower' })
    actions.register('go', () => void log.push('c'), { priority: 1 })
    await expect(actions.dispatch('go', 1)).rejects.toBe(boom)
    const result = await actions.dispatchWithResult('go', 1)
    expect(log).toEqual(['a', 'b', 'a', 'b'])
    expect(result).toMatchObject({ success: false, aborted: false })
    expect(result.errors).toEqual([{ handlerId: 'thrower', error: boom, timestamp: expect.any(Number) }])
    expect(result.execution).toMatchObject({ handlersExecuted: 2, handlersSkipped: 1, handlersFailed: 1 })
  })

  it('wraps non-Error throws in an Error with the thrown value as cause', async () => {
    const actions = new ActionRegister<Actions>()
    const thrown = { code: 42 }
    actions.register('go', () => {
      throw thrown
    })
    actions.register('other', () => {
      throw 'text'
    })
    const a = await actions.dispatchWithResult('go', 1)
    const b = await actions.dispatchWithResult('other', 'x')
    expect([a.errors[0].error instanceof Error, a.errors[0].error.cause, a.errors[0].error.message]).toEqual([true, thrown, 'a handler threw an object'])
    expect([b.errors[0].error.message, b.errors[0].error.cause]).toEqual(['text', 'text'])
    await expect(actions.dispatch('go', 1)).rejects.toBe(thrown)
  })

  it('strict mode: dispatching an action without handlers rejects / reports an error', async () => {
    const actions = new ActionRegister<Actions>({ registry: { strict: true } })
    await expect(actions.dispatch('go', 1)).rejects.toThrow('ActionRegister.dispatch: no handler is registered for "go" (registry.strict is on)')
    const result = await actions.dispatchWithResult('go', 1)
    expect([result.success, result.errors[0].error.message]).toEqual([false, 'ActionRegister.dispatchWithResult: no handler is registered for "go" (registry.strict is on)'])
  })

  it('without strict mode an action without handlers succeeds with nothing executed', async () => {
    const actions = new ActionRegister<Actions>()
    await expect(actions.dispatch('go', 1)).resolves.toBeUndefined()
    const result = await actions.dispatchWithResult('go', 1)
    expect(result).toMatchObject({ success: true, aborted: false, terminated: false, results: [], handlers: [], errors: [] })
    expect(result.execution).toMatchObject({ handlersExecuted: 0, handlersSkipped: 0, handlersFailed: 0 })
  })

  it('rejects bad dispatch input without running anything and never throws synchronously', async () => {
    const actions: any = new ActionRegister()
    let runs = 0
    actions.register('go', () => void runs++)
    const attempts: Array<() => Promise<unknown>> = [
      () => actions.dispatch(''),
      () => actions.dispatch(7),
      () => actions.dispatch('go', 1, 'fast'),
      () => actions.dispatch('go', 1, { executionMode: 'serial' }),
      () => actions.dispatch('go', 1, { concurrency: 'latest' }),
      () => actions.dispatch('go', 1, { signal: {} }),
      () => actions.dispatch('go', 1, { debounce: NaN }),
      () => actions.dispatch('go', 1, { throttle: -5 }),
      () => actions.dispatch('go', 1, { timeOut: 5 } as never),
      () => actions.dispatch('go', 1, { filter: { tags: 'a' } }),
      () => actions.dispatch('go', 1, { filter: { env: 'x' } as never }),
      () => actions.dispatchWithResult('go', 1, { result: { collect: true, strategy: 'custom' } }),
      () => actions.dispatchWithResult('go', 1, { result: { strategy: 'best' } }),
      () => actions.dispatchWithResult('go', 1, { result: { maxResults: -1 } }),
    ]
    const messages: string[] = []
    for (const attempt of attempts) {
      let promise: Promise<unknown>
      try {
        promise = attempt()
      } catch {
        messages.push('threw synchronously')
        continue
      }
      messages.push(await promise.then(() => 'resolved', (e: Error) => e.message))
    }
    expect(messages).toEqual([
      'ActionRegister.dispatch: action must be a non-empty string, got ""',
      'ActionRegister.dispatch: action must be a non-empty string, got 7',
      'ActionRegister.dispatch: options must be an object, got "fast"',
      'ActionRegister.dispatch: options.executionMode must be one of "sequential", "parallel", "race", got "serial"',
      'ActionRegister.dispatch: options.concurrency must be one of "parallel", "takeLatest", "takeFirst", "queue", got "latest"',
      'ActionRegister.dispatch: options.signal must be an AbortSignal, got an object',
      'ActionRegister.dispatch: options.debounce must be a finite number of milliseconds ≥ 0, got NaN',
      'ActionRegister.dispatch: options.throttle must be a finite number of milliseconds ≥ 0, got -5',
      'ActionRegister.dispatch: unknown option "timeOut"; supported options are executionMode, concurrency, signal, filter, debounce, throttle, result, timeout, retries, autoAbort',
      'ActionRegister.dispatch: options.filter.tags must be an array of strings, got "a"',
      'ActionRegister.dispatch: unknown options.filter key "env"; supported keys are tags, handlerIds, excludeTags, excludeHandlerIds, category, excludeCategory, environment, feature, custom',
      'ActionRegister.dispatchWithResult: options.result.strategy "custom" needs options.result.merger, a function of the results',
      'ActionRegister.dispatchWithResult: options.result.strategy must be one of "first", "last", "all", "merge", "custom", got "best"',
      'ActionRegister.dispatchWithResult: options.result.maxResults must be an integer ≥ 0, got -1',
    ])
    expect(runs).toBe(0)
  })

  it('rejects bad controller input inside the handler that made the call', async () => {
    const actions = new ActionRegister()
    const messages: string[] = []
    actions.register('go', (_: unknown, c: PipelineController) => {
      for (const call of [() => c.modifyPayload(1 as never), () => c.mergeResult(null as never), () => c.jumpToPriority(NaN), () => c.abort(5 as never)]) {
        try {
          call()
        } catch (e) {
          messages.push((e as Error).message)
        }
      }
    })
    await actions.dispatch('go')
    expect(messages).toEqual([
      'PipelineController.modifyPayload: modifier must be a function, got 1',
      'PipelineController.mergeResult: merger must be a function, got null',
      'PipelineController.jumpToPriority: priority must be a number, got NaN',
      'PipelineController.abort: reason must be a string, got 5',
    ])
  })
})

describe('once', () => {
  it('removes a once handler when it runs, not when it is skipped or not reached', async () => {
    const actions = new ActionRegister<Actions>()
    const log: string[] = []
    let stop = true
    actions.register('go', (_, c) => {
      if (stop) c.abort('stop')
    }, { priority: 3 })
    actions.register('go', () => void log.push('cond-once'), { priority: 2, once: true, condition: (n) => n > 1 })
    actions.register('go', () => void log.push('once'), { priority: 1, once: true })
    await actions.dispatch('go', 1)
    expect(actions.getHandlerCount('go')).toBe(3)
    stop = false
    await actions.dispatch('go', 1)
    expect([log.slice(), actions.getHandlerCount('go')]).toEqual([['once'], 2])
    await actions.dispatch('go', 2)
    await actions.dispatch('go', 2)
    expect([log, actions.getHandlerCount('go')]).toEqual([['once', 'cond-once'], 1])
  })

  it('runs a once handler exactly once under many concurrent dispatches', async () => {
    const actions = new ActionRegister<Actions>()
    const gate = deferred()
    let runs = 0
    actions.register('go', async () => {
      runs++
      await gate.promise
    }, { once: true })
    const all = Promise.all(Array.from({ length: 20 }, (_, i) => actions.dispatchWithResult('go', i)))
    gate.resolve()
    const results = await all
    expect(runs).toBe(1)
    expect(results.filter((r) => r.execution.handlersExecuted === 1).length).toBe(1)
    expect(actions.hasHandlers('go')).toBe(false)
  })

  it('removes a once handler even when it throws', async () => {
    const actions = new ActionRegister<Actions>()
    actions.register('go', () => {
      throw new Error('x')
    }, { once: true })
    await expect(actions.dispatch('go', 1)).rejects.toThrow('x')
    expect(actions.getHandlerCount('go')).toBe(0)
  })
})

describe('independent dispatches', () => {
  it('lets a handler await a nested dispatch on the same register', async () => {
    const actions = new ActionRegister<Actions>()
    const log: string[] = []
    actions.register('go', async (n) => {
      log.push(`outer ${n}`)
      await actions.dispatch('other', 'inner')
      await actions.dispatch('go', n - 1).catch(() => {})
      log.push(`outer end ${n}`)
    }, { condition: (n) => n > 0 })
    actions.register('other', (s) => void log.push(s))
    await actions.dispatch('go', 2)
    expect(log).toEqual(['outer 2', 'inner', 'outer 1', 'inner', 'outer end 1', 'outer end 2'])
  })

  it('runs dispatches of different actions concurrently', async () => {
    const actions = new ActionRegister<Actions>()
    const gate = deferred()
    const log: string[] = []
    actions.register('go', async () => {
      await gate.promise
      log.push('go')
    })
    actions.register('other', () => void log.push('other'))
    const slow = actions.dispatch('go', 1)
    await actions.dispatch('other', 'x')
    gate.resolve()
    await slow
    expect(log).toEqual(['other', 'go'])
  })
})

describe('filter', () => {
  it('combines includes with AND, applies excludes after and custom last', async () => {
    const actions = new ActionRegister<Actions>()
    const run = async (filter: object) => {
      const r = await actions.dispatchWithResult('go', 1, { filter })
      return r.handlers.map((h) => h.id)
    }
    actions.register('go', () => {}, { id: 'a', tags: ['x', 'y'], category: 'c1' })
    actions.register('go', () => {}, { id: 'b', tags: ['y'], category: 'c2' })
    actions.register('go', () => {}, { id: 'c', tags: ['z'], category: 'c1' })
    actions.register('go', () => {}, { id: 'd' })
    expect([
      await run({ tags: ['x', 'z'] }),
      await run({ tags: ['y'], category: 'c2' }),
      await run({ handlerIds: ['a', 'd'] }),
      await run({ category: 'c1', excludeTags: ['x'] }),
      await run({ excludeCategory: 'c1' }),
      await run({ excludeHandlerIds: ['a', 'b'] }),
      await run({ tags: [], handlerIds: [] }),
      await run({ custom: (c: { id: string }) => c.id !== 'c', excludeHandlerIds: ['a'] }),
    ]).toEqual([['a', 'c'], ['b'], ['a', 'd'], ['c'], ['b', 'd'], ['c', 'd'], ['a', 'b', 'c', 'd'], ['b', 'd']])
  })
})

describe('execution modes per action', () => {
  it('sets, reads and removes a per-action mode; a dispatch option overrides it once', async () => {
    const actions = new ActionRegister<Actions>({ registry: { defaultExecutionMode: 'parallel' } })
    const log: string[] = []
    actions.register('go', async () => {
      log.push('a start')
      await null
      log.push('a end')
    }, { priority: 1 })
    actions.register('go', () => void log.push('b'))
    expect(actions.getActionExecutionMode('go')).toBe('parallel')
    actions.setActionExecutionMode('go', 'sequential')
    expect(actions.getActionExecutionMode('go')).toBe('sequential')
    await actions.dispatch('go', 1)
    await actions.dispatch('go', 1, { executionMode: 'parallel' })
    expect(actions.getActionExecutionMode('go')).toBe('sequential')
    actions.removeActionExecutionMode('go')
    expect(actions.getActionExecutionMode('go')).toBe('parallel')
    expect(log).toEqual(['a start', 'a end', 'b', 'a start', 'b', 'a end'])
    expect(() => actions.setActionExecutionMode('go', 'fast' as never)).toThrow(
      'ActionRegister.setActionExecutionMode: mode must be one of "sequential", "parallel", "race", got "fast"',
    )
    expect(() => actions.setActionConcurrency('' as never, 'queue')).toThrow(/^ActionRegister\.setActionConcurrency: action must be a non-empty string, got ""$/)
    expect(actions.getRegistryInfo().actionExecutionModes).toEqual(new Map())
  })
})

describe('introspection', () => {
  it('reports registry info, stats and handlers by tag or category as copies', () => {
    const actions = new ActionRegister<Actions>({ name: 'app' })
    actions.register('go', () => {}, { id: 'a', priority: 2, tags: ['t'], category: 'k', description: 'first' })
    actions.register('go', () => {}, { id: 'b', priority: 2 })
    actions.register('go', () => {}, { id: 'c', priority: 1, tags: ['t'] })
    actions.register('other', () => {}, { id: 'd', category: 'k' })
    actions.setActionExecutionMode('go', 'race')
    expect([actions.name, actions.getName()]).toEqual(['app', 'app'])
    expect(new ActionRegister().name).toBe('ActionRegister')
    expect(actions.getRegistryInfo()).toEqual({
      name: 'app',
      totalActions: 2,
      totalHandlers: 4,
      registeredActions: ['go', 'other'],
      actionExecutionModes: new Map([['go', 'race']]),
      defaultExecutionMode: 'sequential',
    })
    expect(actions.getActionStats('go')).toEqual({
      action: 'go',
      handlerCount: 3,
      totalHandlers: 3,
      handlersByPriority: [
        { priority: 2, handlers: [{ id: 'a', tags: ['t'], category: 'k', description: 'first' }, { id: 'b', tags: [], category: undefined, description: undefined }] },
        { priority: 1, handlers: [{ id: 'c', tags: ['t'], category: undefined, description: undefined }] },
      ],
    })
    expect(actions.getActionStats('reset')).toBeNull()
    expect(actions.getAllActionStats().map((s) => s.action)).toEqual(['go', 'other'])
    const byTag = actions.getHandlersByTag('t')
    expect([...byTag.keys()]).toEqual(['go'])
    expect(byTag.get('go')!.map((h) => h.id)).toEqual(['a', 'c'])
    byTag.get('go')![0].config.tags!.push('mutated')
    byTag.get('go')!.pop()
    expect(actions.getHandlersByTag('t').get('go')!.map((h) => [h.id, h.config.tags])).toEqual([
      ['a', ['t']],
      ['c', ['t']],
    ])
    expect([...actions.getHandlersByCategory('k')].map(([action, list]) => [action, list.map((h) => h.id)])).toEqual([
      ['go', ['a']],
      ['other', ['d']],
    ])
  })

  it('counts executions the same for dispatch and dispatchWithResult; early exits are not counted', async () => {
    const actions = new ActionRegister<Actions>()
    let mode: 'ok' | 'abort' | 'fail' = 'ok'
    actions.register('go', (_, c) => {
      if (mode === 'abort') c.abort('x')
      if (mode === 'fail') throw new Error('f')
    })
    await actions.dispatch('go', 1)
    await actions.dispatchWithResult('go', 1)
    mode = 'abort'
    await actions.dispatch('go', 1)
    await actions.dispatchWithResult('go', 1)
    mode = 'fail'
    await actions.dispatch('go', 1).catch(() => {})
    await actions.dispatchWithResult('go', 1)
    const aborted = new AbortController()
    aborted.abort()
    await actions.dispatch('go', 1, { signal: aborted.signal })
    await actions.dispatch('other', 'no handlers')
    const stats = actions.getActionStats('go')!.executionStats!
    expect({ ...stats, averageDuration: typeof stats.averageDuration }).toEqual({
      totalExecutions: 6,
      averageDuration: 'number',
      successRate: (2 / 6) * 100,
      errorCount: 2,
      abortCount: 2,
    })
    expect(actions.getActionStats('other')).toBeNull()
    actions.clearActionExecutionStats('go')
    expect(actions.getActionStats('go')!.executionStats).toBeUndefined()
    await actions.dispatch('go', 1).catch(() => {})
    actions.clearExecutionStats()
    expect(actions.getActionStats('go')!.executionStats).toBeUndefined()
  })
})

describe('clearAction, clearAll and dispose', () => {
  it('clearAction removes the handlers of one action and aborts their running signals', async () => {
    const actions = new ActionRegister<Actions>()
    const reasons: unknown[] = []
    const gate = deferred()
    actions.register('go', async (_, c) => {
      c.signal.addEventListener('abort', () => reasons.push((c.signal.reason as DOMException).message))
      await gate.promise
    })
    actions.register('other', () => {})
    const running = actions.dispatch('go', 1)
    await tick()
    actions.clearAction('go')
    gate.resolve()
    await running
    expect([reasons, actions.getRegisteredActions()]).toEqual([['Action "go" cleared'], ['other']])
  })

  it('clearAction aborts only its own action: the running handlers of other actions go on', async () => {
    const actions = new ActionRegister<Actions>()
    const gate = deferred()
    const aborted: string[] = []
    const handler = (name: string) => async (_: unknown, { signal }: PipelineController) => {
      await gate.promise
      if (signal.aborted) aborted.push(name)
    }
    actions.register('go', handler('go'))
    actions.register('other', handler('other'))
    const running = [actions.dispatchWithResult('go', 1), actions.dispatchWithResult('other', 'x')]
    await tick()
    actions.clearAction('go')
    gate.resolve()
    const [go, other] = await Promise.all(running)
    expect(aborted).toEqual(['go'])
    expect([go.handlers[0].outcome, other.handlers[0].outcome, actions.getRegisteredActions()]).toEqual(['completed', 'completed', ['other']])
  })

  it('clearAll and dispose abort the signals of running handlers, saying which', async () => {
    const reasons: unknown[] = []
    for (const end of ['clearAll', 'dispose'] as const) {
      const actions = new ActionRegister<Actions>()
      const gate = deferred()
      actions.register('go', async (_, { signal }) => {
        signal.addEventListener('abort', () => reasons.push((signal.reason as DOMException).message))
        await gate.promise
      })
      const running = actions.dispatch('go', 1)
      await tick()
      actions[end]()
      gate.resolve()
      await running
    }
    expect(reasons).toEqual(['Register cleared', 'Register disposed'])
  })

  it('clearAll removes every handler and aborts running handler signals, keeping modes, policies and stats', async () => {
    const actions = new ActionRegister<Actions>()
    const log: string[] = []
    const gate = deferred()
    actions.register('go', async (_, c) => {
      await gate.promise
      log.push(`aborted: ${c.signal.aborted}`)
    }, { priority: 1 })
    actions.register('go', () => void log.push('never'))
    await actions.dispatch('other', 'no-op')
    actions.setActionExecutionMode('go', 'sequential')
    actions.setActionConcurrency('go', 'queue')
    await actions.dispatch('go', 1, { filter: { excludeHandlerIds: ['handler_1', 'handler_2'] } })
    const running = actions.dispatchWithResult('go', 1)
    await tick()
    actions.clearAll()
    gate.resolve()
    const result = await running
    expect(log).toEqual(['aborted: true'])
    expect(result.handlers.map((h) => h.outcome)).toEqual(['completed', 'skipped'])
    expect([actions.getRegisteredActions(), actions.getActionExecutionMode('go'), actions.getActionConcurrency('go')]).toEqual([[], 'sequential', 'queue'])
    expect(actions.getActionStats('go')!.executionStats!.totalExecutions).toBe(2)
    actions.register('go', () => void log.push('after'))
    await actions.dispatch('go', 1)
    expect(log).toEqual(['aborted: true', 'after'])
  })

  it('dispose refuses later register and dispatch calls with a clear message', async () => {
    const actions = new ActionRegister<Actions>({ name: 'app' })
    actions.register('go', () => {})
    actions.dispose()
    expect(actions.hasHandlers('go')).toBe(false)
    expect(() => actions.register('go', () => {})).toThrow('ActionRegister.register: register "app" was disposed')
    await expect(actions.dispatch('go', 1)).rejects.toThrow('ActionRegister.dispatch: register "app" was disposed')
    await expect(actions.dispatchWithResult('go', 1)).rejects.toThrow('ActionRegister.dispatchWithResult: register "app" was disposed')
  })
})

describe('unbound dispatch', () => {
  it('dispatch and dispatchWithResult work when destructured', async () => {
    const actions = new ActionRegister<Actions>()
    const log: unknown[] = []
    actions.register('reset', (p) => void log.push(p))
    actions.register('go', (n) => n * 2)
    const { dispatch, dispatchWithResult } = actions
    await dispatch('reset')
    const result = await dispatchWithResult('go', 21)
    expect([log, result.results]).toEqual([[undefined], [42]])
  })
})

describe('status', () => {
  it('returns the same store per action and tracks running, errors and abort reasons', async () => {
    const actions = new ActionRegister<Actions>({ name: 'app' })
    const status = actions.getActionStatus('go')
    expect(actions.getActionStatus('go')).toBe(status)
    expect(status.name).toBe('app.status.go')
    const seen: unknown[] = []
    status.subscribe((s) => seen.push({ ...s }))
    let behaviour: 'fail' | 'abort' | 'ok' = 'fail'
    const gate = deferred()
    const boom = new Error('boom')
    actions.register('go', async (_, c) => {
      await gate.promise
      if (behaviour === 'fail') throw boom
      if (behaviour === 'abort') c.abort('stop')
    })
    const first = actions.dispatch('go', 1).catch(() => {})
    const second = actions.dispatch('go', 2).catch(() => {})
    gate.resolve()
    await Promise.all([first, second])
    behaviour = 'abort'
    await actions.dispatch('go', 3)
    behaviour = 'ok'
    await actions.dispatch('go', 4)
    expect(seen).toEqual([
      { running: 0, pending: false, lastError: undefined, lastAbortReason: undefined },
      { running: 1, pending: true, lastError: undefined, lastAbortReason: undefined },
      { running: 2, pending: true, lastError: undefined, lastAbortReason: undefined },
      { running: 1, pending: true, lastError: boom, lastAbortReason: undefined },
      { running: 0, pending: false, lastError: boom, lastAbortReason: undefined },
      { running: 1, pending: true, lastError: boom, lastAbortReason: undefined },
      { running: 0, pending: false, lastError: boom, lastAbortReason: 'stop' },
      { running: 1, pending: true, lastError: boom, lastAbortReason: 'stop' },
      { running: 0, pending: false, lastError: undefined, lastAbortReason: undefined },
    ])
  })

  it('a dispatch superseded under takeLatest only stops running in the status: no abort reason a view would show', async () => {
    const actions = new ActionRegister<Actions>()
    const status = actions.getActionStatus('go')
    const seen: unknown[] = []
    status.subscribe((s) => seen.push({ ...s }))
    const gates = [deferred(), deferred()]
    actions.register('go', async (n, c) => {
      await gates[n - 1].promise
      if (n === 2) c.abort('typed too little')
    })
    const first = actions.dispatch('go', 1, { concurrency: 'takeLatest' })
    const second = actions.dispatch('go', 2, { concurrency: 'takeLatest' })
    gates[0].resolve()
    await first
    gates[1].resolve()
    await second
    expect(seen).toEqual([
      { running: 0, pending: false, lastError: undefined, lastAbortReason: undefined },
      { running: 1, pending: true, lastError: undefined, lastAbortReason: undefined },
      { running: 2, pending: true, lastError: undefined, lastAbortReason: undefined },
      // The first ends superseded: nothing to tell but the count.
      { running: 1, pending: true, lastError: undefined, lastAbortReason: undefined },
      // The newer one's own abort is news.
      { running: 0, pending: false, lastError: undefined, lastAbortReason: 'typed too little' },
    ])
  })

  it('a status store created mid-dispatch starts from the running count', async () => {
    const actions = new ActionRegister<Actions>()
    const gate = deferred()
    actions.register('go', () => gate.promise)
    const running = actions.dispatch('go', 1)
    await tick()
    expect(actions.getActionStatus('go').getValue()).toEqual({ running: 1, pending: true, lastError: undefined, lastAbortReason: undefined })
    gate.resolve()
    await running
    expect(actions.getActionStatus('go').getValue().pending).toBe(false)
  })

  it('the status store is read-only', () => {
    const actions = new ActionRegister<Actions>()
    expect('setValue' in actions.getActionStatus('go')).toBe(false)
  })
})

describe('observe', () => {
  const strip = (events: DispatchEvent[]) =>
    events.map((e) => {
      const copy: Record<string, unknown> = { ...e }
      for (const key of ['time', 'duration']) if (key in copy) copy[key] = typeof copy[key]
      if (Array.isArray(copy.handlers)) copy.handlers = (copy.handlers as Array<{ id: string; outcome: string }>).map((h) => `${h.id}:${h.outcome}`)
      return copy
    })

  it('reports start, each handler, abort, error and end of every dispatch', async () => {
    const actions = new ActionRegister<Actions>()
    const events: DispatchEvent[] = []
    const off = actions.observe((e) => events.push(e))
    const boom = new Error('boom')
    actions.register('go', () => {}, { id: 'a', priority: 2 })
    actions.register('go', () => {
      throw boom
    }, { id: 'b', priority: 1 })
    actions.register('go', () => {}, { id: 'c' })
    actions.register('reset', (_, c) => c.abort('no'), { id: 'r' })
    await actions.dispatch('go', 5).catch(() => {})
    await actions.dispatch('reset')
    off()
    await actions.dispatch('reset')
    expect(strip(events)).toEqual([
      { type: 'start', dispatchId: 1, action: 'go', payload: 5, time: 'number' },
      { type: 'handler', dispatchId: 1, action: 'go', handlerId: 'a', priority: 2, outcome: 'completed', duration: 'number' },
      { type: 'handler', dispatchId: 1, action: 'go', handlerId: 'b', priority: 1, outcome: 'failed', duration: 'number', error: boom },
      { type: 'error', dispatchId: 1, action: 'go', handlerId: 'b', error: boom },
      { type: 'handler', dispatchId: 1, action: 'go', handlerId: 'c', priority: 0, outcome: 'skipped', duration: 'number' },
      { type: 'end', dispatchId: 1, action: 'go', outcome: 'failed', duration: 'number', handlers: ['a:completed', 'b:failed', 'c:skipped'] },
      { type: 'start', dispatchId: 2, action: 'reset', payload: undefined, time: 'number' },
      { type: 'handler', dispatchId: 2, action: 'reset', handlerId: 'r', priority: 0, outcome: 'completed', duration: 'number' },
      { type: 'abort', dispatchId: 2, action: 'reset', reason: 'no', handlerId: 'r' },
      { type: 'end', dispatchId: 2, action: 'reset', outcome: 'aborted', duration: 'number', handlers: ['r:completed'] },
    ])
  })

  it('reports early exits as dropped, aborted or completed', async () => {
    const actions = new ActionRegister<Actions>()
    const events: DispatchEvent[] = []
    actions.observe((e) => events.push(e))
    const aborted = new AbortController()
    aborted.abort()
    await actions.dispatch('go', 1)
    actions.register('go', () => {})
    await actions.dispatch('go', 2, { signal: aborted.signal })
    await actions.dispatch('go', 3, { throttle: 1000 })
    await actions.dispatch('go', 4, { throttle: 1000 })
    actions.clearAll()
    expect(strip(events).filter((e) => e.type === 'end' || e.type === 'abort')).toEqual([
      { type: 'end', dispatchId: 1, action: 'go', outcome: 'completed', duration: 'number', handlers: [] },
      { type: 'abort', dispatchId: 2, action: 'go', reason: 'Action dispatch aborted by signal' },
      { type: 'end', dispatchId: 2, action: 'go', outcome: 'aborted', duration: 'number', handlers: [] },
      { type: 'end', dispatchId: 3, action: 'go', outcome: 'completed', duration: 'number', handlers: ['handler_1:completed'] },
      { type: 'end', dispatchId: 4, action: 'go', outcome: 'dropped', duration: 'number', handlers: [], reason: 'Throttled execution' },
    ])
  })

  it('an observer that throws does not break the dispatch or other observers', async () => {
    const actions = new ActionRegister<Actions>()
    const types: string[] = []
    actions.observe(() => {
      throw new Error('observer')
    })
    actions.observe((e) => types.push(e.type))
    actions.register('go', (n) => n)
    const result = await actions.dispatchWithResult('go', 1)
    expect([result.success, types]).toEqual([true, ['start', 'handler', 'end']])
  })

  it('rejects a non-function observer', () => {
    expect(() => new ActionRegister().observe(null as never)).toThrow('ActionRegister.observe: observer must be a function, got null')
  })

  // Unobserved dispatches do not time their handlers; what they ran is still recorded.
  it('an observer added while a dispatch runs gets its end with every handler outcome', async () => {
    const actions = new ActionRegister<Actions>()
    const gate = deferred()
    actions.register('go', () => gate.promise, { id: 'a', priority: 1 })
    actions.register('go', (_, c) => c.abort('stop'), { id: 'b' })
    actions.register('go', () => {}, { id: 'c', priority: -1 })
    const running = actions.dispatch('go', 1)
    const events: DispatchEvent[] = []
    actions.observe((e) => events.push(e))
    gate.resolve()
    await running
    expect(strip(events)).toEqual([
      { type: 'abort', dispatchId: 1, action: 'go', reason: 'stop', handlerId: 'b' },
      { type: 'end', dispatchId: 1, action: 'go', outcome: 'aborted', duration: 'number', handlers: ['a:completed', 'b:completed', 'c:aborted'] },
    ])
  })
})

describe('upstream behaviours kept', () => {
  it('the last return() wins', async () => {
    const actions = new ActionRegister<Actions>()
    actions.register('go', (_, c) => {
      c.return('first')
      c.return('second')
    })
    const result = await actions.dispatchWithResult('go', 1, { result: { collect: true } })
    expect([result.terminated, result.result]).toEqual([true, 'second'])
  })

  it('delivers any payload as is: null, undefined, falsy, nested and circular values', async () => {
    const actions = new ActionRegister()
    const seen: unknown[] = []
    actions.register('any', (p) => void seen.push(p))
    const circular: Record<string, unknown> = { name: 'loop' }
    circular.self = circular
    const payloads = [null, undefined, 0, false, '', [], { a: { b: [1, { c: 2 }] } }, circular]
    for (const p of payloads) await actions.dispatch('any', p)
    expect(seen).toHaveLength(payloads.length)
    seen.forEach((p, i) => expect(p).toBe(payloads[i]))
  })

  it('handles many handlers and rapid register/unregister cycles', async () => {
    const actions = new ActionRegister<Actions>()
    const offs = Array.from({ length: 500 }, (_, i) => actions.register('go', () => i, { priority: i % 7 }))
    const result = await actions.dispatchWithResult('go', 1)
    expect([result.execution.handlersExecuted, result.results.length, result.results[0]]).toEqual([500, 500, 6])
    for (let i = 0; i < offs.length; i += 2) offs[i]()
    expect(actions.getHandlerCount('go')).toBe(250)
    for (let i = 0; i < 100; i++) actions.register('other', () => {}, { id: 'same' })
    expect(actions.getHandlerCount('other')).toBe(1)
  })

  it('setting a mode for an action without handlers is allowed', () => {
    const actions = new ActionRegister<Actions>()
    actions.setActionExecutionMode('reset', 'race')
    expect(actions.getActionExecutionMode('reset')).toBe('race')
  })
})
