import { ActionRegister } from '../actions'
import type { ActionHandler, ActionPayloadMap } from '../actions'
import { describe } from '../shared/errors'

/** Makes a spy that calls `implementation`, like `vi.fn` or `jest.fn`: nothing here depends on a test runner. */
export type CreateSpy = <F extends (...args: any[]) => any>(implementation?: F) => F

/** Options of a test's register. */
export interface TestActionsOptions<A extends ActionPayloadMap> {
  /** Handlers the test registers (made spies with `createSpy`). */
  handlers?: { [K in keyof A & string]?: ActionHandler<A[K], unknown> }
  /** Register a spy that does nothing in place of every handler the components under test register. */
  stub?: boolean
}

/** The register a test provided, with what happened on it. */
export interface TestActions<A extends ActionPayloadMap> {
  readonly register: ActionRegister<A>
  /** Every dispatch so far, in order. */
  readonly dispatches: Array<{ action: keyof A & string; payload: unknown }>
  /** The test's handlers, as registered (spies with `createSpy`). */
  readonly handlers: { [K in keyof A & string]?: ActionHandler<A[K], unknown> }
  /** With `stub`: the spies registered in place of the components' handlers, per action, in registration order. */
  readonly stubs: { [K in keyof A & string]?: Array<ActionHandler<A[K], unknown>> }
}

/**
 * `createSpy`, or a stand-in that calls the implementation when the test gave none; a clear error names `fn` otherwise.
 * @example const spy = spyFactory('createTestContexts', vi.fn)
 */
export function spyFactory(fn: string, createSpy: CreateSpy | undefined): CreateSpy {
  if (createSpy === undefined) return (implementation) => implementation ?? ((() => {}) as never)
  if (typeof createSpy !== 'function') throw new TypeError(`${fn}: createSpy must be a spy factory such as vi.fn, got ${describe(createSpy)}`)
  return createSpy
}

/**
 * A register for a test: it records every dispatch, registers the test's handlers as spies, and with `stub` registers
 * a spy in place of every handler registered later (the components'). The Vue and Svelte testing helpers provide it.
 * @example const { register, dispatches } = createTestRegister('Todo', { createSpy: vi.fn, stub: true })
 */
export function createTestRegister<A extends ActionPayloadMap>(
  name: string,
  options: TestActionsOptions<A> & { createSpy?: CreateSpy } = {},
): TestActions<A> {
  const spy = spyFactory('createTestRegister', options.createSpy)
  const register = new ActionRegister<A>({ name })
  const dispatches: TestActions<A>['dispatches'] = []
  const handlers: TestActions<A>['handlers'] = {}
  const stubs: TestActions<A>['stubs'] = {}
  register.observe((event) => {
    if (event.type === 'start') dispatches.push({ action: event.action as keyof A & string, payload: event.payload })
  })
  const add = register.register.bind(register)
  for (const [action, handler] of Object.entries(options.handlers ?? {}) as Array<[keyof A & string, ActionHandler<any, unknown>]>) {
    const made = spy(handler)
    handlers[action] = made
    add(action, made)
  }
  if (options.stub) {
    // Components register through this method; the test's own handlers went through `add`.
    register.register = (action, _handler, config) => {
      const stub = spy()
      ;(stubs[action] ??= []).push(stub)
      return add(action, stub, config)
    }
  }
  return { register, dispatches, handlers, stubs }
}
