import { describe, expect, it } from 'vitest'
import { ActionRegister } from './action-register'

// A handler is running from its call until it settles, also while it is still being called: what stops the pipeline,
// clears the register or unregisters it then reaches its own signal too.
describe('a handler stopped while it is being called', () => {
  it('counts as aborted, not failed, when it aborts the pipeline and then throws', async () => {
    const actions = new ActionRegister<{ go: void }>()
    actions.register('go', (_, c) => {
      c.abort('stop')
      throw new Error('after the abort')
    })
    const result = await actions.dispatchWithResult('go')
    expect([result.aborted, result.handlers.map((h) => h.outcome), result.errors]).toEqual([true, ['aborted'], []])
  })

  it('sees its own signal aborted by clearAll, unregister and a takeLatest dispatch it makes, synchronously', async () => {
    const actions = new ActionRegister<{ go: string }>()
    const seen: string[] = []
    const off = actions.register('go', (how, { signal }) => {
      if (how === 'clear') actions.clearAll()
      else if (how === 'off') off()
      else if (how === 'latest') void actions.dispatch('go', 'inner', { concurrency: 'takeLatest' })
      if (how !== 'inner') seen.push(`${how}: ${signal.aborted ? (signal.reason as DOMException).message : 'running'}`)
    })
    await actions.dispatch('go', 'latest')
    await actions.dispatch('go', 'off')
    actions.register('go', (how, { signal }) => {
      actions.clearAll()
      seen.push(`${how}: ${(signal.reason as DOMException).message}`)
    })
    await actions.dispatch('go', 'clear')
    expect(seen).toEqual(['latest: Superseded by a newer dispatch', 'off: Handler unregistered', 'clear: Register cleared'])
  })
})
