import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { failOnUnhandledRejections } from '../__tests__/async-helpers'
import { ActionRegister } from './action-register'
import type { ActionPayloadMap } from './action-types'

// Every key the original's types declare, ported in the style of its own tests (issue 15, SPEC §1.5).
interface TestActions extends ActionPayloadMap {
  complexWorkflow: { data: string }
  simpleAction: string
}

failOnUnhandledRejections()

const never = () => new Promise<never>(() => {})

describe('ActionRegister - upstream registry configuration', () => {
  afterEach(() => {
    vi.restoreAllMocks()
    vi.useRealTimers()
  })

  it('accepts every registry key of the original', () => {
    const actionRegister = new ActionRegister<TestActions>({
      name: 'app',
      registry: { debug: false, autoCleanup: true, maxHandlers: 10, maxRetries: 3, retryDelay: 0, defaultExecutionMode: 'sequential' },
    })
    expect(actionRegister.getRegistryInfo()).toEqual({
      name: 'app',
      totalActions: 0,
      totalHandlers: 0,
      registeredActions: [],
      actionExecutionModes: new Map(),
      defaultExecutionMode: 'sequential',
    })
  })

  it('getRegistryConfig and isDebugEnabled report the settings with their defaults', () => {
    const actionRegister = new ActionRegister<TestActions>({ name: 'app', registry: { debug: true, maxRetries: 2 } })
    expect(actionRegister.isDebugEnabled()).toBe(true)
    expect(actionRegister.getRegistryConfig()).toEqual({
      maxHandlers: Infinity,
      defaultExecutionMode: 'sequential',
      defaultConcurrency: 'parallel',
      strict: false,
      debug: true,
      autoCleanup: true,
      maxRetries: 2,
      retryDelay: 0,
    })
    expect(new ActionRegister().isDebugEnabled()).toBe(false)
  })

  it('debug logs every dispatch event with console.debug', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {})
    const actionRegister = new ActionRegister<TestActions>({ name: 'app', registry: { debug: true } })
    actionRegister.register('simpleAction', () => 'done', { id: 'h' })
    await actionRegister.dispatch('simpleAction', 'x')
    expect(debug.mock.calls.map(([message]) => message)).toEqual(['[app] start "simpleAction"', '[app] handler "simpleAction"', '[app] end "simpleAction"'])
    expect(debug.mock.calls[1][1]).toMatchObject({ type: 'handler', handlerId: 'h', outcome: 'completed' })
  })

  it('without debug nothing is logged', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {})
    const actionRegister = new ActionRegister<TestActions>({ registry: { debug: false } })
    actionRegister.register('simpleAction', () => {})
    await actionRegister.dispatch('simpleAction', 'x')
    expect(debug).not.toHaveBeenCalled()
  })

  it('autoCleanup (default) removes a once handler after it ran; autoCleanup: false keeps it registered but spent', async () => {
    const runs: string[] = []
    const cleaned = new ActionRegister<TestActions>({ registry: { autoCleanup: true } })
    const kept = new ActionRegister<TestActions>({ registry: { autoCleanup: false } })
    for (const [name, actionRegister] of [['cleaned', cleaned], ['kept', kept]] as const) {
      actionRegister.register('simpleAction', () => void runs.push(name), { once: true, id: 'once' })
      await actionRegister.dispatch('simpleAction', 'a')
      await actionRegister.dispatch('simpleAction', 'b')
    }
    expect(runs).toEqual(['cleaned', 'kept'])
    expect([cleaned.getHandlerCount('simpleAction'), kept.getHandlerCount('simpleAction')]).toEqual([0, 1])
  })

  it('maxRetries bounds the retries of a handler', async () => {
    const actionRegister = new ActionRegister<TestActions>({ registry: { maxRetries: 1 } })
    let attempts = 0
    actionRegister.register('simpleAction', () => {
      attempts++
      throw new Error(`Attempt ${attempts} failed`)
    }, { id: 'flaky', retries: 5 })
    const result = await actionRegister.dispatchWithResult('simpleAction', 'x')
    expect(attempts).toBe(2)
    expect(result.errors.map((e) => [e.handlerId, e.error.message])).toEqual([['flaky', 'Attempt 2 failed']])
  })

  it('retryDelay waits between attempts', async () => {
    vi.useFakeTimers()
    const actionRegister = new ActionRegister<TestActions>({ registry: { retryDelay: 100 } })
    const attempts: number[] = []
    actionRegister.register('simpleAction', () => {
      attempts.push(Date.now())
      if (attempts.length < 3) throw new Error('not yet')
      return 'ok'
    }, { retries: 2 })
    const pending = actionRegister.dispatchWithResult('simpleAction', 'x', { result: { collect: true } })
    await vi.advanceTimersByTimeAsync(99)
    expect(attempts.length).toBe(1)
    await vi.advanceTimersByTimeAsync(101)
    const result = await pending
    expect(attempts.map((t) => t - attempts[0])).toEqual([0, 100, 200])
    expect([result.success, result.results]).toEqual([true, ['ok']])
  })

  it('a retry waiting for its delay does not run once the dispatch was aborted', async () => {
    vi.useFakeTimers()
    const actionRegister = new ActionRegister<TestActions>({ registry: { retryDelay: 100 } })
    const controller = new AbortController()
    let attempts = 0
    actionRegister.register('simpleAction', () => {
      attempts++
      throw new Error('down')
    }, { retries: 3 })
    const pending = actionRegister.dispatchWithResult('simpleAction', 'x', { signal: controller.signal })
    await vi.advanceTimersByTimeAsync(50)
    controller.abort()
    await vi.advanceTimersByTimeAsync(500)
    const result = await pending
    expect([attempts, result.aborted, result.errors.map((e) => e.error.message)]).toEqual([1, true, []])
  })

  it('defaultExecutionMode sets the mode of every action', async () => {
    const actionRegister = new ActionRegister<TestActions>({ registry: { defaultExecutionMode: 'parallel' } })
    expect(actionRegister.getActionExecutionMode('simpleAction')).toBe('parallel')
  })

  it('still refuses registry keys the original does not declare', () => {
    expect(() => new ActionRegister({ registry: { debugMode: true } } as never)).toThrow('new ActionRegister: unknown registry key "debugMode"')
    expect(() => new ActionRegister({ registry: { maxRetries: -1 } })).toThrow('new ActionRegister: registry.maxRetries must be an integer ≥ 0, got -1')
    expect(() => new ActionRegister({ registry: { debug: 'yes' } } as never)).toThrow('new ActionRegister: registry.debug must be a boolean, got "yes"')
    expect(() => new ActionRegister({ registry: { autoCleanup: 1 } } as never)).toThrow('new ActionRegister: registry.autoCleanup must be a boolean, got 1')
    expect(() => new ActionRegister({ registry: { retryDelay: -1 } })).toThrow(
      /^new ActionRegister: registry\.retryDelay must be a finite number of milliseconds ≥ 0, got -1$/,
    )
  })
})

describe('ActionRegister - upstream handler configuration', () => {
  let actionRegister: ActionRegister<TestActions>

  beforeEach(() => {
    actionRegister = new ActionRegister<TestActions>({ name: 'AdvancedTestRegister', registry: { debug: false, autoCleanup: true } })
  })

  afterEach(() => {
    actionRegister.dispose()
    vi.useRealTimers()
  })

  it('keeps metadata and the descriptive keys, and returns them from introspection', () => {
    const config = {
      id: 'validator',
      tags: ['validation'],
      category: 'input',
      description: 'Validates input',
      version: '1.2.0',
      middleware: true,
      returnType: 'merge' as const,
      dependencies: ['loader'],
      conflicts: ['legacy-validator'],
      environment: 'production' as const,
      feature: 'strict-forms',
      metrics: { collectTiming: true, collectErrors: false, customMetrics: { team: 'forms' } },
      metadata: { owner: 'forms-team', reviewed: true },
    }
    actionRegister.register('complexWorkflow', () => {}, config)
    const [registration] = actionRegister.getHandlersByTag('validation').get('complexWorkflow')!
    expect(registration.config).toEqual({ ...config, priority: 0 })
    expect(actionRegister.getActionStats('complexWorkflow')!.handlersByPriority).toEqual([
      {
        priority: 0,
        handlers: [{ id: 'validator', tags: ['validation'], category: 'input', description: 'Validates input', version: '1.2.0', metadata: { owner: 'forms-team', reviewed: true } }],
      },
    ])
  })

  it('timeout aborts the handler signal with a TimeoutError and fails the handler', async () => {
    vi.useFakeTimers()
    const reasons: string[] = []
    actionRegister.register('complexWorkflow', async (_payload, controller) => {
      await new Promise((_, reject) => controller.signal.addEventListener('abort', () => reject(controller.signal.reason)))
    }, { id: 'slow-handler', priority: 20, timeout: 50 })
    actionRegister.register('complexWorkflow', () => void reasons.push('after'), { id: 'next-handler', priority: 10 })
    const pending = actionRegister.dispatchWithResult('complexWorkflow', { data: 'test' })
    await vi.advanceTimersByTimeAsync(50)
    const result = await pending
    expect(result.success).toBe(false)
    expect(result.errors.map((e) => [e.handlerId, e.error.name, e.error.message])).toEqual([['slow-handler', 'TimeoutError', 'handler "slow-handler" timed out after 50 ms']])
    expect(result.handlers.map((h) => [h.id, h.outcome])).toEqual([['slow-handler', 'failed'], ['next-handler', 'skipped']])
    expect(reasons).toEqual([])
  })

  it('timeout fails a handler that ignores its signal and never settles', async () => {
    vi.useFakeTimers()
    actionRegister.register('complexWorkflow', never, { id: 'stuck', timeout: 10 })
    const pending = actionRegister.dispatch('complexWorkflow', { data: 'test' })
    const outcome = pending.then(() => 'resolved', (error: Error) => error.name)
    await vi.advanceTimersByTimeAsync(10)
    expect(await outcome).toBe('TimeoutError')
  })

  it('a handler that finishes in time is not affected by its timeout', async () => {
    vi.useFakeTimers()
    let signal: AbortSignal | undefined
    actionRegister.register('complexWorkflow', async (_payload, controller) => ((signal = controller.signal), 'fast-completion'), { id: 'fast-handler', timeout: 1000 })
    const result = await actionRegister.dispatchWithResult('complexWorkflow', { data: 'test' }, { result: { collect: true } })
    expect([result.success, result.results]).toEqual([true, ['fast-completion']])
    // Its timer went with it: the signal it kept is not aborted when the timeout would have passed.
    await vi.advanceTimersByTimeAsync(1000)
    expect(signal!.aborted).toBe(false)
  })

  it('timeout and retries leave a synchronous handler synchronous, whatever it returns (null included)', () => {
    const ran: unknown[] = []
    const status = actionRegister.getActionStatus('simpleAction')
    const pending: boolean[] = []
    status.listen((s) => pending.push(s.pending))
    for (const value of [null, 'value']) {
      actionRegister.register('simpleAction', () => (ran.push(value), value), { id: 'sync', timeout: 50, retries: 2 })
      void actionRegister.dispatch('simpleAction', 'x')
    }
    expect([ran, pending]).toEqual([[null, 'value'], [true, false, true, false]])
  })

  it('retries runs a failing handler again until it succeeds', async () => {
    let attemptCount = 0
    actionRegister.register('complexWorkflow', async () => {
      attemptCount++
      if (attemptCount < 3) throw new Error(`Attempt ${attemptCount} failed`)
      return { success: true, attempts: attemptCount }
    }, { id: 'error-handler', priority: 20, retries: 2 })
    const result = await actionRegister.dispatchWithResult('complexWorkflow', { data: 'test' }, { result: { collect: true } })
    expect(result.success).toBe(true)
    expect(result.errors).toHaveLength(0)
    expect(result.results).toEqual([{ success: true, attempts: 3 }])
  })

  it('retries gives up with the last error', async () => {
    let attemptCount = 0
    actionRegister.register('complexWorkflow', () => {
      attemptCount++
      throw new Error(`Attempt ${attemptCount} failed`)
    }, { id: 'error-handler', retries: 1 })
    await expect(actionRegister.dispatch('complexWorkflow', { data: 'test' })).rejects.toThrow('Attempt 2 failed')
    expect(attemptCount).toBe(2)
  })

  it('does not retry a handler whose dispatch was aborted', async () => {
    let attemptCount = 0
    const controller = new AbortController()
    actionRegister.register('complexWorkflow', async () => {
      attemptCount++
      controller.abort()
      throw new Error('failed')
    }, { retries: 3 })
    const result = await actionRegister.dispatchWithResult('complexWorkflow', { data: 'test' }, { signal: controller.signal })
    expect([attemptCount, result.aborted]).toEqual([1, true])
  })

  it('environment and feature are matched by filter.environment and filter.feature', async () => {
    const executionLog: string[] = []
    actionRegister.register('complexWorkflow', () => void executionLog.push('dev'), { environment: 'development', feature: 'feature-a' })
    actionRegister.register('complexWorkflow', () => void executionLog.push('prod'), { environment: 'production', feature: 'feature-a' })
    actionRegister.register('complexWorkflow', () => void executionLog.push('core'))
    await actionRegister.dispatch('complexWorkflow', { data: 'x' }, { filter: { environment: 'development' } })
    await actionRegister.dispatch('complexWorkflow', { data: 'x' }, { filter: { feature: 'feature-a' } })
    await actionRegister.dispatch('complexWorkflow', { data: 'x' }, { filter: { environment: 'production', feature: 'feature-b' } })
    expect(executionLog).toEqual(['dev', 'dev', 'prod'])
  })

  it('still refuses config keys the original does not declare, and bad values of the ones it does', () => {
    expect(() => actionRegister.register('simpleAction', () => {}, { timeOut: 5 } as never)).toThrow('ActionRegister.register: unknown config key "timeOut"')
    expect(() => actionRegister.register('simpleAction', () => {}, { retries: 1.5 })).toThrow('ActionRegister.register: retries must be an integer ≥ 0, got 1.5')
    expect(() => actionRegister.register('simpleAction', () => {}, { returnType: 'values' as never })).toThrow(
      'ActionRegister.register: returnType must be one of "value", "merge", "collect", got "values"',
    )
    expect(() => actionRegister.register('simpleAction', () => {}, { metadata: 'x' as never })).toThrow('ActionRegister.register: metadata must be an object, got "x"')
    expect(actionRegister.getHandlerCount('simpleAction')).toBe(0)
  })
})

describe('ActionRegister - upstream dispatch options', () => {
  let actionRegister: ActionRegister<TestActions>

  beforeEach(() => {
    actionRegister = new ActionRegister<TestActions>({ name: 'DispatchOptionsRegister' })
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  it('timeout applies to every handler without a timeout of its own', async () => {
    vi.useFakeTimers()
    actionRegister.register('complexWorkflow', never, { id: 'own-timeout', priority: 2, timeout: 1000 })
    actionRegister.register('complexWorkflow', never, { id: 'dispatch-timeout', priority: 1 })
    const pending = actionRegister.dispatchWithResult('complexWorkflow', { data: 'x' }, { timeout: 5, executionMode: 'parallel' })
    await vi.advanceTimersByTimeAsync(1000)
    const result = await pending
    expect(result.errors.map((e) => [e.handlerId, e.error.message])).toEqual([
      ['own-timeout', 'handler "own-timeout" timed out after 1000 ms'],
      ['dispatch-timeout', 'handler "dispatch-timeout" timed out after 5 ms'],
    ])
  })

  it('result.timeout is the timeout of a dispatchWithResult', async () => {
    vi.useFakeTimers()
    actionRegister.register('complexWorkflow', never, { id: 'slow' })
    const pending = actionRegister.dispatchWithResult('complexWorkflow', { data: 'x' }, { result: { collect: true, timeout: 20 } })
    await vi.advanceTimersByTimeAsync(20)
    expect((await pending).errors.map((e) => e.error.name)).toEqual(['TimeoutError'])
  })

  it('retries applies to every handler without retries of its own', async () => {
    const attempts: string[] = []
    actionRegister.register('complexWorkflow', () => {
      attempts.push('a')
      if (attempts.length < 2) throw new Error('once')
    }, { id: 'a' })
    const result = await actionRegister.dispatchWithResult('complexWorkflow', { data: 'x' }, { retries: 1 })
    expect([result.success, attempts]).toEqual([true, ['a', 'a']])
  })

  it('autoAbort hands out a controller of its own that aborts the dispatch', async () => {
    const executionLog: string[] = []
    let created: AbortController | undefined
    actionRegister.register('complexWorkflow', async () => {
      executionLog.push('first')
      created!.abort()
    }, { priority: 2 })
    actionRegister.register('complexWorkflow', () => void executionLog.push('second'), { priority: 1 })
    const result = await actionRegister.dispatchWithResult('complexWorkflow', { data: 'x' }, {
      autoAbort: { enabled: true, onControllerCreated: (controller) => (created = controller) },
    })
    expect(executionLog).toEqual(['first'])
    expect([result.aborted, result.abortReason]).toEqual([true, 'Action dispatch aborted by signal'])
  })

  it('autoAbort links the caller signal to its controller', async () => {
    const outer = new AbortController()
    let created: AbortController | undefined
    actionRegister.register('complexWorkflow', () => outer.abort())
    await actionRegister.dispatch('complexWorkflow', { data: 'x' }, { signal: outer.signal, autoAbort: { enabled: true, onControllerCreated: (c) => (created = c) } })
    expect(created!.signal.aborted).toBe(true)
  })

  it('autoAbort.allowHandlerAbort: a handler abort aborts the controller too, keeping the handler reason', async () => {
    const created: AbortController[] = []
    actionRegister.register('complexWorkflow', (_payload, controller) => controller.abort('Invalid input'))
    for (const allowHandlerAbort of [false, true]) {
      const result = await actionRegister.dispatchWithResult('complexWorkflow', { data: 'x' }, {
        autoAbort: { enabled: true, allowHandlerAbort, onControllerCreated: (c) => void created.push(c) },
      })
      expect(result.abortReason).toBe('Invalid input')
    }
    expect(created.map((c) => [c.signal.aborted, c.signal.reason])).toEqual([
      [false, undefined],
      [true, 'Invalid input'],
    ])
  })

  it('autoAbort with a caller signal aborted already runs nothing, and needs no onControllerCreated', async () => {
    const ran: string[] = []
    actionRegister.register('simpleAction', () => void ran.push('ran'))
    const outer = new AbortController()
    outer.abort()
    const aborted = await actionRegister.dispatchWithResult('simpleAction', 'x', { signal: outer.signal, autoAbort: { enabled: true } })
    const completed = await actionRegister.dispatchWithResult('simpleAction', 'x', { autoAbort: { enabled: true } })
    expect([aborted.aborted, completed.success, ran]).toEqual([true, true, ['ran']])
  })

  it('autoAbort.allowHandlerAbort leaves the controller alone when no handler aborted', async () => {
    let created: AbortController | undefined
    actionRegister.register('simpleAction', () => {})
    const result = await actionRegister.dispatchWithResult('simpleAction', 'x', {
      autoAbort: { enabled: true, allowHandlerAbort: true, onControllerCreated: (c) => (created = c) },
    })
    expect([result.success, created!.signal.aborted]).toEqual([true, false])
  })

  it('autoAbort disabled changes nothing', async () => {
    const onControllerCreated = vi.fn()
    actionRegister.register('simpleAction', () => {})
    const result = await actionRegister.dispatchWithResult('simpleAction', 'x', { autoAbort: { enabled: false, onControllerCreated } })
    expect([result.success, onControllerCreated.mock.calls.length]).toEqual([true, 0])
  })

  it('still refuses option keys the original does not declare', async () => {
    await expect(actionRegister.dispatch('simpleAction', 'x', { autoAbort: { enable: true } } as never)).rejects.toThrow(
      'ActionRegister.dispatch: unknown options.autoAbort key "enable"; supported keys are enabled, onControllerCreated, allowHandlerAbort',
    )
    await expect(actionRegister.dispatch('simpleAction', 'x', { retries: -1 })).rejects.toThrow('ActionRegister.dispatch: options.retries must be an integer ≥ 0, got -1')
  })
})
