import { createStore, shallowEqual } from '@context-action/core'
import { derived, get } from 'svelte/store'
import { describe, expect, it } from 'vitest'
import { select } from '../select.js'

const user = () => createStore({ name: 'Ada', email: 'ada@example.com', tags: ['a'] })

describe('select', () => {
  it('notifies only when the slice changes', () => {
    const store = user()
    const seen: string[] = []
    const { subscribe } = select(store, (u) => u.name)
    const off = subscribe((name) => seen.push(name))
    store.update((u) => ({ ...u, email: 'ada@lovelace.dev' }))
    store.update((u) => ({ ...u, name: 'Grace' }))
    store.update((u) => ({ ...u, name: 'Grace' }))
    store.update((u) => ({ ...u, name: 'Ada' }))
    off()
    expect(seen).toEqual(['Ada', 'Grace', 'Ada'])
  })

  it('uses the given equality for the slice', () => {
    const store = user()
    const seen: string[][] = []
    const off = select(store, (u) => [...u.tags], shallowEqual).subscribe((tags) => seen.push(tags))
    store.update((u) => ({ ...u, name: 'Grace' }))
    store.update((u) => ({ ...u, tags: ['a', 'b'] }))
    off()
    expect(seen).toEqual([['a'], ['a', 'b']])
  })

  it('holds a subscription on the source only while it has subscribers', () => {
    const store = user()
    const name = select(store, (u) => u.name)
    const counts = [store.getListenerCount()]
    const a = name.subscribe(() => {})
    const b = name.subscribe(() => {})
    counts.push(store.getListenerCount(), name.getListenerCount())
    a()
    b()
    counts.push(store.getListenerCount(), name.getListenerCount())
    store.update((u) => ({ ...u, name: 'Grace' }))
    expect([...counts, get(name)]).toEqual([0, 1, 2, 0, 0, 'Grace'])
  })

  it('composes with derived and get from svelte/store', () => {
    const store = user()
    const greeting = derived(select(store, (u) => u.name), (name) => `Hello, ${name}`)
    const seen: string[] = []
    const off = greeting.subscribe((value) => seen.push(value))
    store.update((u) => ({ ...u, email: 'x' }))
    store.update((u) => ({ ...u, name: 'Grace' }))
    off()
    expect([seen, get(greeting), store.getListenerCount()]).toEqual([['Hello, Ada', 'Hello, Grace'], 'Hello, Grace', 0])
  })
})
