import type { HandlerFilter } from './action-types'
import { assertOptional, assertShape, assertStrings } from '../shared/errors'
import type { Registration } from './handler-registration'

const LISTS = ['tags', 'handlerIds', 'excludeTags', 'excludeHandlerIds'] as const
const STRINGS = ['category', 'excludeCategory', 'environment', 'feature'] as const
const KEYS = new Set<string>([...LISTS, ...STRINGS, 'custom'])
/** Kept when the handler's field equals the filter's. */
const MATCHED = ['category', 'environment', 'feature'] as const

/** Validate `options.filter`, naming the calling function in errors. */
export function assertFilter(fn: string, filter: unknown): asserts filter is HandlerFilter | undefined {
  if (filter === undefined) return
  assertShape(fn, 'options.filter', filter, KEYS)
  for (const key of LISTS) assertStrings(fn, `options.filter.${key}`, filter[key])
  for (const key of STRINGS) assertOptional(fn, `options.filter.${key}`, filter[key], 'string')
  assertOptional(fn, 'options.filter.custom', filter.custom, 'function')
}

const hasAny = (tags: readonly string[], wanted: readonly string[] | undefined): boolean | undefined => wanted && tags.some((t) => wanted.includes(t))

/** Includes are AND-ed, excludes come after, `custom` last; an empty `tags` or `handlerIds` list does not filter. */
export function applyFilter(handlers: readonly Registration[], filter: HandlerFilter | undefined): readonly Registration[] {
  if (filter === undefined) return handlers
  return handlers.filter(({ id, info }) => {
    if (filter.tags?.length && !hasAny(info.tags, filter.tags)) return false
    for (const key of MATCHED) if (filter[key] !== undefined && info[key] !== filter[key]) return false
    if (filter.handlerIds?.length && !filter.handlerIds.includes(id)) return false
    if (hasAny(info.tags, filter.excludeTags)) return false
    if (filter.excludeCategory !== undefined && info.category === filter.excludeCategory) return false
    if (filter.excludeHandlerIds?.includes(id)) return false
    return filter.custom === undefined || Boolean(filter.custom(info))
  })
}
