import { createComputedStore, createStore } from '@context-action/core'
import { fireEvent, render, screen } from '@testing-library/svelte'
import { flushSync, tick } from 'svelte'
import { describe, expect, it } from 'vitest'
import { useStoreValue } from '../use-store-value.js'
import NameField from './NameField.svelte'
import UserById from './UserById.svelte'
import UserByIdHost from './UserByIdHost.svelte'
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

  it('keeps the previous slice while the new one is equal under equals', () => {
    const store = createStore({ tags: ['a'], other: 0 })
    const tags = useStoreValue(store, (s) => [...s.tags], (a, b) => a.join() === b.join())
    const seen: string[][] = []
    const stop = $effect.root(() => {
      $effect(() => {
        seen.push(tags.current)
      })
    })
    flushSync()
    const first = tags.current
    store.update((s) => ({ ...s, other: 1 }))
    flushSync()
    store.update((s) => ({ ...s, tags: ['a', 'b'] }))
    flushSync()
    stop()
    expect([seen, seen[0] === first]).toEqual([[['a'], ['a', 'b']], true])
  })
})

describe('useStoreValue selectors that read props', () => {
  const texts = () => [screen.getByTestId('value').textContent, screen.getByTestId('select').textContent]

  it('follow a prop the parent changes, and re-render only when the selected value changes', async () => {
    const users = createStore<Record<string, string>>({ a: 'Ada', b: 'Bob' })
    const log: string[] = []
    render(UserByIdHost, { users, log })
    const seen = [texts()]
    users.update((all) => ({ ...all, b: 'Bea' }))
    flushSync()
    await fireEvent.click(screen.getByText('show b'))
    seen.push(texts())
    users.update((all) => ({ ...all, a: 'Alan' }))
    flushSync()
    users.update((all) => ({ ...all, b: 'Bo' }))
    flushSync()
    seen.push(texts())
    expect(seen).toEqual([['Ada', 'Ada'], ['Bea', 'Bea'], ['Bo', 'Bo']])
    expect(log).toEqual(['value Ada', 'select Ada', 'value Bea', 'select Bea', 'value Bo', 'select Bo'])
  })

  it('follow props set by rerender', async () => {
    const users = createStore<Record<string, string>>({ a: 'Ada', b: 'Bob' })
    const view = render(UserById, { users, id: 'a', log: [] })
    const seen = [texts()]
    await view.rerender({ id: 'b' })
    seen.push(texts())
    expect(seen).toEqual([['Ada', 'Ada'], ['Bob', 'Bob']])
  })
})

describe('useStoreValue current assignment', () => {
  it('writes through set for a writable store, from code and from bind:value', async () => {
    const name = createStore('Ada')
    const seen: string[] = []
    name.listen((value) => seen.push(value))
    useStoreValue(name).current = 'Grace'
    render(NameField, { name })
    await fireEvent.input(screen.getByLabelText('name'), { target: { value: 'Linus' } })
    await fireEvent.click(screen.getByText('reset'))
    expect([seen, (screen.getByLabelText('name') as HTMLInputElement).value]).toEqual([['Grace', 'Linus', 'reset'], 'reset'])
  })

  it('refuses a slice and a computed store with an error naming useStoreValue, writing nothing', () => {
    const store = user()
    const name = useStoreValue(store, (u) => u.name) as { current: string }
    expect(() => (name.current = 'Grace')).toThrow(new TypeError('useStoreValue: current is read-only (a slice, a computed store, or a store without set)'))
    const total = useStoreValue(createComputedStore([store], (u) => u.name.length)) as { current: number }
    expect(() => (total.current = 1)).toThrow(new TypeError('useStoreValue: current is read-only (a slice, a computed store, or a store without set)'))
    expect(store.getValue().name).toBe('Ada')
  })
})
