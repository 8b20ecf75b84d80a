/** How a debounced call ended: it ran, a newer call replaced it, or `clear()` cancelled it. */
export type DebounceVerdict = 'run' | 'superseded' | 'cancelled'

interface PendingCall {
  timer: ReturnType<typeof setTimeout>
  resolve: (verdict: DebounceVerdict) => void
}

/** Debounce (trailing edge) and throttle (leading edge) per key; timers exist only while in use. */
export class Guard {
  private debounced: Map<string, PendingCall> | null = null
  private throttled: Map<string, ReturnType<typeof setTimeout>> | null = null

  /** Resolves `'run'` after `ms` unless a newer call for `key` arrives first. */
  debounce(key: string, ms: number): Promise<DebounceVerdict> {
    const pending = (this.debounced ??= new Map())
    this.settle(key, 'superseded')
    return new Promise<DebounceVerdict>((resolve) => {
      const timer = setTimeout(() => {
        pending.delete(key)
        resolve('run')
      }, ms)
      pending.set(key, { timer, resolve })
    })
  }

  /** `true` when `key` may run now; blocks it for the next `ms`. */
  throttle(key: string, ms: number): boolean {
    if (ms === 0) return true
    const blocked = (this.throttled ??= new Map())
    if (blocked.has(key)) return false
    blocked.set(
      key,
      setTimeout(() => blocked.delete(key), ms),
    )
    return true
  }

  /** Cancel the timers of `key`, or of every key; pending debounced calls resolve `'cancelled'`. */
  clear(key?: string): void {
    if (key !== undefined) {
      this.settle(key, 'cancelled')
      this.unthrottle(key)
      return
    }
    if (this.debounced !== null) for (const k of [...this.debounced.keys()]) this.settle(k, 'cancelled')
    if (this.throttled !== null) for (const k of [...this.throttled.keys()]) this.unthrottle(k)
  }

  private settle(key: string, verdict: DebounceVerdict): void {
    const call = this.debounced?.get(key)
    if (call === undefined) return
    this.debounced!.delete(key)
    clearTimeout(call.timer)
    call.resolve(verdict)
  }

  private unthrottle(key: string): void {
    const timer = this.throttled?.get(key)
    if (timer === undefined) return
    this.throttled!.delete(key)
    clearTimeout(timer)
  }
}
