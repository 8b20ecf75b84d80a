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

/**
 * Where production errors send their reader: docs/errors.md on GitHub, to which an error appends its code's anchor
 * (`e12`; the adapters' `vue-3`, `svelte-2`), since a relative path means nothing in a user's console.
 */
export const errorsUrl = 'https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#'

/**
 * `fn: problem`. The production build passes the problem's code instead of its text (tools/error-codes.mjs): a short
 * message that links its development text in docs/errors.md.
 */
const message = (fn: string, problem: string | number): string => (typeof problem === 'number' ? `${fn}: error ${problem} (${errorsUrl}e${problem})` : `${fn}: ${problem}`)

/** A `TypeError` whose message starts with the public function that refused the input. */
export function argumentError(fn: string, problem: string | number): TypeError {
  return new TypeError(message(fn, problem))
}

/** An `Error` for a call that is well-typed but not allowed in the current state. */
export function stateError(fn: string, problem: string | number): Error {
  return new Error(message(fn, problem))
}

/** Throws a `TypeError` naming `fn` and `what` when `value` is not a function. */
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
  type RegisterLike = { register?: unknown; dispatch?: unknown } | null | undefined
  if (typeof (value as RegisterLike)?.register !== 'function' || typeof (value as RegisterLike)!.dispatch !== 'function') {
    throw argumentError(fn, `expected an ActionRegister, got ${describe(value)}`)
  }
}

/**
 * Throws unless `value` is an object (not `null`, not an array) whose keys are all in `keys` (any, without); shared by every config
 * and options check: `unknown ${noun} "key"; supported ${nouns} are …`.
 */
export function assertShape(fn: string, what: string, value: unknown, keys?: Set<string>, noun = `${what} key`, nouns = 'keys'): asserts value is Record<string, any> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw argumentError(fn, `${what} must be an object, got ${describe(value)}`)
  if (keys) for (const key of Object.keys(value)) if (!keys.has(key)) throw argumentError(fn, `unknown ${noun} "${key}"; supported ${nouns} are ${[...keys].join(', ')}`)
}

/** Throws unless `value` is `undefined` or of `type`. */
export function assertOptional(fn: string, what: string, value: unknown, type: 'string' | 'boolean' | 'function'): void {
  if (value !== undefined && typeof value !== type) throw argumentError(fn, `${what} must be a ${type}, got ${describe(value)}`)
}

/** Throws unless `value` is `undefined` or an array of strings. */
export function assertStrings(fn: string, what: string, value: unknown): void {
  if (value !== undefined && (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))) {
    throw argumentError(fn, `${what} must be an array of strings, got ${describe(value)}`)
  }
}

/** Throws unless `value` is a number other than `NaN` (`undefined` passes when `optional`). */
export function assertNumber(fn: string, what: string, value: unknown, optional?: boolean): void {
  if (!(optional && value === undefined) && (typeof value !== 'number' || Number.isNaN(value))) {
    throw argumentError(fn, `${what} must be a number, got ${describe(value)}`)
  }
}

/** `undefined` passes when `optional`. */
export function assertOneOf(fn: string, what: string, value: unknown, values: readonly string[], optional?: boolean): void {
  if (!(optional && value === undefined) && !values.includes(value as string)) throw argumentError(fn, `${what} must be one of ${values.map((v) => `"${v}"`).join(', ')}, got ${describe(value)}`)
}

/** `undefined`, or an integer ≥ `min` (`Infinity` included). */
export function assertCount(fn: string, what: string, value: unknown, min: number): void {
  if (value !== undefined && (typeof value !== 'number' || !(value >= min) || (Number.isFinite(value) && !Number.isInteger(value)))) {
    throw argumentError(fn, `${what} must be an integer ≥ ${min}, got ${describe(value)}`)
  }
}

export function assertName(fn: string, what: string, value: unknown): asserts value is string {
  if (typeof value !== 'string' || value === '') throw argumentError(fn, `${what} must be a non-empty string, got ${describe(value)}`)
}
