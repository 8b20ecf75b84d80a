import { createStore } from '@context-action/core'
import { fireEvent, render, screen } from '@testing-library/svelte'
import { flushSync } from 'svelte'
import { derived, get } from 'svelte/store'
import { describe, expect, it } from 'vitest'
import { Todo } from './class-todo.js'
import ClassFieldSyntax from './ClassFieldSyntax.svelte'
import FieldSyntax from './FieldSyntax.svelte'
import StoreSyntax from './StoreSyntax.svelte'

describe('core stores under the Svelte store contract', () => {
  it('$store, derived and bind:value={$store} read and write the core stores', async () => {
    const count = createStore(1)
    const draft = createStore('hi')
    const seen: Array<[string, unknown]> = []
    count.listen((value) => seen.push(['count', value]))
    draft.listen((value) => seen.push(['draft', value]))
    render(StoreSyntax, { count, draft })
    expect(screen.getByTestId('count').textContent).toBe('1 × 2 = 2')
    expect((screen.getByLabelText('draft') as HTMLInputElement).value).toBe('hi')

    await fireEvent.click(screen.getByText('Increment'))
    await fireEvent.input(screen.getByLabelText('draft'), { target: { value: 'hello' } })
    count.setValue(10)
    draft.setValue('from core')
    flushSync()

    expect(seen).toEqual([
      ['count', 2],
      ['draft', 'hello'],
      ['count', 10],
      ['draft', 'from core'],
    ])
    expect(screen.getByTestId('count').textContent).toBe('10 × 2 = 20')
    expect(screen.getByTestId('draft').textContent).toBe('from core')
    expect((screen.getByLabelText('draft') as HTMLInputElement).value).toBe('from core')
  })

  it('unmounting releases every $store and derived subscription', () => {
    const count = createStore(1)
    const draft = createStore('')
    const { unmount } = render(StoreSyntax, { count, draft })
    expect([count.getListenerCount(), draft.getListenerCount()]).toEqual([2, 1])
    unmount()
    expect([count.getListenerCount(), draft.getListenerCount()]).toEqual([0, 0])
  })

  it('get and derived from svelte/store work on core stores outside components', () => {
    const count = createStore(3)
    const label = derived(count, (value) => `#${value}`)
    const seen: string[] = []
    const off = label.subscribe((value) => seen.push(value))
    count.setValue(4)
    count.update((value) => value + 1)
    off()
    expect(seen).toEqual(['#3', '#4', '#5'])
    expect([get(count), get(label), count.getListenerCount()]).toEqual([5, '#5', 0])
  })
})

describe('Svelte writes to a field of a core store ($store.field = v, bind:value={$store.field})', () => {
  it('are seen: the store gets a new object, every listener is told, the page follows', async () => {
    const original = { name: 'Ada', visits: 0 }
    const user = createStore(original)
    const tags = createStore(['a', 'b'])
    const seen: Array<[unknown, unknown]> = []
    user.listen((value, previous) => seen.push([structuredClone(value), previous]))
    const tagsSeen: string[][] = []
    tags.listen((value) => tagsSeen.push(value))
    render(FieldSyntax, { user, tags })

    await fireEvent.input(screen.getByLabelText('name'), { target: { value: 'Grace' } })
    await fireEvent.click(screen.getByText('Visit'))
    await fireEvent.click(screen.getByText('Rename first tag'))
    flushSync()

    expect(screen.getByTestId('user').textContent).toBe('Grace (1)')
    expect(screen.getByTestId('tags').textContent).toBe('first, b')
    expect(user.getValue()).toEqual({ name: 'Grace', visits: 1 })
    // Each write stored a copy; what listeners get as `previous` is the object Svelte changed in place.
    expect(user.getValue()).not.toBe(original)
    expect(seen).toEqual([
      [{ name: 'Grace', visits: 0 }, original],
      [{ name: 'Grace', visits: 1 }, expect.objectContaining({ name: 'Grace' })],
    ])
    expect(tagsSeen).toEqual([['first', 'b']])
  })

  it('are seen when the store holds a class instance too: listeners get the same object, $store, select and current follow', async () => {
    const todo = new Todo()
    const store = createStore(todo)
    const seen: Array<[unknown, unknown]> = []
    store.listen((value, previous) => seen.push([value, previous]))
    render(ClassFieldSyntax, { todo: store })

    await fireEvent.input(screen.getByLabelText('title'), { target: { value: 'typed' } })
    flushSync()

    expect(store.getValue()).toBe(todo)
    expect(todo.title).toBe('typed')
    expect(seen).toEqual([[todo, todo]])
    expect(['shown', 'selected', 'current'].map((id) => screen.getByTestId(id).textContent)).toEqual(['typed', 'typed', 'typed'])
  })
})
