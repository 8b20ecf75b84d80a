import { createStore } from '@context-action/core'
import { render, screen } from '@testing-library/svelte'
import { flushSync, tick } from 'svelte'
import { describe, expect, it } from 'vitest'
import { useStoreValue } from '../use-store-value.svelte'
import UserName from './UserName.svelte'

const user = () => createStore({ name: 'Ada', email: 'ada@example.com' })

describe('useStoreValue', () => {
  it('outside any effect reads the current value without subscribing', () => {
    const store = user()
    const all = useStoreValue(store)
    const name = useStoreValue(store, (u) => u.name)
    store.update((u) => ({ ...u, name: 'Grace' }))
    expect([all.current, name.current, store.getListenerCount()]).toEqual([store.getValue(), 'Grace', 0])
  })

  it('inside an effect subscribes, re-runs only when the slice changes, and unsubscribes when the effect ends', async () => {
    const store = user()
    const name = useStoreValue(store, (u) => u.name)
    const seen: string[] = []
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(name.current)
      })
    })
    flushSync()
    const whileActive = store.getListenerCount()
    store.update((u) => ({ ...u, email: 'x' }))
    flushSync()
    store.update((u) => ({ ...u, name: 'Grace' }))
    flushSync()
    stop()
    // createSubscriber releases its subscription one microtask after the last effect goes.
    await tick()
    store.update((u) => ({ ...u, name: 'Linus' }))
    flushSync()
    expect([seen, whileActive, store.getListenerCount()]).toEqual([['Ada', 'Grace'], 1, 0])
  })

  it('renders in a component and follows the store until unmount', async () => {
    const store = user()
    const { unmount } = render(UserName, { user: store })
    const text = [screen.getByTestId('name').textContent]
    store.update((u) => ({ ...u, name: 'Grace' }))
    flushSync()
    text.push(screen.getByTestId('name').textContent)
    const whileMounted = store.getListenerCount()
    unmount()
    await tick()
    expect([text, whileMounted, store.getListenerCount()]).toEqual([['Ada', 'Grace'], 1, 0])
  })
})
