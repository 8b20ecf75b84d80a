import { fireEvent, render, screen } from '@testing-library/svelte'
import { flushSync } from 'svelte'
import { describe, expect, it, vi } from 'vitest'
import { createTestContexts } from '../testing.js'
import SaveForm from './SaveForm.svelte'
import { Settings } from './settings'
import { Todo, type TodoActions } from './todo'
import { createActionContext } from '../index'
import LatestSaver from './LatestSaver.svelte'

const Latest = createActionContext<TodoActions>('Latest', { registry: { defaultConcurrency: 'takeLatest' } })

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

  it("gives the component the context's own register (its config), stubs only the listed actions, tells how dispatches ended", async () => {
    const t = createTestContexts({ createSpy: vi.fn })
    const actions = t.actions(Latest, { stub: ['slow'] })
    const signals: AbortSignal[] = []
    const ran: string[] = []
    expect(() => actions.register).toThrow("createTestContexts.actions: Latest's register is made when a component renders with these contexts; declare it, then render")
    const view = render(...t.wrap(LatestSaver, { context: Latest, signals, ran }))
    const { register } = actions
    await Promise.all([register.dispatch('save', { text: 'a' }), register.dispatch('save', { text: 'b' }), register.dispatch('slow')])
    expect({
      concurrency: register.getActionConcurrency('save'),
      aborted: signals.map((signal) => signal.aborted),
      ran,
      stubbed: Object.keys(actions.stubs),
      outcomes: actions.dispatches.map((d) => `${d.action} ${d.outcome}`),
    }).toEqual({
      concurrency: 'takeLatest',
      aborted: [true, false],
      ran: ['save a', 'save b'],
      stubbed: ['slow'],
      outcomes: ['save aborted', 'save completed', 'slow completed'],
    })
    view.unmount()
    await expect(register.dispatch('slow')).rejects.toThrow('register "Latest" was disposed')
  })

  it('refuses a bad createSpy, what is not a context, and reading stores before rendering', () => {
    const t = createTestContexts()
    expect(() => t.stores(Todo as never)).toThrow('createTestContexts.stores: expected a context from createStoreContext, got an object')
    expect(() => t.actions(Settings as never)).toThrow('createTestContexts.actions: expected a context from createActionContext, got an object')
    expect(() => t.stores(null as never)).toThrow('createTestContexts.stores: expected a context from createStoreContext, got null')
    expect(() => createTestContexts({ createSpy: 5 as never })).toThrow('createTestContexts: createSpy must be a spy factory such as vi.fn, got 5')
    expect(() => t.stores(Settings).manager).toThrow('createTestContexts.stores: Settings is provided when a component renders with these contexts; declare it, then render')
  })

  it('refuses an unknown key in the seeded state when rendering, naming the hydrate call', () => {
    const t = createTestContexts()
    t.stores(Settings, { colour: 'red' } as never)
    expect(() => render(...t.wrap(SaveForm, { label: 'A', log: [] }))).toThrow('Settings.hydrate: unknown store "colour" in the snapshot; known stores: theme, user')
  })
})
