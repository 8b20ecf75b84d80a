import { ActionRegister } from '@context-action/core'
import { render, screen } from '@testing-library/svelte'
import { flushSync } from 'svelte'
import { describe, expect, it } from 'vitest'
import Dispatcher from './Dispatcher.svelte'
import FollowingHost from './FollowingHost.svelte'
import Saver from './Saver.svelte'
import TodoApp from './TodoApp.svelte'
import type { TodoActions, TodoApi as Api } from './todo'
import TwoTodos from './TwoTodos.svelte'
import StoppableHost from './StoppableHost.svelte'
import LegacyHandlersHost from './LegacyHandlersHost.svelte'
import Call from './reliability/Call.svelte'
import { createActionContext } from '../index'

function app(register?: ActionRegister<TodoActions>) {
  const log: string[] = []
  const apis: Api[] = []
  const view = render(TodoApp, { saver: true, label: 'A', log, register, ready: (api: Api) => apis.push(api) })
  return { log, api: apis[0], view }
}

describe('createActionContext', () => {
  it('registers a handler for the component lifetime and calls it with the latest props', async () => {
    const { log, api, view } = app()
    const counts = [api.register.getHandlerCount('save')]
    await api.dispatch('save', { text: 'one' })
    await view.rerender({ label: 'B' })
    await api.dispatch('save', { text: 'two' })
    await view.rerender({ saver: false })
    counts.push(api.register.getHandlerCount('save'))
    await api.dispatch('save', { text: 'three' })
    expect([log, counts]).toEqual([['A saved one', 'B saved two'], [1, 0]])
  })

  it('keeps the handler id from the config', async () => {
    const { api } = app()
    const result = await api.dispatchWithResult('save', { text: 'x' })
    expect(result.handlers.map((handler) => [handler.id, handler.outcome])).toEqual([['saver', 'completed']])
  })

  it('aborts the signal of a handler still running when its component is destroyed', async () => {
    const { log, api, view } = app()
    const running = api.dispatch('slow')
    flushSync()
    const statuses = [screen.getByTestId('status').textContent]
    await view.rerender({ saver: false })
    await running
    flushSync()
    statuses.push(screen.getByTestId('status').textContent)
    expect([log, statuses]).toEqual([['A slow started', expect.stringMatching(/^A slow aborted: /)], ['pending', 'idle']])
  })

  it('gives each provider its own register', async () => {
    const log: string[] = []
    const apis: Api[] = []
    render(TwoTodos, { log, ready: (api: Api) => apis.push(api) })
    await apis[0].dispatch('save', { text: 'to first' })
    await apis[1].dispatch('save', { text: 'to second' })
    expect([log, apis[0].register === apis[1].register]).toEqual([['first saved to first', 'second saved to second'], false])
  })

  it('disposes the register it created on destroy, but not one passed in', async () => {
    const own = app()
    own.view.unmount()
    expect(() => own.api.register.register('save', () => {})).toThrow(/disposed/)

    const shared = new ActionRegister<TodoActions>({ name: 'shared' })
    const passed = app(shared)
    const log: string[] = []
    shared.register('save', (payload) => {
      log.push(`outside saved ${payload.text}`)
    })
    passed.view.unmount()
    await shared.dispatch('save', { text: 'after unmount' })
    expect([passed.api.register === shared, log, passed.log]).toEqual([true, ['outside saved after unmount'], []])
  })

  it('throws a clear error naming the context outside a provider', () => {
    expect(() => render(Dispatcher, { ready: () => {} })).toThrow(
      'Todo.useActionStatus: no Todo provider above this component; render <Provider context={Todo}> or call Todo.provide() in a parent (a root made with mount() takes context: getAllContexts() from a component under one)',
    )
    expect(() => render(Saver, { label: 'x', log: [] })).toThrow('useActionHandler: no Todo provider above this component')
  })

  it('useActionStatus follows a getter (current and $status); useActionHandler registers again when its config getter changes', async () => {
    const register = new ActionRegister<TodoActions>({ name: 'getters' })
    const log: string[] = []
    const priorities: number[][] = []
    register.observe((event) => {
      if (event.type === 'end' && event.action === 'save') priorities.push(event.handlers.map((handler) => handler.priority))
    })
    const view = render(FollowingHost, { register, action: 'save', priority: 1, log })
    const text = () => screen.getByTestId('status').textContent
    const seen = [text()]
    await register.dispatch('save', { text: 'x' })
    await view.rerender({ priority: 2 })
    await register.dispatch('save', { text: 'y' })
    await view.rerender({ action: 'slow' })
    const running = register.dispatch('slow')
    flushSync()
    seen.push(text())
    const counts = [register.getHandlerCount('save'), register.getHandlerCount('slow')]
    view.unmount()
    await running
    counts.push(register.getHandlerCount('save'), register.getHandlerCount('slow'))
    expect(seen).toEqual(['save false false false false', 'slow true true true true'])
    expect([log, priorities, counts]).toEqual([['saved x', 'saved y'], [[1], [2]], [1, 1, 0, 0]])
  })

  it('keeps the registration when a config getter gives an equal config again, so a running handler is not aborted', async () => {
    const register = new ActionRegister<TodoActions>({ name: 'equal config' })
    const log: string[] = []
    const view = render(StoppableHost, { register, priority: 1, tick: 0, log, ready: () => {} })
    const running = register.dispatch('save', { text: 'first' })
    await view.rerender({ tick: 1 })
    await running
    view.unmount()
    expect(log).toEqual(['first live'])
  })

  it('in a legacy-mode component, handlers registered from a `$:` block or onMount are removed when it is destroyed', async () => {
    const register = new ActionRegister<TodoActions>({ name: 'legacy' })
    const log: string[] = []
    const view = render(LegacyHandlersHost, { register, by: 1, log })
    const counts = [register.getHandlerCount('save')]
    await register.dispatch('save', { text: 'a' })
    await view.rerender({ by: 10 })
    counts.push(register.getHandlerCount('save'))
    await register.dispatch('save', { text: 'b' })
    view.unmount()
    counts.push(register.getHandlerCount('save'))
    await register.dispatch('save', { text: 'c' })
    // A `$:` block has no clean-up between its runs (as in Svelte 4): its second run adds a handler; all go on destroy.
    expect({ counts, log: [...log].sort() }).toEqual({ counts: [2, 3, 0], log: ['a by 1', 'a mounted', 'b by 10', 'b by 10', 'b mounted'] })
  })

  it('after the stop useActionHandler returned, a config change does not register the handler again', async () => {
    const register = new ActionRegister<TodoActions>({ name: 'stopped' })
    const stops: Array<() => void> = []
    const view = render(StoppableHost, { register, priority: 1, tick: 0, log: [], ready: (stop: () => void) => stops.push(stop) })
    const before = register.getHandlerCount('save')
    stops[0]()
    await view.rerender({ priority: 2 })
    const after = register.getHandlerCount('save')
    view.unmount()
    expect([before, after]).toEqual([1, 0])
  })

  it('a provider without a register makes one named after the context, with the context\'s config', () => {
    const Named = createActionContext<TodoActions>('Named', { registry: { maxRetries: 7 } })
    let made: ActionRegister<TodoActions> | undefined
    const view = render(Call, { run: () => void (made = Named.provide()) })
    const seen = [made!.getName(), made!.getRegistryConfig().maxRetries]
    view.unmount()
    expect(seen).toEqual(['Named', 7])
  })
})
