import { describe, expect, it } from 'vitest'
import { setup, until } from './__tests__/api'

const view = (records: Array<{ userId: string; source: string; state: string; error?: string }>) =>
  records.map((r) => `${r.userId} ${r.source} ${r.state}${r.error ? ` (${r.error})` : ''}`).reverse()

describe('user cache', () => {
  it('records a miss, then a hit with no request', async () => {
    const { domain, calls } = await setup()
    await domain.dispatch('openUser', { userId: 'u4' })
    await domain.dispatch('openUser', { userId: 'u4' })
    expect([view(domain.stores.cacheRequests.getValue()), calls, domain.stores.openedUser.getValue()?.name]).toEqual([
      ['u4 miss done', 'u4 hit done'],
      ['getUser'],
      'Edsger Dijkstra',
    ])
  })

  it('shares one request between fast repeated opens of the same user', async () => {
    const { domain, calls, hold } = await setup()
    const gate = hold('getUser')
    const opening = [domain.dispatch('openUser', { userId: 'u5' }), domain.dispatch('openUser', { userId: 'u5' })]
    await until(() => gate.waiting === 1)
    expect(view(domain.stores.cacheRequests.getValue())).toEqual(['u5 miss pending', 'u5 in-flight pending'])
    gate.release()
    await Promise.all(opening)
    expect([view(domain.stores.cacheRequests.getValue()), calls]).toEqual([['u5 miss done', 'u5 in-flight done'], ['getUser']])
  })

  it('never shows a stale user when clicks outrun responses (latest wins)', async () => {
    const { domain, hold } = await setup()
    const gate = hold('getUser')
    const shown: Array<string | undefined> = []
    domain.stores.openedUser.subscribe((u) => shown.push(u?.id))
    const first = domain.dispatch('openUser', { userId: 'u1' })
    const second = domain.dispatch('openUser', { userId: 'u2' })
    await until(() => gate.waiting === 2)
    gate.release(1)
    await second
    gate.release(0)
    await first
    expect(shown).toEqual([undefined, 'u2'])
    // The slow answer still filled the cache: opening u1 now is a hit.
    await domain.dispatch('openUser', { userId: 'u1' })
    expect([shown, view(domain.stores.cacheRequests.getValue())]).toEqual([
      [undefined, 'u2', 'u1'],
      ['u1 miss done', 'u2 miss done', 'u1 hit done'],
    ])
  })

  it('reports a failed load for the shown user and leaves the cache intact', async () => {
    const { domain } = await setup()
    await domain.dispatch('openUser', { userId: 'u1' })
    const entries = domain.userCache.entries.getValue()
    const result = await domain.register.dispatchWithResult('openUser', { userId: 'u404' })
    expect([result.aborted, result.abortReason]).toEqual([true, 'Could not load user u404: User "u404" not found'])
    expect(view(domain.stores.cacheRequests.getValue())).toEqual(['u1 miss done', 'u404 miss error (User "u404" not found)'])
    expect([domain.userCache.entries.getValue() === entries, domain.userCache.status('u404').state, domain.stores.openedUser.getValue()]).toEqual([
      true,
      'error',
      undefined,
    ])
  })

  it('invalidate refetches the shown user and aborts nothing else', async () => {
    const { domain, server, calls } = await setup()
    await domain.dispatch('openUser', { userId: 'u1' })
    await domain.dispatch('openUser', { userId: 'u2' })
    server.api.db.users.get('u2')!.name = 'Alan M. Turing'
    await domain.dispatch('invalidateUser', { userId: 'u1' })
    await domain.dispatch('invalidateUser', { userId: 'u2' })
    expect([calls, domain.userCache.get('u1'), domain.stores.openedUser.getValue()?.name]).toEqual([
      ['getUser', 'getUser', 'getUser'],
      undefined,
      'Alan M. Turing',
    ])
    await domain.dispatch('invalidateAllUsers')
    expect([Object.keys(domain.userCache.entries.getValue()), view(domain.stores.cacheRequests.getValue()).at(-1)]).toEqual([['u2'], 'u2 miss done'])
  })

  it('marks a load aborted by invalidate while in flight', async () => {
    const { domain, hold } = await setup()
    const gate = hold('getUser')
    const opening = domain.dispatch('openUser', { userId: 'u3' })
    await until(() => gate.waiting === 1)
    domain.userCache.invalidate('u3')
    await opening
    expect(view(domain.stores.cacheRequests.getValue())).toEqual(['u3 miss aborted (userCache.invalidate: the request for "u3" was aborted)'])
    gate.release()
  })

  it('the panel says which user is loading, which one failed, and when an invalidate fetches the open one again', async () => {
    const { domain, hold, server } = await setup()
    await domain.dispatch('loadUsers')
    const panels: string[] = []
    domain.stores.cachePanel.subscribe((p) => {
      const line = p.state === 'shown' ? `shown ${p.user.name}` : `${p.state}: ${p.text}`
      if (panels.at(-1) !== line) panels.push(line)
    })
    const gate = hold('getUser')
    const opening = domain.dispatch('openUser', { userId: 'u3' })
    await until(() => gate.waiting === 1)
    gate.release()
    await opening
    const again = domain.dispatch('invalidateUser', { userId: 'u3' })
    await until(() => gate.waiting === 1)
    gate.release()
    await again
    server.api.db.settings.failureRate = 1
    const failing = domain.dispatch('openUser', { userId: 'u4' })
    await until(() => gate.waiting === 1)
    gate.release()
    await failing
    expect(panels).toEqual([
      'empty: No user open',
      'loading: Loading Grace Hopper…',
      'shown Grace Hopper',
      'loading: Grace Hopper was invalidated: loading it again…',
      'shown Grace Hopper',
      'loading: Loading Edsger Dijkstra…',
      'failed: Could not load Edsger Dijkstra',
    ])
    expect(domain.stores.cacheRequests.getValue().map((r) => `${r.userId} ${r.trigger} ${r.state}`)).toEqual(['u4 open error', 'u3 invalidate done', 'u3 open done'])
  })
})
