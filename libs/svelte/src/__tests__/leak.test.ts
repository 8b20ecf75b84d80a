import { ActionRegister, createStore } from '@context-action/core'
import { flushSync, mount, tick, unmount } from 'svelte'
import { writable } from 'svelte/store'
import { describe, expect, it } from 'vitest'
import InFlightHost from './InFlightHost.svelte'
import Leaky from './Leaky.svelte'
import type { TodoActions } from './todo'

describe('mount and unmount 10,000 times', () => {
  it('returns every listener and handler count to where it started', { timeout: 120_000 }, async () => {
    const register = new ActionRegister<TodoActions>({ name: 'leak' })
    const count = createStore(1)
    const draft = createStore('draft')
    // Svelte's start/stop notifier: 1 while the foreign store has any subscriber, 0 once the last one left.
    let foreignSubscribers = 0
    const foreign = writable(1, () => {
      foreignSubscribers++
      return () => foreignSubscribers--
    })
    const counts = () => [
      foreignSubscribers,
      count.getListenerCount(),
      draft.getListenerCount(),
      register.getHandlerCount('save'),
      register.getHandlerCount('slow'),
      register.getActionStatus('slow').getListenerCount(),
    ]
    const target = document.createElement('div')
    document.body.append(target)
    const seen = [counts()]
    for (let i = 0; i < 10_000; i++) {
      const app = mount(Leaky, { target, props: { register, count, draft, foreign } })
      flushSync()
      if (i === 0) seen.push(counts())
      await register.dispatch('save', { text: `round ${i}` })
      await unmount(app)
    }
    // createSubscriber lets go one microtask after the last effect reading it is destroyed.
    await tick()
    seen.push(counts())
    expect([seen, draft.getValue(), target.innerHTML]).toEqual([[[0, 0, 0, 0, 0, 0], [1, 4, 2, 1, 1, 3], [0, 0, 0, 0, 0, 0]], 'round 9999', ''])
  })

  it('leaves nothing behind when each component is destroyed while its handler still runs', { timeout: 120_000 }, async () => {
    const register = new ActionRegister<TodoActions>({ name: 'inflight' })
    const status = register.getActionStatus('slow')
    let abortedByDestroy = 0
    const target = document.createElement('div')
    document.body.append(target)
    const results = []
    for (let i = 0; i < 10_000; i++) {
      const app = mount(InFlightHost, { target, props: { register, onAbort: () => abortedByDestroy++ } })
      flushSync()
      results.push(register.dispatchWithResult('slow'))
      await unmount(app)
    }
    const settled = await Promise.all(results)
    await tick()
    expect({
      abortedByDestroy,
      outcomes: [...new Set(settled.map((r) => r.handlers.map((h) => h.outcome).join()))],
      handlers: register.getHandlerCount('slow'),
      totalHandlers: register.getRegistryInfo().totalHandlers,
      actions: register.getRegisteredActions(),
      statusListeners: status.getListenerCount(),
      running: status.getValue().running,
      html: target.innerHTML,
    }).toEqual({ abortedByDestroy: 10_000, outcomes: ['completed'], handlers: 0, totalHandlers: 0, actions: [], statusListeners: 0, running: 0, html: '' })
  })
})
