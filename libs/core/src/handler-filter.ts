import type { HandlerFilter } from './action-types'
import { assertOptional, assertShape, assertStrings } from './errors'
import type { Registration } from './handler-registration'

const LISTS = ['tags', 'handlerIds', 'excludeTags', 'excludeHandlerIds'] as const
const STRINGS = ['category', 'excludeCategory'] as const
const KEYS = new Set<string>([...LISTS, ...STRINGS, 'custom'])

/** Validate `options.filter`, naming the calling function in errors. */
export function assertFilter(fn: string, filter: unknown): asserts filter is HandlerFilter | undefined {
  if (filter === undefined) return
  assertShape(fn, 'options.filter', filter, KEYS)
  for (const key of LISTS) assertStrings(fn, `options.filter.${key}`, filter[key])
  for (const key of STRINGS) assertOptional(fn, `options.filter.${key}`, filter[key], 'string')
  assertOptional(fn, 'options.filter.custom', filter.custom, 'function')
}

const hasAny = (tags: readonly string[], wanted: readonly string[] | undefined): boolean | undefined => wanted && tags.some((t) => wanted.includes(t))

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
