import { ActionRegister, createStore } from '@context-action/core'
import { flushSync, mount, tick, unmount } from 'svelte'
import { describe, expect, it } from 'vitest'
import Leaky from './Leaky.svelte'
import type { TodoActions } from './todo'

describe('mount and unmount 10,000 times', () => {
  it('returns every listener and handler count to where it started', { timeout: 120_000 }, async () => {
    const register = new ActionRegister<TodoActions>({ name: 'leak' })
    const count = createStore(1)
    const draft = createStore('draft')
    const counts = () => [
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
      const app = mount(Leaky, { target, props: { register, count, draft } })
      flushSync()
      if (i === 0) seen.push(counts())
      await register.dispatch('save', { text: `round ${i}` })
      await unmount(app)
    }
    // createSubscriber lets go one microtask after the last effect reading it is destroyed.
    await tick()
    seen.push(counts())
    expect([seen, draft.getValue(), target.innerHTML]).toEqual([[[0, 0, 0, 0, 0], [4, 2, 1, 1, 1], [0, 0, 0, 0, 0]], 'round 9999', ''])
  })
})
