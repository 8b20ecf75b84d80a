/**
 * A virtual clock for property tests: `sleep` parks a promise; the test releases parked sleepers one at a
 * time in (time, key) order and drains every microtask in between, so each run is fully deterministic.
 */
export interface Sleeper {
  at: number
  key: string
  resolve: () => void
  reject: (reason: unknown) => void
}

export function createClock() {
  let now = 0
  const sleepers: Sleeper[] = []
  const earliest = (): Sleeper | undefined =>
    sleepers.reduce<Sleeper | undefined>((best, s) => (best === undefined || s.at < best.at || (s.at === best.at && s.key < best.key) ? s : best), undefined)
  return {
    get now() {
      return now
    },
    get size() {
      return sleepers.length
    },
    /** Park until `ms` after now; with a signal, reject as soon as it aborts (as a well-behaved handler would). */
    sleep(ms: number, key: string, signal?: AbortSignal): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        const sleeper: Sleeper = { at: now + ms, key, resolve, reject }
        if (signal?.aborted) return reject(signal.reason)
        sleepers.push(sleeper)
        signal?.addEventListener(
          'abort',
          () => {
            const i = sleepers.indexOf(sleeper)
            if (i >= 0) sleepers.splice(i, 1)
            reject(signal.reason)
          },
          { once: true },
        )
      })
    },
    /** Time of the next sleeper, or Infinity. */
    next(): number {
      return earliest()?.at ?? Infinity
    },
    /** Release the earliest sleeper (advancing the clock to its time). */
    release(): boolean {
      const s = earliest()
      if (s === undefined) return false
      sleepers.splice(sleepers.indexOf(s), 1)
      now = Math.max(now, s.at)
      s.resolve()
      return true
    },
    advanceTo(time: number): void {
      now = Math.max(now, time)
    },
  }
}

/** Let every queued microtask (and promise chain) run. */
export const drain = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** Collects unhandled rejections while installed; the property asserts the list stays empty. */
export function watchUnhandledRejections() {
  const seen: unknown[] = []
  const onRejection = (reason: unknown) => void seen.push(reason)
  return {
    seen,
    install: () => void process.on('unhandledRejection', onRejection),
    uninstall: () => void process.off('unhandledRejection', onRejection),
  }
}
