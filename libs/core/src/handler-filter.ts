import type { HandlerFilter } from './action-types'
import { argumentError, assertFunction, describe } from './errors'
import type { Registration } from './handler-registration'

const LISTS = ['tags', 'handlerIds', 'excludeTags', 'excludeHandlerIds'] as const
const STRINGS = ['category', 'excludeCategory'] as const
const KEYS = new Set<string>([...LISTS, ...STRINGS, 'custom'])

/** Validate `options.filter`, naming the calling function in errors. */
export function assertFilter(fn: string, filter: unknown): asserts filter is HandlerFilter | undefined {
  if (filter === undefined) return
  if (filter === null || typeof filter !== 'object' || Array.isArray(filter)) {
    throw argumentError(fn, `options.filter must be an object, got ${describe(filter)}`)
  }
  const f = filter as Record<string, unknown>
  for (const key of Object.keys(f)) {
    if (!KEYS.has(key)) throw argumentError(fn, `unknown options.filter key "${key}"; supported keys are ${[...KEYS].join(', ')}`)
  }
  for (const key of LISTS) {
    const list = f[key]
    if (list !== undefined && (!Array.isArray(list) || list.some((v) => typeof v !== 'string'))) {
      throw argumentError(fn, `options.filter.${key} must be an array of strings, got ${describe(list)}`)
    }
  }
  for (const key of STRINGS) {
    if (f[key] !== undefined && typeof f[key] !== 'string') {
      throw argumentError(fn, `options.filter.${key} must be a string, got ${describe(f[key])}`)
    }
  }
  if (f.custom !== undefined) assertFunction(fn, 'options.filter.custom', f.custom)
}

const hasAny = (tags: readonly string[] | undefined, wanted: readonly string[]): boolean =>
  tags !== undefined && tags.some((t) => wanted.includes(t))

function keeps(r: Registration, f: HandlerFilter): boolean {
  const { info } = r
  if (f.tags !== undefined && f.tags.length > 0 && !hasAny(info.tags, f.tags)) return false
  if (f.category !== undefined && info.category !== f.category) return false
  if (f.handlerIds !== undefined && f.handlerIds.length > 0 && !f.handlerIds.includes(r.id)) return false
  if (f.excludeTags !== undefined && hasAny(info.tags, f.excludeTags)) return false
  if (f.excludeCategory !== undefined && info.category === f.excludeCategory) return false
  if (f.excludeHandlerIds !== undefined && f.excludeHandlerIds.includes(r.id)) return false
  return f.custom === undefined || Boolean(f.custom(info))
}

/** Includes are AND-ed, excludes come after, `custom` last. */
export function applyFilter(handlers: readonly Registration[], filter: HandlerFilter | undefined): readonly Registration[] {
  return filter === undefined ? handlers : handlers.filter((r) => keeps(r, filter))
}
