import { createComputedStore } from '@context-action/core'
import { describe, expect, it } from 'vitest'
import { messageText } from './messages'
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

  it('keeps a refused save\'s edit in the form so it can be retried, for that user only', async () => {
    const { domain, server } = await setup()
    await domain.dispatch('loadUsers')
    await domain.dispatch('selectUser', { userId: 'u1' })
    const forms: unknown[] = []
    domain.stores.detailForm.subscribe((form) => forms.push(form))
    server.api.db.settings.failureRate = 1
    const failed = await domain.register.dispatchWithResult('updateSelectedUser', { name: 'Ada King', email: 'ada@king.example' })
    expect([failed.abortReason, domain.stores.users.getValue()[0].name, domain.stores.selectedUser.getValue()?.name]).toEqual([
      'Could not save: Injected failure (failure rate 1)',
      'Ada Lovelace',
      'Ada Lovelace',
    ])
    // The list rolled back; the form still holds what was typed.
    expect(domain.stores.failedSave.getValue()).toEqual({ userId: 'u1', changes: { name: 'Ada King', email: 'ada@king.example' }, reason: failed.abortReason })
    expect(forms.at(-1)).toEqual({ name: 'Ada King', email: 'ada@king.example' })
    // Retrying with the API back saves it and forgets the failure.
    server.api.db.settings.failureRate = 0
    await domain.dispatch('updateSelectedUser', { name: 'Ada King', email: 'ada@king.example' })
    expect([domain.stores.failedSave.getValue(), domain.stores.users.getValue()[0].name, domain.stores.detailForm.getValue()]).toEqual([
      null,
      'Ada King',
      { name: 'Ada King', email: 'ada@king.example' },
    ])
    // Opening another user drops a kept edit: its form shows that user, and coming back shows the saved one.
    server.api.db.settings.failureRate = 1
    await domain.dispatch('updateSelectedUser', { name: 'Ada K.' })
    expect(domain.stores.detailForm.getValue()?.name).toBe('Ada K.')
    await domain.dispatch('selectUser', { userId: 'u2' })
    expect([domain.stores.failedSave.getValue(), domain.stores.detailForm.getValue()]).toEqual([null, { name: 'Alan Turing', email: 'alan@example.com' }])
    await domain.dispatch('selectUser', { userId: 'u1' })
    expect(domain.stores.detailForm.getValue()?.name).toBe('Ada King')
  })

  it('says which view sent a refused edit', async () => {
    const { domain } = await setup()
    await domain.dispatch('loadUsers')
    await domain.dispatch('selectUser', { userId: 'u2' })
    const { detailMessage } = domain.stores
    await domain.dispatch('updateSelectedUser', { name: '', source: 'Svelte' })
    expect([detailMessage.getValue(), messageText(detailMessage.getValue(), 'Svelte'), messageText(detailMessage.getValue(), 'Vue')]).toEqual([
      { text: 'Name cannot be empty', action: 'updateSelectedUser', source: 'Svelte' },
      'Name cannot be empty',
      'Name cannot be empty (from the Svelte tree)',
    ])
    await domain.dispatch('updateSelectedUser', { name: 'Alan', source: 'Vue' })
    expect([detailMessage.getValue(), messageText(detailMessage.getValue(), 'Vue')]).toEqual([null, ''])
  })
})
