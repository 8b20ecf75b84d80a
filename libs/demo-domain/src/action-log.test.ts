import { ActionRegister } from '@context-action/core'
import { describe, expect, it } from 'vitest'
import { createActionLog, handlerSummary } from './action-log'
import { setup } from './__tests__/api'

describe('action log', () => {
  it('records every dispatch with its handlers, outcome and abort reason', async () => {
    const { domain } = await setup()
    await domain.dispatch('loadUsers')
    await domain.dispatch('selectUser', { userId: 'u1' })
    await domain.register.dispatchWithResult('updateSelectedUser', { name: '' })
    await domain.dispatch('updateSelectedUser', { name: 'Ada' })
    const entries = domain.stores.log.getValue()
    expect(entries.map((e) => [e.id, e.action, e.outcome, e.abortReason, e.handlers.map((h) => `${h.id}:${h.outcome}`)])).toEqual([
      [entries[0].id, 'loadUsers', 'completed', undefined, ['fetchUsers:completed']],
      [entries[1].id, 'selectUser', 'completed', undefined, ['selectUser:completed']],
      [entries[2].id, 'updateSelectedUser', 'aborted', 'Name cannot be empty', ['validateUser:completed', 'saveUser:aborted']],
      [entries[3].id, 'updateSelectedUser', 'completed', undefined, ['validateUser:completed', 'saveUser:completed']],
    ])
    expect(entries.map(handlerSummary)).toEqual([
      'fetchUsers: completed',
      'selectUser: completed',
      'validateUser: completed (called abort), saveUser: aborted',
      'validateUser: completed, saveUser: completed',
    ])
    expect(new Set(entries.map((e) => e.id)).size).toBe(4)
    expect(entries.every((e) => typeof e.duration === 'number' && e.duration >= 0 && e.handlers.every((h) => h.duration >= 0))).toBe(true)
    await domain.dispatch('clearLog')
    expect(domain.stores.log.getValue()).toEqual([])
  })

  it('shows a running dispatch, records handler errors, and keeps only the newest entries', async () => {
    const register = new ActionRegister<{ slow: void; boom: void; tick: number }>({ name: 'test' })
    const log = createActionLog(register, 3)
    let finish!: () => void
    register.register('slow', () => new Promise<void>((resolve) => (finish = resolve)), { id: 'wait' })
    register.register('boom', () => {
      throw new Error('kaput')
    }, { id: 'explode' })
    register.register('tick', () => {}, { id: 'count' })
    const slow = register.dispatch('slow')
    await Promise.resolve()
    expect(log.entries.getValue().map((e) => [e.action, e.outcome])).toEqual([['slow', 'running']])
    finish()
    await slow
    await expect(register.dispatch('boom')).rejects.toThrow('kaput')
    expect(log.entries.getValue().map((e) => [e.action, e.outcome, e.error])).toEqual([
      ['slow', 'completed', undefined],
      ['boom', 'failed', 'kaput'],
    ])
    for (let i = 0; i < 3; i++) await register.dispatch('tick', i)
    expect(log.entries.getValue().map((e) => e.action)).toEqual(['tick', 'tick', 'tick'])
    log.stop()
    await register.dispatch('tick', 9)
    expect(log.entries.getValue().length).toBe(3)
  })
})
