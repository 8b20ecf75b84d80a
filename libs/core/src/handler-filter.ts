import type { HandlerFilter } from './action-types'
import { argumentError, describe } from './errors'
import type { Registration } from './handler-registration'

const LISTS = ['tags', 'handlerIds', 'excludeTags', 'excludeHandlerIds'] as const
const STRINGS = ['category', 'excludeCategory'] as const
const KEYS = new Set<string>([...LISTS, ...STRINGS, 'custom'])

/**
 * Throws unless `value` is an object (not `null`, not an array) whose keys are all in `keys`; shared by every config
 * and options check: `unknown ${noun} "key"; supported ${nouns} are …`.
 */
export function assertShape(fn: string, what: string, value: unknown, keys: Set<string>, noun = `${what} key`, nouns = 'keys'): asserts value is Record<string, any> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw argumentError(fn, `${what} must be an object, got ${describe(value)}`)
  for (const key of Object.keys(value)) if (!keys.has(key)) throw argumentError(fn, `unknown ${noun} "${key}"; supported ${nouns} are ${[...keys].join(', ')}`)
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

/** Validate `options.filter`, naming the calling function in errors. */
export function assertFilter(fn: string, filter: unknown): asserts filter is HandlerFilter | undefined {
  if (filter === undefined) return
  assertShape(fn, 'options.filter', filter, KEYS)
  for (const key of LISTS) assertStrings(fn, `options.filter.${key}`, filter[key])
  for (const key of STRINGS) assertOptional(fn, `options.filter.${key}`, filter[key], 'string')
  assertOptional(fn, 'options.filter.custom', filter.custom, 'function')
}

const hasAny = (tags: readonly string[] | undefined, wanted: readonly string[] | undefined): boolean | undefined =>
  wanted && tags?.some((t) => wanted.includes(t))

// An empty `tags` or `handlerIds` list does not filter.
function keeps(r: Registration, f: HandlerFilter): boolean {
  const { info } = r
  if (f.tags?.length && !hasAny(info.tags, f.tags)) return false
  if (f.category !== undefined && info.category !== f.category) return false
  if (f.handlerIds?.length && !f.handlerIds.includes(r.id)) return false
  if (hasAny(info.tags, f.excludeTags)) return false
  if (f.excludeCategory !== undefined && info.category === f.excludeCategory) return false
  if (f.excludeHandlerIds?.includes(r.id)) return false
  return f.custom === undefined || Boolean(f.custom(info))
}

/** Includes are AND-ed, excludes come after, `custom` last. */
export function applyFilter(handlers: readonly Registration[], filter: HandlerFilter | undefined): readonly Registration[] {
  return filter === undefined ? handlers : handlers.filter((r) => keeps(r, filter))
}
