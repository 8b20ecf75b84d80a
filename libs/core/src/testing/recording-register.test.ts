import { describe, expect, it } from 'vitest'
import { createTestRegister, spyFactory, type CreateSpy } from './recording-register'

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
})
