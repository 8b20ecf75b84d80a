import type { Invocation, PipelineEntry } from './invocation'

/** A dispatch's timeout and retries, for handlers without their own, and the register's bounds. */
export interface HandlerLimits {
  timeout?: number | undefined
  retries?: number | undefined
  maxRetries: number
  retryDelay: number
}

const isThenable = (value: unknown): value is PromiseLike<unknown> => typeof (value as PromiseLike<unknown> | null)?.then === 'function'

/**
 * Call the handler of `invocation` under its timeout and retries: a failure runs it again after `retryDelay` (not once
 * its invocation is over or cancelled); past the timeout its signal aborts with a `TimeoutError`, which it fails with.
 */
export function callHandler(entry: PipelineEntry, payload: unknown, invocation: Invocation, limits: HandlerLimits): unknown {
  const timeout = entry.info?.timeout ?? limits.timeout
  const retries = Math.min(entry.info?.retries ?? limits.retries ?? 0, limits.maxRetries)
  // A function of its own: the context of its closures is allocated on every call of the function that declares them.
  // Stryker disable next-line ConditionalExpression: a fast path; `limited` with no timeout and no retry left returns what the handler returns
  return timeout === undefined && retries === 0 ? entry.handler(payload, invocation as never) : limited(entry, payload, invocation, limits, timeout, retries)
}

function limited(entry: PipelineEntry, payload: unknown, invocation: Invocation, limits: HandlerLimits, timeout: number | undefined, left: number): unknown {
  const over = () => invocation.settled || invocation.cancelled
  const attempt = (): unknown => {
    const retry = (error: unknown): unknown => {
      if (left-- < 1 || over()) throw error
      return new Promise((resolve) => setTimeout(resolve, limits.retryDelay)).then(() => {
        // Checked again after the delay: the dispatch may have been aborted, or the handler timed out, meanwhile.
        if (over()) throw error
        return attempt()
      })
    }
    try {
      const value = entry.handler(payload, invocation as never)
      // Stryker disable next-line EqualityOperator,ConditionalExpression: with no retry left, `retry` re-throws at once: wrapping a thenable then only adds a microtask
      return left > 0 && isThenable(value) ? Promise.resolve(value).catch(retry) : value
    } catch (error) {
      return retry(error)
    }
  }
  const value = attempt()
  if (timeout === undefined || !isThenable(value)) return value
  let timer: ReturnType<typeof setTimeout>
  const expired = new Promise((_, reject) => {
    timer = setTimeout(() => {
      const error = new DOMException(`handler "${entry.id}" timed out after ${timeout} ms`, 'TimeoutError')
      invocation.abortWith(error)
      reject(error)
    }, timeout)
  })
  return Promise.race([value, expired]).finally(() => clearTimeout(timer))
}
