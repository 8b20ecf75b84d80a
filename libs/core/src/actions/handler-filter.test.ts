import { describe, expect, it } from 'vitest'
import type { HandlerConfig, HandlerFilter } from './action-types'
import { applyFilter, assertFilter } from './handler-filter'
import { readHandlerConfig, Registration, type HandlerInfo, type RegistrationHost } from './handler-registration'

const host: RegistrationHost = { claimed() {} }

function registrations(...configs: Array<HandlerConfig & { id: string }>): Registration[] {
  return configs.map((config) => new Registration('act', () => {}, readHandlerConfig(config, () => 'unused'), host))
}

const ids = (list: readonly Registration[]): string[] => list.map((r) => r.id)

const handlers = registrations(
  { id: 'a', tags: ['ui', 'fast'], category: 'view' },
  { id: 'b', tags: ['net'], category: 'io' },
  { id: 'c', tags: ['ui', 'net'], category: 'io' },
  { id: 'd', category: 'view' },
  { id: 'e', tags: ['slow'] },
)

const errorOf = (run: () => void): string => {
  try {
    run()
    return 'no error'
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`
  }
}

describe('applyFilter', () => {
  it('returns the very same list when there is no filter, and every handler in order for an empty filter', () => {
    expect(applyFilter(handlers, undefined)).toBe(handlers)
    expect(ids(applyFilter(handlers, {}))).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('keeps each include field to the handlers it names, in registration order', () => {
    const cases: Record<string, HandlerFilter> = {
      tagsAnyOf: { tags: ['net', 'slow'] },
      tagsOne: { tags: ['ui'] },
      tagsUnknown: { tags: ['nope'] },
      category: { category: 'view' },
      categoryUnknown: { category: 'nope' },
      handlerIds: { handlerIds: ['e', 'a', 'c'] },
      handlerIdsUnknown: { handlerIds: ['zz'] },
    }
    const kept = Object.fromEntries(Object.entries(cases).map(([name, filter]) => [name, ids(applyFilter(handlers, filter))]))
    expect(kept).toEqual({
      tagsAnyOf: ['b', 'c', 'e'],
      tagsOne: ['a', 'c'],
      tagsUnknown: [],
      category: ['a', 'd'],
      categoryUnknown: [],
      handlerIds: ['a', 'c', 'e'],
      handlerIdsUnknown: [],
    })
  })

  it('drops what each exclude field names, in registration order', () => {
    const cases: Record<string, HandlerFilter> = {
      excludeTagsAnyOf: { excludeTags: ['ui', 'slow'] },
      excludeCategory: { excludeCategory: 'io' },
      excludeHandlerIds: { excludeHandlerIds: ['b', 'd'] },
      excludeUnknown: { excludeTags: ['nope'], excludeCategory: 'nope', excludeHandlerIds: ['nope'] },
    }
    const kept = Object.fromEntries(Object.entries(cases).map(([name, filter]) => [name, ids(applyFilter(handlers, filter))]))
    expect(kept).toEqual({
      excludeTagsAnyOf: ['b', 'd'],
      excludeCategory: ['a', 'd', 'e'],
      excludeHandlerIds: ['a', 'c', 'e'],
      excludeUnknown: ['a', 'b', 'c', 'd', 'e'],
    })
  })

  it('treats empty include and exclude arrays as no restriction', () => {
    const filter: HandlerFilter = { tags: [], handlerIds: [], excludeTags: [], excludeHandlerIds: [] }
    expect(ids(applyFilter(handlers, filter))).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('ANDs the include fields together', () => {
    const kept = [
      ids(applyFilter(handlers, { tags: ['ui'], category: 'io' })),
      ids(applyFilter(handlers, { tags: ['ui', 'net'], category: 'io', handlerIds: ['b'] })),
      ids(applyFilter(handlers, { category: 'view', handlerIds: ['b', 'c'] })),
    ]
    expect(kept).toEqual([['c'], ['b'], []])
  })

  it('applies excludes to what the includes kept, so an exclude wins over an include', () => {
    const kept = [
      ids(applyFilter(handlers, { tags: ['ui'], excludeTags: ['net'] })),
      ids(applyFilter(handlers, { handlerIds: ['a', 'b'], excludeHandlerIds: ['a'] })),
      ids(applyFilter(handlers, { category: 'io', excludeCategory: 'io' })),
    ]
    expect(kept).toEqual([['a'], ['b'], []])
  })

  it('calls custom last, only for handlers every other field kept, with their frozen info', () => {
    const seen: Array<Pick<HandlerInfo, 'id' | 'priority' | 'category'> & { tags: HandlerConfig['tags']; frozen: boolean }> = []
    const kept = applyFilter(handlers, {
      tags: ['ui', 'net', 'slow'],
      excludeCategory: 'view',
      custom: (info) => {
        seen.push({ id: info.id, priority: info.priority, tags: info.tags, category: info.category, frozen: Object.isFrozen(info) })
        return info.id !== 'c'
      },
    })
    expect({ kept: ids(kept), seen }).toEqual({
      kept: ['b', 'e'],
      seen: [
        { id: 'b', priority: 0, tags: ['net'], category: 'io', frozen: true },
        { id: 'c', priority: 0, tags: ['ui', 'net'], category: 'io', frozen: true },
        { id: 'e', priority: 0, tags: ['slow'], category: undefined, frozen: true },
      ],
    })
  })

  it('reads custom results as truthy or falsy', () => {
    const answers: Record<string, unknown> = { a: 1, b: 0, c: 'yes', d: '', e: null }
    const custom = ((info: HandlerInfo) => answers[info.id]) as unknown as HandlerFilter['custom']
    expect(ids(applyFilter(handlers, { custom }))).toEqual(['a', 'c'])
  })

  it('leaves the list it was given untouched', () => {
    const list = handlers.slice()
    applyFilter(list, { excludeHandlerIds: ['a', 'b', 'c'] })
    expect(ids(list)).toEqual(['a', 'b', 'c', 'd', 'e'])
  })
})

describe('assertFilter', () => {
  const supported = 'supported keys are tags, handlerIds, excludeTags, excludeHandlerIds, category, excludeCategory, environment, feature, custom'

  it('accepts no filter and every valid field', () => {
    const results = [
      errorOf(() => assertFilter('f', undefined)),
      errorOf(() => assertFilter('f', {})),
      errorOf(() =>
        assertFilter('f', {
          tags: ['a'],
          category: 'c',
          handlerIds: [],
          excludeTags: ['b'],
          excludeCategory: 'd',
          excludeHandlerIds: ['x'],
          custom: () => true,
        }),
      ),
      errorOf(() => assertFilter('f', { tags: undefined, category: undefined, custom: undefined })),
    ]
    expect(results).toEqual(['no error', 'no error', 'no error', 'no error'])
  })

  it('refuses a filter that is not a plain object, naming the function', () => {
    const results = [null, 'tags', ['a'], 3, () => true].map((filter) => errorOf(() => assertFilter('Register.dispatch', filter)))
    expect(results).toEqual([
      'TypeError: Register.dispatch: options.filter must be an object, got null',
      'TypeError: Register.dispatch: options.filter must be an object, got "tags"',
      'TypeError: Register.dispatch: options.filter must be an object, got an array (length 1)',
      'TypeError: Register.dispatch: options.filter must be an object, got 3',
      'TypeError: Register.dispatch: options.filter must be an object, got a function',
    ])
  })

  it('refuses unknown keys, naming the key and the supported ones', () => {
    const results = [{ tag: ['a'] }, { exclude: 'x' }].map((filter) => errorOf(() => assertFilter('fn', filter)))
    expect(results).toEqual([`TypeError: fn: unknown options.filter key "tag"; ${supported}`, `TypeError: fn: unknown options.filter key "exclude"; ${supported}`])
  })

  it('refuses list fields that are not arrays of strings', () => {
    const results = [{ tags: 'ui' }, { handlerIds: [1] }, { excludeTags: [null] }, { excludeHandlerIds: {} }].map((filter) =>
      errorOf(() => assertFilter('fn', filter)),
    )
    expect(results).toEqual([
      'TypeError: fn: options.filter.tags must be an array of strings, got "ui"',
      'TypeError: fn: options.filter.handlerIds must be an array of strings, got an array (length 1)',
      'TypeError: fn: options.filter.excludeTags must be an array of strings, got an array (length 1)',
      'TypeError: fn: options.filter.excludeHandlerIds must be an array of strings, got an object',
    ])
  })

  it('refuses string fields that are not strings and a custom that is not a function', () => {
    const results = [{ category: ['io'] }, { excludeCategory: 1 }, { custom: 'yes' }].map((filter) => errorOf(() => assertFilter('fn', filter)))
    expect(results).toEqual([
      'TypeError: fn: options.filter.category must be a string, got an array (length 1)',
      'TypeError: fn: options.filter.excludeCategory must be a string, got 1',
      'TypeError: fn: options.filter.custom must be a function, got "yes"',
    ])
  })
})
