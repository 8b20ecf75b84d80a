/** Equality used to decide whether a write is a change. `true` means "equal, do not notify". */
export type EqualityFn<T> = (a: T, b: T) => boolean

function isPlainRecord(value: unknown): value is Record<PropertyKey, any> {
  return typeof value === 'object' && value !== null
}

const OBJECT = Object.prototype

/**
 * `proto` is the prototype both share. Plain objects pass; instances of classes with a `toString` of their own must
 * also agree on it, which keeps apart what own keys cannot tell: two `Error`s with different messages, two `URL`s,
 * boxed primitives, Temporal values.
 */
function sameText(a: any, b: any, proto: object | null): boolean {
  return proto === OBJECT || proto === null || typeof a.toString !== 'function' || a.toString === OBJECT.toString || a.toString() === b.toString()
}

/**
 * Equal when both are the same value, or arrays / objects whose own entries are `Object.is`-equal (`Date`, `RegExp`,
 * `Map` and `Set` by content; class instances also by their own `toString`, like `deepEqual`).
 * @example shallowEqual({ a: 1 }, { a: 1 }) // true
 */
export function shallowEqual<T>(a: T, b: T): boolean {
  if (Object.is(a, b)) return true
  if (!isPlainRecord(a) || !isPlainRecord(b)) return false
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false
    return true
  }
  const proto = Object.getPrototypeOf(a)
  if (Array.isArray(b) || proto !== Object.getPrototypeOf(b)) return false
  if (a instanceof Map || a instanceof Set || a instanceof Date || a instanceof RegExp) return deep(a, b, null)
  if (!sameText(a, b, proto)) return false
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  for (const key of keys) if (!Object.hasOwn(b, key) || !Object.is(a[key], b[key])) return false
  return true
}

/**
 * Structural equality for plain data: objects, arrays, `Date`, `Map`, `Set`, `RegExp`; cycles are handled. Class
 * instances compare by own keys and, where their class defines one, by `toString` (an `Error`'s message).
 * @example deepEqual(new Map([[1, { a: [1] }]]), new Map([[1, { a: [1] }]])) // true
 */
export function deepEqual<T>(a: T, b: T): boolean {
  return deep(a, b, null)
}

type Seen = Map<object, object> | null

function deep(a: any, b: any, seen: Seen): boolean {
  if (Object.is(a, b)) return true
  if (!isPlainRecord(a) || !isPlainRecord(b)) return false
  const proto = Object.getPrototypeOf(a)
  if (proto !== Object.getPrototypeOf(b)) return false
  // A pair already under comparison is assumed equal; any real difference shows up elsewhere.
  if (seen?.get(a) === b) return true
  seen ??= new Map()
  seen.set(a, b)

  if (a instanceof Date) return a.getTime() === b.getTime()
  if (a instanceof RegExp) return String(a) === String(b)
  if (Array.isArray(a)) {
    if (a.length !== b.length) return false
    for (let i = 0; i < a.length; i++) if (!deep(a[i], b[i], seen)) return false
    return true
  }
  if (a instanceof Map) {
    if (a.size !== b.size) return false
    for (const [key, value] of a) {
      if (!b.has(key) || !deep(value, b.get(key), seen)) return false
    }
    return true
  }
  if (a instanceof Set) {
    if (a.size !== b.size) return false
    outer: for (const value of a) {
      if (b.has(value)) continue
      if (!isPlainRecord(value)) return false
      for (const candidate of b as Set<unknown>) if (deep(value, candidate, seen)) continue outer
      return false
    }
    return true
  }
  if (!sameText(a, b, proto)) return false
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  for (const key of keys) {
    if (!Object.hasOwn(b, key) || !deep(a[key], b[key], seen)) return false
  }
  return true
}
