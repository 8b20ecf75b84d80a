import { createComputedStore } from '@context-action/core'
import { describe, expect, it } from 'vitest'
import { setup, until } from './__tests__/api'

describe('master-detail', () => {
  it('loads users and selects one, refusing unknown ids', async () => {
    const { domain } = await setup()
    await domain.dispatch('loadUsers')
    expect(domain.stores.users.getValue().map((u) => u.id)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8'])
    await domain.dispatch('selectUser', { userId: 'u3' })
    expect(domain.stores.selectedUser.getValue()?.name).toBe('Grace Hopper')
    const result = await domain.register.dispatchWithResult('selectUser', { userId: 'nope' })
    expect([result.aborted, result.abortReason, domain.stores.selectedUser.getValue()?.id]).toEqual([true, 'User not found', 'u3'])
  })

  it('updates list, detail and cache together, and the server keeps the change', async () => {
    const { domain, client } = await setup({ domain: { now: () => 9 } })
    await domain.dispatch('loadUsers')
    await domain.dispatch('selectUser', { userId: 'u1' })
    await domain.dispatch('openUser', { userId: 'u1' })
    const { users, selectedUser } = domain.stores
    const pair = createComputedStore([users, selectedUser], (list, detail) => `${list[0].name} | ${detail?.name}`)
    const seen: string[] = []
    pair.subscribe((v) => seen.push(v))
    await domain.dispatch('updateSelectedUser', { name: '  Ada King ' })
    expect(seen).toEqual(['Ada Lovelace | Ada Lovelace', 'Ada King | Ada King'])
    expect([domain.userCache.get('u1')?.name, domain.stores.openedUser.getValue()?.name, (await client.getUser('u1')).name]).toEqual([
      'Ada King',
      'Ada King',
      'Ada King',
    ])
  })

  it('refuses invalid input with a user-facing message from the validation handler, before any request', async () => {
    const { domain, calls } = await setup()
    await domain.dispatch('loadUsers')
    await domain.dispatch('selectUser', { userId: 'u2' })
    const status = domain.register.getActionStatus('updateSelectedUser')
    const reasons: unknown[] = []
    status.subscribe((s) => reasons.push(s.lastAbortReason))
    const results = [
      await domain.register.dispatchWithResult('updateSelectedUser', { name: '   ' }),
      await domain.register.dispatchWithResult('updateSelectedUser', { email: 'alan.example.com' }),
      await domain.register.dispatchWithResult('updateSelectedUser', {}),
    ]
    expect(results.map((r) => [r.aborted, r.abortReason, r.handlers.map((h) => `${h.id}:${h.outcome}`)])).toEqual([
      [true, 'Name cannot be empty', ['validateUser:completed', 'saveUser:aborted']],
      [true, 'Email must contain @', ['validateUser:completed', 'saveUser:aborted']],
      [true, 'Nothing to update', ['validateUser:completed', 'saveUser:aborted']],
    ])
    expect([...new Set(reasons)]).toEqual([undefined, 'Name cannot be empty', 'Email must contain @', 'Nothing to update'])
    expect([calls, domain.stores.selectedUser.getValue()?.name]).toEqual([['getUsers'], 'Alan Turing'])
  })

  it('rolls list, detail and cache back when the API refuses, keeping a selection made meanwhile', async () => {
    const { domain, server, hold } = await setup()
    await domain.dispatch('loadUsers')
    await domain.dispatch('selectUser', { userId: 'u1' })
    await domain.dispatch('openUser', { userId: 'u1' })
    server.api.db.settings.failureRate = 1
    const gate = hold('updateUser')
    const names = () => [domain.stores.users.getValue()[0].name, domain.stores.selectedUser.getValue()?.name, domain.userCache.get('u1')?.name]
    const saving = domain.register.dispatchWithResult('updateSelectedUser', { name: 'Ada King' })
    await until(() => gate.waiting === 1)
    expect(names()).toEqual(['Ada King', 'Ada King', 'Ada King'])
    // While the save is in flight the user picks someone else: that choice must survive the rollback.
    await domain.dispatch('selectUser', { userId: 'u2' })
    gate.release()
    const result = await saving
    expect([result.aborted, result.abortReason]).toEqual([true, 'Could not save: Injected failure (failure rate 1)'])
    expect(names()).toEqual(['Ada Lovelace', 'Alan Turing', 'Ada Lovelace'])
  })
})
