import { batch, createCache, createComputedStore, createStore, type ActionRegister, type Cache, type CacheSource, type ComputedStore, type ReadableStore, type Store } from '@context-action/core'
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
  /** `invalidate`: the user was open when it was invalidated, so the domain fetched it again on its own. */
  trigger: 'open' | 'invalidate'
  error?: string
}

/**
 * What the cache panel shows: nothing open, the user being loaded (or fetched again after an invalidate), the user,
 * or the user that could not be loaded. `text` is the line to show for every state but `shown`.
 */
export type CachePanel =
  | { state: 'empty'; text: string }
  | { state: 'loading'; userId: string; text: string }
  | { state: 'shown'; userId: string; user: User }
  | { state: 'failed'; userId: string; text: string }

export interface UserCacheStores {
  /** The user opened last; `undefined` while it loads. Never another user's data. */
  openedUser: ReadableStore<User | undefined>
  /** Newest first, at most 20. */
  cacheRequests: Store<CacheRequestRecord[]>
  cachePanel: ComputedStore<CachePanel>
}

export interface UserCacheOptions {
  ttl?: number | undefined
  staleWhileRevalidate?: boolean | undefined
  now: () => number
}

export function createUserCache(api: DemoApi, options: UserCacheOptions): Cache<string, User> {
  return createCache<string, User>({ name: 'userCache', fetch: (id, { signal }) => api.getUser(id, { signal }), ...options })
}

function panelOf(userId: string | undefined, user: User | undefined, failed: boolean, users: User[], latest: CacheRequestRecord | undefined): CachePanel {
  if (userId === undefined) return { state: 'empty', text: 'No user open' }
  if (user !== undefined) return { state: 'shown', userId, user }
  const name = users.find((u) => u.id === userId)?.name ?? userId
  if (failed) return { state: 'failed', userId, text: `Could not load ${name}` }
  const again = latest?.userId === userId && latest.trigger === 'invalidate'
  return { state: 'loading', userId, text: again ? `${name} was invalidated: loading it again…` : `Loading ${name}…` }
}

export function setupUserCache(register: ActionRegister<DemoActions>, cache: Cache<string, User>, users: ReadableStore<User[]>): UserCacheStores {
  const cacheRequests = createStore<CacheRequestRecord[]>([], { name: 'cacheRequests' })
  let ids = 0
  const setState = (id: number, state: CacheRequestRecord['state'], error?: string) =>
    cacheRequests.update((list) => list.map((r) => (r.id === id ? { ...r, state, ...(error === undefined ? {} : { error }) } : r)))

  /** Select `userId` in the cache, record how it was answered, and settle the record with the request. */
  const open = async (userId: string, trigger: CacheRequestRecord['trigger']): Promise<string | undefined> => {
    const lookup = cache.select(userId)
    const id = ++ids
    cacheRequests.update((list) => [{ id, userId, source: lookup.source, state: 'pending' as const, trigger }, ...list].slice(0, 20))
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
      const problem = await open(userId, 'open')
      if (problem !== undefined) controller.abort(problem)
    },
    { id: 'openUser' },
  )

  register.register(
    'invalidateUser',
    async ({ userId }, controller) => {
      // The view shows this user: fetch it again rather than leave the detail empty. One batch, so the panel goes
      // straight from the user to "invalidated: loading it again".
      const refetch = batch(() => {
        cache.invalidate(userId)
        return cache.selected.getValue() === userId ? open(userId, 'invalidate') : undefined
      })
      const problem = await refetch
      if (problem !== undefined) controller.abort(problem)
    },
    { id: 'invalidateUser' },
  )

  register.register(
    'invalidateAllUsers',
    async (_, controller) => {
      const refetch = batch(() => {
        cache.invalidateAll()
        const selected = cache.selected.getValue()
        return selected === undefined ? undefined : open(selected, 'invalidate')
      })
      const problem = await refetch
      if (problem !== undefined) controller.abort(problem)
    },
    { id: 'invalidateAllUsers' },
  )

  const cachePanel = createComputedStore(
    [cache.selected, cache.current, cache.statuses, users, cacheRequests],
    (userId, user, statuses, list, requests) =>
      panelOf(userId, user, userId !== undefined && statuses[userId]?.state === 'error', list, requests.find((r) => r.userId === userId)),
    { name: 'cachePanel' },
  )

  return { openedUser: cache.current, cacheRequests, cachePanel }
}
