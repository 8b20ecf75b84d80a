import { fireEvent, render, screen } from '@testing-library/svelte'
import { flushSync } from 'svelte'
import { describe, expect, it, vi } from 'vitest'
import { createTestContexts } from '../testing.js'
import SaveForm from './SaveForm.svelte'
import { Settings } from './settings'
import { Todo } from './todo'

describe('createTestContexts', () => {
  it('renders a component inside seeded stores and a recording register; rerender reaches the component', async () => {
    const t = createTestContexts({ createSpy: vi.fn })
    const settings = t.stores(Settings, { theme: 'dark' })
    const save = vi.fn()
    const todo = t.actions(Todo, { handlers: { save } })
    const log: string[] = []
    const view = render(...t.wrap(SaveForm, { label: 'A', log }))
    await fireEvent.click(screen.getByText('save'))
    await view.rerender({ label: 'B' })
    settings.getStore('theme').setValue('light')
    flushSync()
    await fireEvent.click(screen.getByText('save'))
    expect(todo.dispatches).toEqual([
      { action: 'save', payload: { text: 'A in dark' } },
      { action: 'save', payload: { text: 'B in light' } },
    ])
    expect([log, save.mock.calls.map(([payload]) => payload), vi.isMockFunction(todo.handlers.save)]).toEqual([
      ['component saved A in dark', 'component saved B in light'],
      [{ text: 'A in dark' }, { text: 'B in light' }],
      true,
    ])
    expect([screen.getByTestId('form').textContent, settings.manager.snapshot()]).toEqual(['B: light', { theme: 'light', user: { name: 'Ada', role: 'admin' } }])
  })

  it('with stub, registers spies in place of the components handlers', async () => {
    const t = createTestContexts({ createSpy: vi.fn })
    t.stores(Settings)
    const todo = t.actions(Todo, { stub: true })
    const log: string[] = []
    render(...t.wrap(SaveForm, { label: 'A', log }))
    await fireEvent.click(screen.getByText('save'))
    const stubs = todo.stubs.save ?? []
    expect([log, stubs.length, stubs.map((stub) => vi.mocked(stub).mock.calls.map(([payload]) => payload))]).toEqual([[], 1, [[{ text: 'A in light' }]]])
  })

  it('refuses a bad createSpy, what is not a context, and reading stores before rendering', () => {
    const t = createTestContexts()
    expect(() => t.stores(Todo as never)).toThrow('createTestContexts.stores: expected a context from createStoreContext, got an object')
    expect(() => t.actions(Settings as never)).toThrow('createTestContexts.actions: expected a context from createActionContext, got an object')
    expect(() => t.stores(null as never)).toThrow('createTestContexts.stores: expected a context from createStoreContext, got null')
    expect(() => createTestContexts({ createSpy: 5 as never })).toThrow('createTestContexts: createSpy must be a spy factory such as vi.fn, got 5')
    expect(() => t.stores(Settings).manager).toThrow('createTestContexts.stores: Settings is provided when the component renders; render it first')
  })

  it('refuses an unknown key in the seeded state when rendering, naming the hydrate call', () => {
    const t = createTestContexts()
    t.stores(Settings, { colour: 'red' } as never)
    expect(() => render(...t.wrap(SaveForm, { label: 'A', log: [] }))).toThrow('Settings.hydrate: unknown store "colour" in the snapshot; known stores: theme, user')
  })
})
