/** How a debounced call ended: it ran, a newer call replaced it, or `clear()` cancelled it. */
export type DebounceVerdict = 'run' | 'superseded' | 'cancelled'

/** A running timer: a debounced call (with the promise it settles) or a throttle window. */
interface Pending {
  timer: ReturnType<typeof setTimeout>
  resolve?: (verdict: DebounceVerdict) => void
}

/** Stop the timer of `key`, settling its debounced call with `verdict`. */
function stop(timers: Map<string, Pending> | undefined, key: string, verdict: DebounceVerdict): void {
  const pending = timers?.get(key)
  if (pending === undefined) return
  timers!.delete(key)
  clearTimeout(pending.timer)
  pending.resolve?.(verdict)
}

/** Debounce (trailing edge) and throttle (leading edge) per key; timers exist only while in use. */
export class Guard {
  private debounced: Map<string, Pending> | undefined
  private throttled: Map<string, Pending> | undefined

  /** Resolves `'run'` after `ms` unless a newer call for `key` arrives first. */
  debounce(key: string, ms: number): Promise<DebounceVerdict> {
    const pending = (this.debounced ??= new Map())
    stop(pending, key, 'superseded')
    return new Promise<DebounceVerdict>((resolve) => {
      pending.set(key, {
        timer: setTimeout(() => {
          pending.delete(key)
          resolve('run')
        }, ms),
        resolve,
      })
    })
  }

  /** `true` when `key` may run now; blocks it for the next `ms`. */
  throttle(key: string, ms: number): boolean {
    if (ms === 0) return true
    const blocked = (this.throttled ??= new Map())
    if (blocked.has(key)) return false
    blocked.set(key, { timer: setTimeout(() => blocked.delete(key), ms) })
    return true
  }

  /** Cancel the timers of `key`, or of every key; pending debounced calls resolve `'cancelled'`. */
  clear(key?: string): void {
    for (const timers of [this.debounced, this.throttled]) {
      // Deleting the entry being visited is safe while iterating a Map, and settling a call runs no code right away.
      // Stryker disable next-line ArrayDeclaration: without timers there is nothing to stop: `stop` finds no entry for any key
      for (const k of key === undefined ? (timers?.keys() ?? []) : [key]) stop(timers, k, 'cancelled')
    }
  }
}
