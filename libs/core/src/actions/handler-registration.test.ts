import { describe, expect, it } from 'vitest'
import { ActionRegister } from './action-register'
import { Invocation } from './invocation'
import { readHandlerConfig, Registration, type RegistrationHost } from './handler-registration'

const errorOf = (run: () => void): string => {
  try {
    run()
    return 'no error'
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`
  }
}

function counter(prefix = 'gen') {
  let n = 0
  return () => `${prefix}_${++n}`
}

const SUPPORTED = 'supported keys are priority, id, once, blocking, condition, validation, debounce, throttle, tags, category, description, timeout, retries, middleware, version, returnType, dependencies, conflicts, environment, feature, metrics, metadata'

describe('readHandlerConfig', () => {
  it('gives a missing or empty config a generated id, priority 0 and no tags', () => {
    const generateId = counter()
    const infos = [readHandlerConfig(undefined, generateId), readHandlerConfig({}, generateId)]
    expect(infos).toEqual([
      { id: 'gen_1', priority: 0, tags: [] },
      { id: 'gen_2', priority: 0, tags: [] },
    ])
  })

  it('keeps a given id and asks for a generated one only when none is given', () => {
    const calls: string[] = []
    const generateId = () => {
      calls.push('called')
      return 'generated'
    }
    const ids = [readHandlerConfig({ id: 'mine' }, generateId).id, readHandlerConfig({ id: undefined }, generateId).id, readHandlerConfig({ priority: 3 }, generateId).id]
    expect({ ids, calls }).toEqual({ ids: ['mine', 'generated', 'generated'], calls: ['called', 'called'] })
  })

  it('keeps every valid field and returns a frozen copy that later changes to the config do not reach', () => {
    const condition = (n: number) => n > 0
    const validation = (n: number) => n < 10
    const tags = ['ui']
    const config = { priority: -2.5, id: 'h', once: true, blocking: false, condition, validation, debounce: 0, throttle: 20, tags, category: 'view', description: 'does things' }
    const info = readHandlerConfig(config, counter())
    tags.push('late')
    config.priority = 99
    expect({ info, frozen: Object.isFrozen(info), tagsFrozen: Object.isFrozen(info.tags), sameTags: info.tags === tags }).toEqual({
      info: { priority: -2.5, id: 'h', once: true, blocking: false, condition, validation, debounce: 0, throttle: 20, tags: ['ui'], category: 'view', description: 'does things' },
      frozen: true,
      tagsFrozen: true,
      sameTags: false,
    })
  })

  it('accepts infinite priorities and fields set to undefined', () => {
    const infos = [
      readHandlerConfig({ priority: Infinity }, counter()).priority,
      readHandlerConfig({ priority: -Infinity }, counter()).priority,
      readHandlerConfig({ priority: undefined, once: undefined, tags: undefined, category: undefined }, counter()),
      readHandlerConfig({ returnType: undefined, metrics: undefined, metadata: undefined }, counter()),
    ]
    expect(infos).toEqual([
      Infinity,
      -Infinity,
      { id: 'gen_1', priority: 0, once: undefined, tags: [], category: undefined },
      { id: 'gen_1', priority: 0, tags: [], returnType: undefined, metrics: undefined, metadata: undefined },
    ])
  })

  it('refuses a config that is not a plain object', () => {
    expect([null, 'high', [], 5, () => {}].map((config) => errorOf(() => readHandlerConfig(config, counter())))).toEqual([
      'TypeError: ActionRegister.register: config must be an object, got null',
      'TypeError: ActionRegister.register: config must be an object, got "high"',
      'TypeError: ActionRegister.register: config must be an object, got an array (length 0)',
      'TypeError: ActionRegister.register: config must be an object, got 5',
      'TypeError: ActionRegister.register: config must be an object, got a function',
    ])
  })

  it('refuses unknown keys, naming the key and the supported ones', () => {
    const results = [{ priorty: 1 }, { id: 'x', name: 'x' }, { tag: 'ui' }].map((config) => errorOf(() => readHandlerConfig(config, counter())))
    expect(results).toEqual([
      `TypeError: ActionRegister.register: unknown config key "priorty"; ${SUPPORTED}`,
      `TypeError: ActionRegister.register: unknown config key "name"; ${SUPPORTED}`,
      `TypeError: ActionRegister.register: unknown config key "tag"; ${SUPPORTED}`,
    ])
  })

  it('refuses a bad value for each field, describing it', () => {
    const bad: Array<Record<string, unknown>> = [
      { priority: '1' },
      { priority: NaN },
      { id: '' },
      { id: 7 },
      { once: 'yes' },
      { blocking: 0 },
      { condition: true },
      { validation: 'check' },
      { debounce: -1 },
      { throttle: Infinity },
      { tags: 'ui' },
      { tags: ['ui', 1] },
      { category: 3 },
      { description: null },
    ]
    const results = bad.map((config) => errorOf(() => readHandlerConfig(config, counter())))
    const message = (problem: string) => `TypeError: ActionRegister.register: ${problem}`
    expect(results).toEqual([
      message('priority must be a number, got "1"'),
      message('priority must be a number, got NaN'),
      message('id must be a non-empty string, got ""'),
      message('id must be a non-empty string, got 7'),
      message('once must be a boolean, got "yes"'),
      message('blocking must be a boolean, got 0'),
      message('condition must be a function, got true'),
      message('validation must be a function, got "check"'),
      message('debounce must be a finite number of milliseconds ≥ 0, got -1'),
      message('throttle must be a finite number of milliseconds ≥ 0, got Infinity'),
      message('tags must be an array of strings, got "ui"'),
      message('tags must be an array of strings, got an array (length 2)'),
      message('category must be a string, got 3'),
      message('description must be a string, got null'),
    ])
  })
})

describe('Registration', () => {
  function hostLog() {
    const log: string[] = []
    const host: RegistrationHost = {
      claimed: (registration, invocation) => void log.push(`claimed ${registration.id} #${invocation.index}`),
    }
    return { log, host }
  }

  it('exposes the id, priority, blocking, condition and validation of its info', () => {
    const { host } = hostLog()
    const condition = () => true
    const handler = () => {}
    const plain = new Registration('go', handler, readHandlerConfig(undefined, () => 'g1'), host)
    const full = new Registration('go', handler, readHandlerConfig({ id: 'x', priority: 4, blocking: false, condition, validation: condition }, counter()), host)
    const pick = (r: Registration) => ({ action: r.action, id: r.id, priority: r.priority, blocking: r.blocking, condition: r.condition, validation: r.validation, active: r.active })
    expect([pick(plain), pick(full)]).toEqual([
      { action: 'go', id: 'g1', priority: 0, blocking: true, condition: undefined, validation: undefined, active: true },
      { action: 'go', id: 'x', priority: 4, blocking: false, condition, validation: condition, active: true },
    ])
  })

  it('reports claims to its host while active, and refuses claims once inactive', () => {
    const { log, host } = hostLog()
    const registration = new Registration('go', () => {}, readHandlerConfig({ id: 'h' }, counter()), host)
    const first = new Invocation(0, registration, 0)
    const second = new Invocation(1, registration, 0)
    const claims = [registration.claim(first)]
    registration.active = false
    claims.push(registration.claim(second))
    expect({ claims, log }).toEqual({ claims: [true, false], log: ['claimed h #0'] })
  })

  it('describes itself with a copy that callers may change freely', () => {
    const { host } = hostLog()
    const handler = () => 'done'
    const registration = new Registration('save', handler, readHandlerConfig({ id: 's', priority: 2, tags: ['io'], category: 'net' }, counter()), host)
    const described = registration.describe()
    described.config.tags!.push('changed')
    const again = registration.describe()
    expect({ again, infoTags: registration.info.tags, distinct: again.config !== registration.info }).toEqual({
      again: { action: 'save', id: 's', priority: 2, handler, config: { id: 's', priority: 2, tags: ['io'], category: 'net' } },
      infoTags: ['io'],
      distinct: true,
    })
  })
})

describe('registration through ActionRegister', () => {
  type Actions = { go: number }

  const order = (actions: ActionRegister<Actions>) =>
    actions.getActionStats('go')!.handlersByPriority.map((group) => ({ priority: group.priority, ids: group.handlers.map((h) => h.id) }))

  it('numbers generated ids per register and orders by priority, ties in registration order', () => {
    const actions = new ActionRegister<Actions>()
    actions.register('go', () => {})
    actions.register('go', () => {}, { priority: 5 })
    actions.register('go', () => {}, { id: 'named', priority: 5 })
    actions.register('go', () => {})
    actions.register('go', () => {}, { priority: -1 })
    expect(order(actions)).toEqual([
      { priority: 5, ids: ['handler_2', 'named'] },
      { priority: 0, ids: ['handler_1', 'handler_3'] },
      { priority: -1, ids: ['handler_4'] },
    ])
  })

  it('replaces a handler registered again with the same id, placing the new one by its own priority', async () => {
    const actions = new ActionRegister<Actions>()
    const ran: string[] = []
    actions.register('go', () => void ran.push('a'), { id: 'a', priority: 10 })
    const offOld = actions.register('go', () => void ran.push('b-old'), { id: 'b', priority: 5 })
    actions.register('go', () => void ran.push('c'), { id: 'c', priority: 1 })
    actions.register('go', () => void ran.push('b-new'), { id: 'b', priority: 0 })
    offOld()
    await actions.dispatch('go', 1)
    expect({ ran, order: order(actions), count: actions.getHandlerCount('go') }).toEqual({
      ran: ['a', 'c', 'b-new'],
      order: [
        { priority: 10, ids: ['a'] },
        { priority: 1, ids: ['c'] },
        { priority: 0, ids: ['b'] },
      ],
      count: 3,
    })
  })

  it('aborts only the runs still going when a handler is unregistered: finished runs have left it', async () => {
    const actions = new ActionRegister<Actions>()
    const gates = new Map<number, () => void>()
    const aborted: number[] = []
    const off = actions.register('go', async (n, { signal }) => {
      signal.addEventListener('abort', () => aborted.push(n))
      if (n !== 2) await new Promise<void>((resolve) => gates.set(n, resolve))
    })
    // Two runs at once, the later one finishing first; then a third, still running when the handler goes.
    const first = actions.dispatch('go', 1)
    await actions.dispatch('go', 2)
    gates.get(1)!()
    await first
    const third = actions.dispatch('go', 3)
    off()
    gates.get(3)!()
    await third
    expect(aborted).toEqual([3])
  })

  it('refuses a bad config without registering anything', () => {
    const actions = new ActionRegister<Actions>()
    const message = errorOf(() => actions.register('go', () => {}, { priority: 1, weight: 2 } as never))
    expect({ message, count: actions.getHandlerCount('go') }).toEqual({
      message: `TypeError: ActionRegister.register: unknown config key "weight"; ${SUPPORTED}`,
      count: 0,
    })
  })
})
