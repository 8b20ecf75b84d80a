import { describe, expect, it } from 'vitest'
import { createDemoDomain } from './demo-domain'
import { setup } from './__tests__/api'
import type { DemoApi, User } from './types'

describe('createDemoDomain', () => {
  it('creates independent instances: stores, register and cache are not shared', async () => {
    const a = await setup()
    const b = await setup()
    await a.domain.dispatch('loadProducts')
    await a.domain.dispatch('openUser', { userId: 'u1' })
    expect([b.domain.stores.inventory.getValue(), b.domain.userCache.get('u1'), b.domain.stores.log.getValue()]).toEqual([{}, undefined, []])
    expect(a.domain.register).not.toBe(b.domain.register)
  })

  it('flips the API switches and resets everything', async () => {
    const { domain, server } = await setup()
    await domain.dispatch('updateSettings', { failPayments: true, latencyMs: 1 })
    expect([domain.stores.settings.getValue(), server.api.db.settings]).toEqual([
      { latencyMs: 1, failureRate: 0, failPayments: true },
      { latencyMs: 1, failureRate: 0, failPayments: true },
    ])
    const refused = await domain.register.dispatchWithResult('updateSettings', { failureRate: 3 })
    expect(refused.abortReason).toBe('Could not change settings: failureRate must be a number from 0 to 1')
    await domain.dispatch('loadProducts')
    await domain.dispatch('login', { userId: 'u1' })
    await domain.dispatch('addToCart', { productId: 'p1', quantity: 1 })
    await domain.dispatch('resetDemo')
    const { cart, session, settings, users, inventory } = domain.stores
    expect([cart.getValue().items, session.getValue(), settings.getValue(), users.getValue().length, inventory.getValue().p1.stock, domain.userCache.entries.getValue()]).toEqual([
      [],
      null,
      { latencyMs: 0, failureRate: 0, failPayments: false },
      8,
      5,
      {},
    ])
  })

  it('works with any object implementing DemoApi (no HTTP)', async () => {
    const ada: User = { id: 'u1', name: 'Ada', email: 'ada@x', updatedAt: 0 }
    const api = {
      getUsers: async () => [ada],
      getUser: async (id: string) => {
        if (id !== 'u1') throw new Error('nope')
        return ada
      },
      updateUser: async (_id: string, changes: Partial<User>) => ({ ...ada, ...changes, updatedAt: 1 }),
    } as unknown as DemoApi
    const domain = createDemoDomain({ api, now: () => 1 })
    await domain.dispatch('loadUsers')
    await domain.dispatch('selectUser', { userId: 'u1' })
    await domain.dispatch('updateSelectedUser', { email: 'ada@lovelace' })
    expect(domain.stores.users.getValue()).toEqual([{ id: 'u1', name: 'Ada', email: 'ada@lovelace', updatedAt: 1 }])
    domain.dispose()
  })

  it('dispose stops the log and refuses further dispatches', async () => {
    const { domain } = await setup()
    domain.dispose()
    await expect(domain.dispatch('loadUsers')).rejects.toThrow('ActionRegister.dispatch: register "demo" was disposed')
    expect(() => domain.userCache.load('u1')).toThrow('userCache.load: the cache was disposed')
    expect(domain.stores.log.getValue()).toEqual([])
    expect(() => createDemoDomain({} as never)).toThrow()
    expect(() => createDemoDomain({ api: null } as never)).toThrow('createDemoDomain: options.api must be the API client')
  })
})
