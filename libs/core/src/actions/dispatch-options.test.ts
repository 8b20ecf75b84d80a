import { describe, expect, it } from 'vitest'
import { ActionRegister } from './action-register'
import {
  assertAction,
  assertConcurrency,
  assertDispatchOptions,
  assertExecutionMode,
  CONCURRENCY_POLICIES,
  EXECUTION_MODES,
} from './dispatch-options'

const errorOf = (run: () => void): string => {
  try {
    run()
    return 'no error'
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`
  }
}

const check = (options: unknown): string => errorOf(() => assertDispatchOptions('ActionRegister.dispatch', options))

const OPTIONS = 'supported options are executionMode, concurrency, signal, filter, debounce, throttle, result, timeout, retries, autoAbort'
const RESULT_KEYS = 'supported keys are collect, strategy, merger, maxResults, timeout'

describe('mode and policy lists', () => {
  it('lists every execution mode and concurrency policy', () => {
    expect({ EXECUTION_MODES, CONCURRENCY_POLICIES }).toEqual({
      EXECUTION_MODES: ['sequential', 'parallel', 'race'],
      CONCURRENCY_POLICIES: ['parallel', 'takeLatest', 'takeFirst', 'queue'],
    })
  })
})

describe('assertExecutionMode and assertConcurrency', () => {
  it('accept every listed value', () => {
    const results = [
      ...EXECUTION_MODES.map((mode) => errorOf(() => assertExecutionMode('fn', 'mode', mode))),
      ...CONCURRENCY_POLICIES.map((policy) => errorOf(() => assertConcurrency('fn', 'policy', policy))),
    ]
    expect(results).toEqual(Array(7).fill('no error'))
  })

  it('refuse anything else, naming the function, the value described and the allowed values', () => {
    const results = [
      errorOf(() => assertExecutionMode('ActionRegister.setActionExecutionMode', 'mode', 'serial')),
      errorOf(() => assertExecutionMode('fn', 'options.executionMode', undefined)),
      errorOf(() => assertConcurrency('ActionRegister.setActionConcurrency', 'policy', 'latest')),
      errorOf(() => assertConcurrency('fn', 'options.concurrency', 1)),
    ]
    expect(results).toEqual([
      'TypeError: ActionRegister.setActionExecutionMode: mode must be one of "sequential", "parallel", "race", got "serial"',
      'TypeError: fn: options.executionMode must be one of "sequential", "parallel", "race", got undefined',
      'TypeError: ActionRegister.setActionConcurrency: policy must be one of "parallel", "takeLatest", "takeFirst", "queue", got "latest"',
      'TypeError: fn: options.concurrency must be one of "parallel", "takeLatest", "takeFirst", "queue", got 1',
    ])
  })
})

describe('assertAction', () => {
  it('accepts a non-empty string and refuses everything else', () => {
    const results = ['go', '', undefined, 3, Symbol('go')].map((action) => errorOf(() => assertAction('ActionRegister.dispatch', action)))
    expect(results).toEqual([
      'no error',
      'TypeError: ActionRegister.dispatch: action must be a non-empty string, got ""',
      'TypeError: ActionRegister.dispatch: action must be a non-empty string, got undefined',
      'TypeError: ActionRegister.dispatch: action must be a non-empty string, got 3',
      'TypeError: ActionRegister.dispatch: action must be a non-empty string, got Symbol(go)',
    ])
  })
})

describe('assertDispatchOptions', () => {
  it('accepts no options, empty options, options set to undefined and every valid option', () => {
    const results = [
      check(undefined),
      check({}),
      check({ executionMode: undefined, concurrency: undefined, signal: undefined, filter: undefined, debounce: undefined, throttle: undefined, result: undefined }),
      check({
        executionMode: 'race',
        concurrency: 'queue',
        signal: new AbortController().signal,
        filter: { tags: ['a'], custom: () => true },
        debounce: 0,
        throttle: 12.5,
        result: { collect: true, strategy: 'custom', merger: () => null, maxResults: 3 },
      }),
      check({ result: {} }),
      check({ result: { collect: false, strategy: 'merge', merger: () => null } }),
      check({ result: { maxResults: 0 } }),
      check({ result: { maxResults: Infinity } }),
      check({ signal: AbortSignal.abort() }),
    ]
    expect(results).toEqual(Array(9).fill('no error'))
  })

  it('refuses options that are not an object', () => {
    expect([null, 'fast', [], 1].map(check)).toEqual([
      'TypeError: ActionRegister.dispatch: options must be an object, got null',
      'TypeError: ActionRegister.dispatch: options must be an object, got "fast"',
      'TypeError: ActionRegister.dispatch: options must be an object, got an array (length 0)',
      'TypeError: ActionRegister.dispatch: options must be an object, got 1',
    ])
  })

  it('refuses unknown option keys, naming the function, the key and the supported options', () => {
    const results = [{ mode: 'race' }, { executionMode: 'race', priority: 1 }].map((options) =>
      errorOf(() => assertDispatchOptions('ActionRegister.dispatchWithResult', options)),
    )
    expect(results).toEqual([
      `TypeError: ActionRegister.dispatchWithResult: unknown option "mode"; ${OPTIONS}`,
      `TypeError: ActionRegister.dispatchWithResult: unknown option "priority"; ${OPTIONS}`,
    ])
  })

  it('refuses bad executionMode, concurrency and signal values', () => {
    const results = [
      { executionMode: 'serial' },
      { executionMode: null },
      { concurrency: 'latest' },
      { signal: new AbortController() },
      { signal: { aborted: false } },
    ].map(check)
    expect(results).toEqual([
      'TypeError: ActionRegister.dispatch: options.executionMode must be one of "sequential", "parallel", "race", got "serial"',
      'TypeError: ActionRegister.dispatch: options.executionMode must be one of "sequential", "parallel", "race", got null',
      'TypeError: ActionRegister.dispatch: options.concurrency must be one of "parallel", "takeLatest", "takeFirst", "queue", got "latest"',
      'TypeError: ActionRegister.dispatch: options.signal must be an AbortSignal, got an AbortController',
      'TypeError: ActionRegister.dispatch: options.signal must be an AbortSignal, got an object',
    ])
  })

  it('refuses debounce and throttle values that are not finite milliseconds ≥ 0', () => {
    const results = [{ debounce: -1 }, { debounce: Infinity }, { debounce: '10' }, { throttle: NaN }, { throttle: -0.5 }, { throttle: null }].map(check)
    expect(results).toEqual([
      'TypeError: ActionRegister.dispatch: options.debounce must be a finite number of milliseconds ≥ 0, got -1',
      'TypeError: ActionRegister.dispatch: options.debounce must be a finite number of milliseconds ≥ 0, got Infinity',
      'TypeError: ActionRegister.dispatch: options.debounce must be a finite number of milliseconds ≥ 0, got "10"',
      'TypeError: ActionRegister.dispatch: options.throttle must be a finite number of milliseconds ≥ 0, got NaN',
      'TypeError: ActionRegister.dispatch: options.throttle must be a finite number of milliseconds ≥ 0, got -0.5',
      'TypeError: ActionRegister.dispatch: options.throttle must be a finite number of milliseconds ≥ 0, got null',
    ])
  })

  it('refuses bad timeout, result.timeout and autoAbort values, naming the option', () => {
    const results = [
      { timeout: -1 },
      { result: { timeout: Infinity } },
      { autoAbort: { enabled: 'yes' } },
      { autoAbort: { onControllerCreated: 1 } },
      { autoAbort: { allowHandlerAbort: 0 } },
    ].map(check)
    expect(results).toEqual([
      'TypeError: ActionRegister.dispatch: options.timeout must be a finite number of milliseconds ≥ 0, got -1',
      'TypeError: ActionRegister.dispatch: options.result.timeout must be a finite number of milliseconds ≥ 0, got Infinity',
      'TypeError: ActionRegister.dispatch: options.autoAbort.enabled must be a boolean, got "yes"',
      'TypeError: ActionRegister.dispatch: options.autoAbort.onControllerCreated must be a function, got 1',
      'TypeError: ActionRegister.dispatch: options.autoAbort.allowHandlerAbort must be a boolean, got 0',
    ])
  })

  it('refuses a bad filter with the filter messages', () => {
    const results = [{ filter: 'ui' }, { filter: { tag: ['ui'] } }, { filter: { tags: 'ui' } }].map(check)
    expect(results).toEqual([
      'TypeError: ActionRegister.dispatch: options.filter must be an object, got "ui"',
      'TypeError: ActionRegister.dispatch: unknown options.filter key "tag"; supported keys are tags, handlerIds, excludeTags, excludeHandlerIds, category, excludeCategory, environment, feature, custom',
      'TypeError: ActionRegister.dispatch: options.filter.tags must be an array of strings, got "ui"',
    ])
  })

  it('refuses a result that is not an object or has unknown keys', () => {
    const results = [{ result: null }, { result: [] }, { result: true }, { result: { limit: 1 } }, { result: { collect: true, merge: () => 1 } }].map(check)
    expect(results).toEqual([
      'TypeError: ActionRegister.dispatch: options.result must be an object, got null',
      'TypeError: ActionRegister.dispatch: options.result must be an object, got an array (length 0)',
      'TypeError: ActionRegister.dispatch: options.result must be an object, got true',
      `TypeError: ActionRegister.dispatch: unknown options.result key "limit"; ${RESULT_KEYS}`,
      `TypeError: ActionRegister.dispatch: unknown options.result key "merge"; ${RESULT_KEYS}`,
    ])
  })

  it('refuses bad collect, strategy and merger values, and a custom strategy without a merger', () => {
    const results = [
      { collect: 'yes' },
      { strategy: 'every' },
      { strategy: undefined, merger: 'sum' },
      { strategy: 'custom' },
      { strategy: 'custom', merger: undefined },
    ].map((result) => check({ result }))
    expect(results).toEqual([
      'TypeError: ActionRegister.dispatch: options.result.collect must be a boolean, got "yes"',
      'TypeError: ActionRegister.dispatch: options.result.strategy must be one of "first", "last", "all", "merge", "custom", got "every"',
      'TypeError: ActionRegister.dispatch: options.result.merger must be a function, got "sum"',
      'TypeError: ActionRegister.dispatch: options.result.strategy "custom" needs options.result.merger, a function of the results',
      'TypeError: ActionRegister.dispatch: options.result.strategy "custom" needs options.result.merger, a function of the results',
    ])
  })

  it('refuses a maxResults that is not an integer ≥ 0', () => {
    const results = [-1, 1.5, NaN, -Infinity, '2', null].map((maxResults) => check({ result: { maxResults } }))
    const message = (got: string) => `TypeError: ActionRegister.dispatch: options.result.maxResults must be an integer ≥ 0, got ${got}`
    expect(results).toEqual([message('-1'), message('1.5'), message('NaN'), message('-Infinity'), message('"2"'), message('null')])
  })

  it('makes a dispatch with bad options reject before any handler runs', async () => {
    const actions = new ActionRegister<{ go: number }>()
    const ran: number[] = []
    actions.register('go', (n) => void ran.push(n))
    const outcomes: string[] = []
    for (const options of [{ executionMode: 'serial' }, { bogus: 1 }, { result: { maxResults: -1 } }]) {
      await actions.dispatch('go', 1, options as never).then(
        () => outcomes.push('resolved'),
        (error: Error) => outcomes.push(error.message),
      )
    }
    expect({ ran, outcomes, stats: actions.getActionStats('go')?.executionStats }).toEqual({
      ran: [],
      outcomes: [
        'ActionRegister.dispatch: options.executionMode must be one of "sequential", "parallel", "race", got "serial"',
        `ActionRegister.dispatch: unknown option "bogus"; ${OPTIONS}`,
        'ActionRegister.dispatch: options.result.maxResults must be an integer ≥ 0, got -1',
      ],
      stats: undefined,
    })
  })
})
