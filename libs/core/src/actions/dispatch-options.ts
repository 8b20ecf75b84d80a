import type { ConcurrencyPolicy, DispatchOptions, ExecutionMode, ResultStrategy } from './action-types'
import { argumentError, assertCount, assertDelay, assertName, assertOneOf, assertOptional, assertShape, describe } from '../shared/errors'
import { assertFilter } from './handler-filter'

export const EXECUTION_MODES: readonly ExecutionMode[] = ['sequential', 'parallel', 'race']
export const CONCURRENCY_POLICIES: readonly ConcurrencyPolicy[] = ['parallel', 'takeLatest', 'takeFirst', 'queue']
const STRATEGIES: readonly ResultStrategy[] = ['first', 'last', 'all', 'merge', 'custom']
const KEYS = new Set(['executionMode', 'concurrency', 'signal', 'filter', 'debounce', 'throttle', 'result', 'timeout', 'retries', 'autoAbort'])
const RESULT_KEYS = new Set(['collect', 'strategy', 'merger', 'maxResults', 'timeout'])
const AUTO_ABORT = { enabled: 'boolean', onControllerCreated: 'function', allowHandlerAbort: 'boolean' } as const

export function assertExecutionMode(fn: string, what: string, mode: unknown, optional?: boolean): asserts mode is ExecutionMode | undefined {
  assertOneOf(fn, what, mode, EXECUTION_MODES, optional)
}

export function assertConcurrency(fn: string, what: string, policy: unknown, optional?: boolean): asserts policy is ConcurrencyPolicy | undefined {
  assertOneOf(fn, what, policy, CONCURRENCY_POLICIES, optional)
}

export function assertAction(fn: string, action: unknown): asserts action is string {
  assertName(fn, 'action', action)
}

function assertResultOptions(fn: string, result: unknown): void {
  if (result === undefined) return
  assertShape(fn, 'options.result', result, RESULT_KEYS)
  assertOptional(fn, 'options.result.collect', result.collect, 'boolean')
  assertOneOf(fn, 'options.result.strategy', result.strategy, STRATEGIES, true)
  assertOptional(fn, 'options.result.merger', result.merger, 'function')
  if (result.strategy === 'custom' && result.merger === undefined) {
    throw argumentError(fn, 'options.result.strategy "custom" needs options.result.merger, a function of the results')
  }
  assertCount(fn, 'options.result.maxResults', result.maxResults, 0)
  assertDelay(fn, 'options.result.timeout', result.timeout)
}

/** Validate every dispatch option before anything runs, so a bad call changes nothing. */
export function assertDispatchOptions(fn: string, options: unknown): asserts options is DispatchOptions | undefined {
  if (options === undefined) return
  assertShape(fn, 'options', options, KEYS, 'option', 'options')
  assertExecutionMode(fn, 'options.executionMode', options.executionMode, true)
  assertConcurrency(fn, 'options.concurrency', options.concurrency, true)
  if (options.signal !== undefined && !(options.signal instanceof AbortSignal)) {
    throw argumentError(fn, `options.signal must be an AbortSignal, got ${describe(options.signal)}`)
  }
  assertDelay(fn, 'options.debounce', options.debounce)
  assertDelay(fn, 'options.throttle', options.throttle)
  assertDelay(fn, 'options.timeout', options.timeout)
  assertCount(fn, 'options.retries', options.retries, 0)
  const auto = options.autoAbort
  if (auto !== undefined) {
    assertShape(fn, 'options.autoAbort', auto, new Set(Object.keys(AUTO_ABORT)))
    for (const [key, type] of Object.entries(AUTO_ABORT)) assertOptional(fn, `options.autoAbort.${key}`, auto[key], type)
  }
  assertFilter(fn, options.filter)
  assertResultOptions(fn, options.result)
}
