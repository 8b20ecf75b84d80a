import type { ConcurrencyPolicy, DispatchOptions, ExecutionMode, ResultStrategy } from './action-types'
import { argumentError, assertDelay, assertFunction, assertOptions, describe } from './errors'
import { assertFilter } from './handler-filter'

export const EXECUTION_MODES: readonly ExecutionMode[] = ['sequential', 'parallel', 'race']
export const CONCURRENCY_POLICIES: readonly ConcurrencyPolicy[] = ['parallel', 'takeLatest', 'takeFirst', 'queue']
const STRATEGIES: readonly ResultStrategy[] = ['first', 'last', 'all', 'merge', 'custom']
const KEYS = new Set(['executionMode', 'concurrency', 'signal', 'filter', 'debounce', 'throttle', 'result'])
const RESULT_KEYS = new Set(['collect', 'strategy', 'merger', 'maxResults'])

const quoted = (values: readonly string[]): string => values.map((v) => `"${v}"`).join(', ')

export function assertExecutionMode(fn: string, what: string, mode: unknown): asserts mode is ExecutionMode {
  if (!EXECUTION_MODES.includes(mode as ExecutionMode)) {
    throw argumentError(fn, `${what} must be one of ${quoted(EXECUTION_MODES)}, got ${describe(mode)}`)
  }
}

export function assertConcurrency(fn: string, what: string, policy: unknown): asserts policy is ConcurrencyPolicy {
  if (!CONCURRENCY_POLICIES.includes(policy as ConcurrencyPolicy)) {
    throw argumentError(fn, `${what} must be one of ${quoted(CONCURRENCY_POLICIES)}, got ${describe(policy)}`)
  }
}

export function assertAction(fn: string, action: unknown): asserts action is string {
  if (typeof action !== 'string' || action === '') throw argumentError(fn, `action must be a non-empty string, got ${describe(action)}`)
}

function assertResultOptions(fn: string, result: unknown): void {
  if (result === undefined) return
  if (result === null || typeof result !== 'object' || Array.isArray(result)) {
    throw argumentError(fn, `options.result must be an object, got ${describe(result)}`)
  }
  const r = result as Record<string, unknown>
  for (const key of Object.keys(r)) {
    if (!RESULT_KEYS.has(key)) throw argumentError(fn, `unknown options.result key "${key}"; supported keys are ${[...RESULT_KEYS].join(', ')}`)
  }
  if (r.collect !== undefined && typeof r.collect !== 'boolean') {
    throw argumentError(fn, `options.result.collect must be a boolean, got ${describe(r.collect)}`)
  }
  if (r.strategy !== undefined && !STRATEGIES.includes(r.strategy as ResultStrategy)) {
    throw argumentError(fn, `options.result.strategy must be one of ${quoted(STRATEGIES)}, got ${describe(r.strategy)}`)
  }
  if (r.merger !== undefined) assertFunction(fn, 'options.result.merger', r.merger)
  if (r.strategy === 'custom' && r.merger === undefined) {
    throw argumentError(fn, 'options.result.strategy "custom" needs options.result.merger, a function of the results')
  }
  const max = r.maxResults
  if (max !== undefined && (typeof max !== 'number' || !(max >= 0) || (Number.isFinite(max) && !Number.isInteger(max)))) {
    throw argumentError(fn, `options.result.maxResults must be an integer ≥ 0, got ${describe(max)}`)
  }
}

/** Validate every dispatch option before anything runs, so a bad call changes nothing. */
export function assertDispatchOptions(fn: string, options: unknown): asserts options is DispatchOptions | undefined {
  assertOptions(fn, options)
  if (options === undefined) return
  const o = options as Record<string, unknown>
  for (const key of Object.keys(o)) {
    if (!KEYS.has(key)) throw argumentError(fn, `unknown option "${key}"; supported options are ${[...KEYS].join(', ')}`)
  }
  if (o.executionMode !== undefined) assertExecutionMode(fn, 'options.executionMode', o.executionMode)
  if (o.concurrency !== undefined) assertConcurrency(fn, 'options.concurrency', o.concurrency)
  if (o.signal !== undefined && !(o.signal instanceof AbortSignal)) {
    throw argumentError(fn, `options.signal must be an AbortSignal, got ${describe(o.signal)}`)
  }
  assertDelay(fn, 'options.debounce', o.debounce)
  assertDelay(fn, 'options.throttle', o.throttle)
  assertFilter(fn, o.filter)
  assertResultOptions(fn, o.result)
}
