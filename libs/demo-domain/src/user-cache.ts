import { createCache, createStore, type ActionRegister, type Cache, type CacheSource, type ReadableStore, type Store } from '@context-action/core'
import type { DemoActions } from './demo-actions'
import { isAbort, messageOf } from './errors'
import type { DemoApi, User } from './types'

/** One `openUser` (or re-open after invalidate) as the view shows it. */
export interface CacheRequestRecord {
  id: number
  userId: string
  /** How the cache answered: hit, stale, miss (new request) or in-flight (joined a running one). */
  source: CacheSource
  state: 'pending' | 'done' | 'error' | 'aborted'
  error?: string
}

export interface UserCacheStores {
  /** The user opened last; `undefined` while it loads. Never another user's data. */
  openedUser: ReadableStore<User | undefined>
  /** Newest first, at most 20. */
  cacheRequests: Store<CacheRequestRecord[]>
}

export interface UserCacheOptions {
  ttl?: number
  staleWhileRevalidate?: boolean
  now: () => number
}

export function createUserCache(api: DemoApi, options: UserCacheOptions): Cache<string, User> {
  return createCache<string, User>({ name: 'userCache', fetch: (id, { signal }) => api.getUser(id, { signal }), ...options })
}

export function setupUserCache(register: ActionRegister<DemoActions>, cache: Cache<string, User>): UserCacheStores {
  const cacheRequests = createStore<CacheRequestRecord[]>([], { name: 'cacheRequests' })
  let ids = 0
  const setState = (id: number, state: CacheRequestRecord['state'], error?: string) =>
    cacheRequests.update((list) => list.map((r) => (r.id === id ? { ...r, state, ...(error === undefined ? {} : { error }) } : r)))

  /** Select `userId` in the cache, record how it was answered, and settle the record with the request. */
  const open = async (userId: string): Promise<string | undefined> => {
    const lookup = cache.select(userId)
    const id = ++ids
    cacheRequests.update((list) => [{ id, userId, source: lookup.source, state: 'pending' as const }, ...list].slice(0, 20))
    try {
      await lookup.promise
      setState(id, 'done')
      return undefined
    } catch (error) {
      setState(id, isAbort(error) ? 'aborted' : 'error', messageOf(error))
      // A failure for a user the view no longer shows is recorded, not reported.
      return isAbort(error) || cache.selected.getValue() !== userId ? undefined : `Could not load user ${userId}: ${messageOf(error)}`
    }
  }

  register.register(
    'openUser',
    async ({ userId }, controller) => {
      const problem = await open(userId)
      if (problem !== undefined) controller.abort(problem)
    },
    { id: 'openUser' },
  )

  register.register(
    'invalidateUser',
    async ({ userId }, controller) => {
      cache.invalidate(userId)
      // The view shows this user: fetch it again rather than leave the detail empty.
      if (cache.selected.getValue() === userId) {
        const problem = await open(userId)
        if (problem !== undefined) controller.abort(problem)
      }
    },
    { id: 'invalidateUser' },
  )

  register.register(
    'invalidateAllUsers',
    async (_, controller) => {
      cache.invalidateAll()
      const selected = cache.selected.getValue()
      if (selected !== undefined) {
        const problem = await open(selected)
        if (problem !== undefined) controller.abort(problem)
      }
    },
    { id: 'invalidateAllUsers' },
  )

  return { openedUser: cache.current, cacheRequests }
}
