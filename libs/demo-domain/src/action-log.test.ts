import { ActionRegister } from '@context-action/core'
import { describe, expect, it } from 'vitest'
import { createActionLog, handlerSteps, handlerSummary } from './action-log'
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
    // The handler that stopped the dispatch says so; the one after it never started, so it is skipped, not aborted.
    expect(entries.map(handlerSummary)).toEqual([
      'fetchUsers: ran',
      'selectUser: ran',
      'validateUser: aborted it, saveUser: skipped',
      'validateUser: ran, saveUser: ran',
    ])
    expect(entries.map((e) => e.payload)).toEqual(['—', '{"userId":"u1"}', '{"name":""}', '{"name":"Ada"}'])
    expect(handlerSteps(entries[2]).map((step) => [step.id, step.label, step.duration === undefined])).toEqual([
      ['validateUser', 'aborted it', false],
      ['saveUser', 'skipped', true],
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
    expect(handlerSummary(log.entries.getValue()[1])).toBe('explode: failed')
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

  it('tells a handler stopped while running from one that never started, and keeps the abort reason', async () => {
    const register = new ActionRegister<{ pay: { amount: number } }>({ name: 'test' })
    const log = createActionLog(register)
    register.register('pay', (_, controller) => new Promise<void>((resolve, reject) => {
      controller.signal.addEventListener('abort', () => reject(controller.signal.reason))
      setTimeout(resolve, 1000)
    }), { id: 'charge', priority: 10 })
    register.register('pay', () => {}, { id: 'receipt', priority: 0 })
    const stop = new AbortController()
    const paying = register.dispatchWithResult('pay', { amount: 5 }, { signal: stop.signal })
    await new Promise((resolve) => setTimeout(resolve, 5))
    stop.abort()
    await paying
    const [entry] = log.entries.getValue()
    expect([entry.payload, entry.outcome, entry.abortReason, handlerSummary(entry)]).toEqual(['{"amount":5}', 'aborted', 'Action dispatch aborted by signal', 'charge: stopped, receipt: skipped'])
    log.stop()
  })
})
