import { ActionRegister } from '../actions'
import type { ActionHandler, ActionPayloadMap, ActionRegisterConfig, DispatchEvent } from '../actions'
import { describe } from '../shared/errors'

/** Makes a spy that calls `implementation`, like `vi.fn` or `jest.fn`: nothing here depends on a test runner. */
export type CreateSpy = <F extends (...args: any[]) => any>(implementation?: F) => F

/** Options of a test's register. */
export interface TestActionsOptions<A extends ActionPayloadMap> {
  /** Handlers the test registers (made spies with `createSpy`). */
  handlers?: { [K in keyof A & string]?: ActionHandler<A[K], unknown> }
  /**
   * `true`: register a spy that does nothing in place of every handler the components under test register; a list of
   * actions: of their handlers of those actions only (Pinia's `stubActions`); the others run as they are.
   */
  stub?: boolean | ReadonlyArray<keyof A & string>
}

/** One dispatch a test's register saw. */
export type RecordedDispatch<A extends ActionPayloadMap> = {
  [K in keyof A & string]: {
    action: K
    payload: A[K]
    /**
     * How it ended, once it has (the `end` event of `observe`): `dropped` when debounce, throttle or the concurrency
     * policy refused it, so `dispatches.filter((d) => d.outcome !== 'dropped')` are those that ran. Not enumerable:
     * `expect(dispatches).toEqual([{ action, payload }])` reads only the two.
     */
    readonly outcome?: Extract<DispatchEvent, { type: 'end' }>['outcome']
  }
}[keyof A & string]

/** The register a test provided, with what happened on it. */
export interface TestActions<A extends ActionPayloadMap> {
  readonly register: ActionRegister<A>
  /** Every dispatch so far, in order. */
  readonly dispatches: Array<RecordedDispatch<A>>
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
 * What a test records, on every register it attaches (a component test mounts once or more, and each mount gets a
 * register of its own, made as the app makes it): every dispatch and how it ended, the test's handlers (made spies
 * once, registered on each register), and with `stub` a spy in place of every handler registered after `attach` (the
 * components'). `actions.register` is the register attached last; before any, reading it throws `fn: notYet`. The
 * Vue and Svelte testing helpers use it; `createTestRegister` is it with a register of its own.
 * @example const { actions, attach } = createTestRecorder('myHelper', { createSpy: vi.fn, stub: ['save'] }); attach(register)
 */
export function createTestRecorder<A extends ActionPayloadMap>(
  fn: string,
  options: TestActionsOptions<A> & { createSpy?: CreateSpy } = {},
  notYet = 'no register is attached yet',
): { actions: TestActions<A>; attach(register: ActionRegister<A>): void } {
  const spy = spyFactory(fn, options.createSpy)
  const { stub } = options
  if (stub !== undefined && typeof stub !== 'boolean' && !Array.isArray(stub)) {
    throw new TypeError(`${fn}: stub must be true, false or a list of actions, got ${describe(stub)}`)
  }
  const stubbed = (action: string) => stub === true || (Array.isArray(stub) && stub.includes(action))
  let current: ActionRegister<A> | undefined
  const actions: TestActions<A> = {
    get register() {
      if (current === undefined) throw new Error(`${fn}: ${notYet}`)
      return current
    },
    dispatches: [],
    handlers: {},
    stubs: {},
  }
  for (const [action, handler] of Object.entries(options.handlers ?? {}) as Array<[keyof A & string, ActionHandler<any, unknown>]>) {
    actions.handlers[action] = spy(handler)
  }
  const attach = (register: ActionRegister<A>): void => {
    current = register
    const running = new Map<number, RecordedDispatch<A>>()
    register.observe((event) => {
      if (event.type === 'start') {
        const dispatch = { action: event.action, payload: event.payload } as RecordedDispatch<A>
        actions.dispatches.push(dispatch)
        running.set(event.dispatchId, dispatch)
      } else if (event.type === 'end') {
        Object.defineProperty(running.get(event.dispatchId)!, 'outcome', { value: event.outcome })
        running.delete(event.dispatchId)
      }
    })
    const add = register.register.bind(register)
    for (const [action, handler] of Object.entries(actions.handlers) as Array<[keyof A & string, ActionHandler<any, unknown>]>) add(action, handler)
    // Components register through this method (the test's own handlers went through `add`): a handler of a stubbed
    // action is registered as a spy that does nothing, any other as it is.
    register.register = (action, handler, config) => {
      if (!stubbed(action)) return add(action, handler, config)
      const made = spy()
      ;(actions.stubs[action] ??= []).push(made)
      return add(action, made, config)
    }
  }
  return { actions, attach }
}

/**
 * A register for a test: it records every dispatch, registers the test's handlers as spies, and with `stub` registers
 * a spy in place of every handler registered later (the components'). `config`: the register's settings (those of the
 * context the test stands in for).
 * @example const { register, dispatches } = createTestRegister('Todo', { createSpy: vi.fn, stub: true })
 */
export function createTestRegister<A extends ActionPayloadMap>(
  name: string,
  options: TestActionsOptions<A> & { createSpy?: CreateSpy; config?: Omit<ActionRegisterConfig, 'name'> } = {},
): TestActions<A> {
  const { actions, attach } = createTestRecorder<A>('createTestRegister', options)
  attach(new ActionRegister<A>({ ...options.config, name }))
  return actions
}
