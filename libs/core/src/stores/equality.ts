/** Equality used to decide whether a write is a change. `true` means "equal, do not notify". */
export type EqualityFn<T> = (a: T, b: T) => boolean

type Obj = Record<PropertyKey, any>

function isPlainRecord(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null
}

const OBJECT = Object.prototype
const isEnumerable = (value: object, key: PropertyKey): boolean => OBJECT.propertyIsEnumerable.call(value, key)

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
 * Structural equality, as Node's `util.isDeepStrictEqual`: same prototype, same own enumerable keys (symbols too),
 * `Date`, `RegExp`, `Map`, `Set` (one-to-one), `ArrayBuffer` and typed arrays (by bytes) by content; cycles are
 * handled. Unlike Node, class instances also compare by their own `toString` (an `Error`'s message, a `URL`) and an
 * invalid `Date` equals another.
 * @example deepEqual(new Map([[1, { a: [1] }]]), new Map([[1, { a: [1] }]])) // true
 */
export function deepEqual<T>(a: T, b: T): boolean {
  return deep(a, b, null)
}

/** The pairs being compared on the current path: a pair met again inside itself is equal unless proved otherwise. */
type Path = Map<object, object[]>

function deep(a: any, b: any, path: Path | null): boolean {
  if (Object.is(a, b)) return true
  if (!isPlainRecord(a) || !isPlainRecord(b)) return false
  const proto = Object.getPrototypeOf(a)
  if (proto !== Object.getPrototypeOf(b)) return false
  path ??= new Map()
  let partners = path.get(a)
  if (partners?.includes(b)) return true
  // Stryker disable next-line ArrayDeclaration: a string in the partner list never `includes` an object `b`
  if (partners === undefined) path.set(a, (partners = []))
  // Popped afterwards: a pair assumed equal while it failed must not make later pairs equal.
  partners.push(b)
  const equal = same(a, b, proto, path)
  partners.pop()
  return equal
}

const bytes = (value: ArrayBuffer | ArrayBufferView): Uint8Array =>
  ArrayBuffer.isView(value) ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : new Uint8Array(value)

function same(a: Obj, b: Obj, proto: object | null, path: Path): boolean {
  if (a instanceof ArrayBuffer || ArrayBuffer.isView(a)) {
    const x = bytes(a as ArrayBuffer)
    const y = bytes(b as ArrayBuffer)
    return x.length === y.length && x.every((byte, i) => byte === y[i])
  }
  if (a instanceof Date) {
    if (!Object.is(a.getTime(), b.getTime())) return false
  } else if (a instanceof RegExp) {
    if (String(a) !== String(b) || a.lastIndex !== b.lastIndex) return false
  } else if (a instanceof Map || a instanceof Set) {
    if (!sameEntries(a, b as typeof a, path)) return false
  } else if (Array.isArray(a)) {
    if (a.length !== b.length) return false
  } else if (!sameText(a, b, proto)) return false
  const keys = ownKeys(a)
  if (keys.length !== ownKeys(b).length) return false
  for (const key of keys) if (!isEnumerable(b, key) || !deep(a[key], b[key], path)) return false
  return true
}

function ownKeys(value: object): PropertyKey[] {
  const keys: PropertyKey[] = Object.keys(value)
  for (const symbol of Object.getOwnPropertySymbols(value)) if (isEnumerable(value, symbol)) keys.push(symbol)
  return keys
}

/** A text equal values share, so candidates are tried only within their bucket (a Set of many objects stays fast). */
function hash(value: Obj): string {
  // Stryker disable next-line StringLiteral: `hash` only groups candidates; any text built the same way for both sides pairs the same entries
  let text = ''
  for (const key of Object.keys(value).sort()) {
    const v = value[key]
    // Stryker disable next-line StringLiteral: as above, the separators only make buckets finer
    text += isPlainRecord(v) ? key + ';' : key + '=' + String(v) + ';'
  }
  return text
}

/**
 * Map keys and Set values equal by `SameValueZero` pair up directly; object keys that do not are paired one-to-one with
 * a deep-equal partner (and, in a Map, an equal value).
 */
function sameEntries(a: Map<unknown, unknown> | Set<unknown>, b: any, path: Path): boolean {
  if (a.size !== b.size) return false
  const map = a instanceof Map
  // Stryker disable next-line ConditionalExpression: a Set value held by both sides also finds itself (deep-equal) in its bucket; the test only saves work
  const unpaired = (from: typeof a, other: typeof a) => [...from.entries()].filter(([key]) => isPlainRecord(key) && (map || !other.has(key)))
  for (const [key, value] of a.entries()) {
    if (!isPlainRecord(key) && !(b.has(key) && (!map || deep(value, b.get(key), path)))) return false
  }
  // Every entry of `a` left here must find a partner in `b`; sizes being equal, none of `b` is then left over.
  const buckets = new Map<string, unknown[][]>()
  for (const entry of unpaired(b, a)) {
    const key = hash(entry[0] as Obj)
    if (!buckets.get(key)?.push(entry)) buckets.set(key, [entry])
  }
  return unpaired(a, b).every(([key, value]) => {
    // Stryker disable next-line ArrayDeclaration: a bucket of strings holds no deep-equal partner for an object key either
    const bucket = buckets.get(hash(key as Obj)) ?? []
    const at = bucket.findIndex(([k, v]) => deep(key, k, path) && (!map || deep(value, v, path)))
    return at !== -1 && bucket.splice(at, 1)
  })
}
