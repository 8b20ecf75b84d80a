import { describe, expect, it } from 'vitest'
import { ActionRegister } from '../actions'
import { createTestRecorder, createTestRegister, spyFactory, type CreateSpy } from './recording-register'

type Actions = { save: { name: string }; reset: void }

/** A hand-made spy factory: records each spy's calls, so the tests need no test runner's mocks. */
function recordingSpies() {
  const calls: string[] = []
  let made = 0
  const createSpy: CreateSpy = (implementation) => {
    const id = ++made
    return ((...args: unknown[]) => {
      calls.push(`spy${id}(${JSON.stringify(args[0])})`)
      return implementation?.(...args)
    }) as never
  }
  return { calls, createSpy }
}

describe('createTestRegister', () => {
  it('records every dispatch in order and runs the test\'s handlers as spies', async () => {
    const { calls, createSpy } = recordingSpies()
    const seen: string[] = []
    const test = createTestRegister<Actions>('Todo', { createSpy, handlers: { save: (payload) => void seen.push(payload.name) } })
    await test.register.dispatch('save', { name: 'Ada' })
    await test.register.dispatch('reset')
    expect([test.dispatches, seen, calls, test.register.name]).toEqual([
      [
        { action: 'save', payload: { name: 'Ada' } },
        { action: 'reset', payload: undefined },
      ],
      ['Ada'],
      ['spy1({"name":"Ada"})'],
      'Todo',
    ])
  })

  it('with stub, registers a do-nothing spy in place of every later handler, keeping its config', async () => {
    const { calls, createSpy } = recordingSpies()
    const test = createTestRegister<Actions>('Todo', { createSpy, stub: true })
    const ran: string[] = []
    test.register.register('save', () => void ran.push('component handler'), { once: true })
    await test.register.dispatch('save', { name: 'Grace' })
    await test.register.dispatch('save', { name: 'Hopper' })
    expect([ran, calls, test.stubs.save?.length]).toEqual([[], ['spy1({"name":"Grace"})'], 1])
  })

  it('without createSpy runs the implementations as they are; a spy factory that is not a function is refused', async () => {
    const seen: string[] = []
    const test = createTestRegister<Actions>('Todo', { handlers: { save: (payload) => void seen.push(payload.name) } })
    // Without stub, a handler a component registers later runs as it is too.
    test.register.register('save', (payload) => void seen.push(`component ${payload.name}`))
    await test.register.dispatch('save', { name: 'Lin' })
    expect([seen, test.stubs]).toEqual([['Lin', 'component Lin'], {}])
    expect(() => spyFactory('createTestContexts', 5 as never)).toThrow(new TypeError('createTestContexts: createSpy must be a spy factory such as vi.fn, got 5'))
    expect(() => createTestRegister('Todo', { createSpy: 'vi.fn' as never })).toThrow(
      new TypeError('createTestRegister: createSpy must be a spy factory such as vi.fn, got "vi.fn"'),
    )
  })

  it('tells how each dispatch ended: those debounce or throttle refused are dropped', async () => {
    const test = createTestRegister<Actions>('Todo', { handlers: { save: () => {}, reset: (_, controller) => controller.abort('no') } })
    const first = test.register.dispatch('save', { name: 'a' }, { debounce: 1 })
    const second = test.register.dispatch('save', { name: 'ab' }, { debounce: 1 })
    // Not over yet: recorded as it started.
    expect(test.dispatches.map((d) => d.outcome)).toEqual([undefined, undefined])
    await Promise.all([first, second, test.register.dispatch('reset')])
    expect(test.dispatches.map((d) => `${d.action} ${d.outcome}`)).toEqual(['save dropped', 'save completed', 'reset aborted'])
    // Not enumerable: an assertion on action and payload (toStrictEqual too) reads only those.
    expect(test.dispatches[2]).toStrictEqual({ action: 'reset', payload: undefined })
  })

  it('stubs the handlers of the listed actions only, as Pinia stubActions does; refuses a stub of another kind', async () => {
    const { calls, createSpy } = recordingSpies()
    const test = createTestRegister<Actions>('Todo', { createSpy, stub: ['save'] })
    const ran: string[] = []
    test.register.register('save', () => void ran.push('component save'))
    test.register.register('reset', () => void ran.push('component reset'))
    await test.register.dispatch('save', { name: 'Ada' })
    await test.register.dispatch('reset')
    expect([ran, calls, Object.keys(test.stubs)]).toEqual([['component reset'], ['spy1({"name":"Ada"})'], ['save']])
    expect(() => createTestRegister('Todo', { stub: 'save' as never })).toThrow(new TypeError('createTestRegister: stub must be true, false or a list of actions, got "save"'))
  })

  it('makes its register with the config given, as the context the test stands in for would', () => {
    const test = createTestRegister<Actions>('Todo', { config: { registry: { defaultConcurrency: 'takeLatest' } } })
    expect([test.register.name, test.register.getActionConcurrency('save')]).toEqual(['Todo', 'takeLatest'])
  })

  it('records on every register attached, with the test handlers made spies once and registered on each', async () => {
    const { calls, createSpy } = recordingSpies()
    const { actions, attach } = createTestRecorder<Actions>('helper', { createSpy, handlers: { reset: () => {} } }, 'mount first')
    expect(() => actions.register).toThrow(new Error('helper: mount first'))
    expect(() => createTestRecorder('helper').actions.register).toThrow(new Error('helper: no register is attached yet'))
    const registers = [new ActionRegister<Actions>(), new ActionRegister<Actions>()]
    registers.forEach(attach)
    await registers[0].dispatch('reset')
    await registers[1].dispatch('reset')
    expect([calls, actions.dispatches.length, registers.map((r) => r.getHandlerCount('reset')), actions.register === registers[1]]).toEqual([
      ['spy1(undefined)', 'spy1(undefined)'],
      2,
      [1, 1],
      true,
    ])
  })
})
