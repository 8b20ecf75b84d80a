import { describe, expect, it } from 'vitest'
import { createStore, createStoreManager } from '@context-action/core'
import { createDemoDomain, demoStateDefinitions } from './demo-domain'
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

  it('builds over given stores: a store manager of demoStateDefinitions snapshots what the domain loaded, and hydrating one seeds another domain', async () => {
    const { client } = await setup()
    // The server side: a fresh manager per render, the domain over its stores.
    const serverState = createStoreManager('DemoState', demoStateDefinitions)
    const onServer = createDemoDomain({ api: client, stores: { users: serverState.getStore('users'), selectedUser: serverState.getStore('selectedUser'), settings: serverState.getStore('settings') } })
    await onServer.dispatch('loadUsers')
    await onServer.dispatch('loadSettings')
    await onServer.dispatch('selectUser', { userId: 'u2' })
    onServer.dispose()
    const snapshot = JSON.parse(JSON.stringify(serverState.snapshot()))
    expect([snapshot.users.length, snapshot.selectedUser.name, snapshot.settings]).toEqual([8, 'Alan Turing', { latencyMs: 0, failureRate: 0, failPayments: false }])

    // The client side: another manager hydrated from the snapshot; the domain starts from it and works on.
    const clientState = createStoreManager('DemoState', demoStateDefinitions)
    clientState.hydrate(snapshot)
    const users = clientState.getStore('users')
    const onClient = createDemoDomain({ api: client, stores: { users, selectedUser: clientState.getStore('selectedUser') } })
    expect([onClient.stores.users, onClient.stores.users.getValue().length, onClient.stores.detailForm.getValue()]).toEqual([users, 8, { name: 'Alan Turing', email: 'alan@example.com' }])
    await onClient.dispatch('updateSelectedUser', { name: 'Alan M. Turing' })
    expect([users.getValue()[1].name, clientState.snapshot().selectedUser?.name, serverState.snapshot().users[1].name]).toEqual(['Alan M. Turing', 'Alan M. Turing', 'Alan Turing'])
    // A store left out is the domain's own.
    expect(onClient.stores.settings.getValue()).toEqual(demoStateDefinitions.settings.initialValue)
    onClient.dispose()
  })

  it('refuses given stores that are not stores, or not ones it takes, naming the option', async () => {
    const { client } = await setup()
    expect(() => createDemoDomain({ api: client, stores: 'users' as never })).toThrow('createDemoDomain: options.stores must be an object of stores, got users')
    expect(() => createDemoDomain({ api: client, stores: { cart: createStore({ items: [] }) } as never })).toThrow(
      'createDemoDomain: options.stores.cart is not a store the domain takes; it takes users, selectedUser, settings',
    )
    expect(() => createDemoDomain({ api: client, stores: { users: [] } as never })).toThrow('createDemoDomain: options.stores.users must be a writable store (getValue, setValue, subscribe)')
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
