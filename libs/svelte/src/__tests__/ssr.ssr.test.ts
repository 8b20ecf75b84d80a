// @vitest-environment node
import { ActionRegister, createStore } from '@context-action/core'
import { render } from 'svelte/server'
import { writable } from 'svelte/store'
import { describe, expect, it } from 'vitest'
import Leaky from './Leaky.svelte'
import type { Item } from './item'
import Rows from './Rows.svelte'
import StoreSyntax from './StoreSyntax.svelte'
import type { TodoActions, TodoApi } from './todo'
import TodoApp from './TodoApp.svelte'
import TwoSettings from './TwoSettings.svelte'
import UserName from './UserName.svelte'

describe('server rendering with render from svelte/server', () => {
  it('renders store values and leaves no subscription behind', () => {
    const count = createStore(2)
    const draft = createStore('hi')
    const items = createStore<Item[]>([{ id: 1, label: 'one' }, { id: 2, label: 'two' }])
    const user = createStore({ name: 'Ada' })
    const html = [
      render(StoreSyntax, { props: { count, draft } }).body,
      render(Rows, { props: { items, runes: false, log: [] } }).body,
      render(Rows, { props: { items, runes: true, log: [] } }).body,
      render(UserName, { props: { user } }).body,
      render(TwoSettings, { props: { ready: () => {} } }).body,
    ].join('\n')
    expect(html).toContain('2 × 2 = 4')
    expect(html).toContain('value="hi"')
    expect(html.match(/<li>(one|two)<\/li>/g)).toEqual(['<li>one</li>', '<li>two</li>', '<li>one</li>', '<li>two</li>'])
    expect(html).toContain('Ada')
    expect(html.match(/light\/Ada/g)).toHaveLength(3)
    expect([count, draft, items, user].map((store) => store.getListenerCount())).toEqual([0, 0, 0, 0])
  })

  it('registers handlers only for the duration of the render', () => {
    const register = new ActionRegister<TodoActions>({ name: 'ssr' })
    const count = createStore(3)
    const draft = createStore('typed')
    const seen: number[] = []
    const html = [
      render(Leaky, { props: { register, count, draft, foreign: writable(7) } }).body,
      render(TodoApp, { props: { saver: true, label: 'A', log: [], register, ready: (api: TodoApi) => seen.push(api.register.getHandlerCount('save')) } }).body,
    ].join('\n')
    expect(html).toContain('3 false 6 5 3 light false')
    expect(html).toContain('7 true false false false')
    expect(html).toContain('value="typed"')
    expect(html).toContain('idle')
    expect([
      seen,
      count.getListenerCount(),
      draft.getListenerCount(),
      register.getHandlerCount('save'),
      register.getHandlerCount('slow'),
      register.getActionStatus('slow').getListenerCount(),
    ]).toEqual([[1], 0, 0, 0, 0, 0])
  })
})
