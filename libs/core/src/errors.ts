/** Short, readable description of a value for error messages. */
export function describe(value: unknown): string {
  if (Array.isArray(value)) return `an array (length ${value.length})`
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)
  if (typeof value === 'function') return `a function${value.name ? ` (${value.name})` : ''}`
  // null, undefined, numbers, booleans, bigints and symbols read as themselves.
  if (value === null || typeof value !== 'object') return String(value)
  const ctor = Object.getPrototypeOf(value)?.constructor?.name
  return ctor && ctor !== 'Object' ? `${/^[AEIOU]/i.test(ctor) ? 'an' : 'a'} ${ctor}` : 'an object'
}

/** A `TypeError` whose message starts with the public function that refused the input. */
export function argumentError(fn: string, problem: string): TypeError {
  return new TypeError(`${fn}: ${problem}`)
}

/** An `Error` for a call that is well-typed but not allowed in the current state. */
export function stateError(fn: string, problem: string): Error {
  return new Error(`${fn}: ${problem}`)
}

export function assertFunction(fn: string, what: string, value: unknown): void {
  if (typeof value !== 'function') throw argumentError(fn, `${what} must be a function, got ${describe(value)}`)
}

export function assertOptions(fn: string, value: unknown): void {
  if (value !== undefined && (value === null || typeof value !== 'object' || Array.isArray(value))) {
    throw argumentError(fn, `options must be an object, got ${describe(value)}`)
  }
}

export function assertDelay(fn: string, what: string, value: unknown): void {
  if (value !== undefined && !(Number.isFinite(value) && (value as number) >= 0)) {
    throw argumentError(fn, `${what} must be a finite number of milliseconds ≥ 0, got ${describe(value)}`)
  }
}

/** Throws unless `value` looks like an `ActionRegister`. */
export function assertRegister(fn: string, value: unknown): void {
  const register = value as { register?: unknown; dispatch?: unknown } | null | undefined
  if (typeof register?.register !== 'function' || typeof register.dispatch !== 'function') {
    throw argumentError(fn, `expected an ActionRegister, got ${describe(value)}`)
  }
}
