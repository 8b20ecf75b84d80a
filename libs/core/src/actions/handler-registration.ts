import type { ActionHandler, HandlerConfig, HandlerRegistration } from './action-types'
import { assertCount, assertDelay, assertName, assertNumber, assertOneOf, assertOptional, assertShape, assertStrings } from '../shared/errors'
import type { Invocation, PipelineEntry } from './invocation'

const FN = 'ActionRegister.register'
const optional =
  (type: 'string' | 'boolean' | 'function') =>
  (what: string, value: unknown): void =>
    assertOptional(FN, what, value, type)
const delay = (what: string, value: unknown): void => assertDelay(FN, what, value)
const strings = (what: string, value: unknown): void => assertStrings(FN, what, value)
const record = (what: string, value: unknown): void => {
  if (value !== undefined) assertShape(FN, what, value)
}

/** How each key of the config is checked; a key not here is refused. */
const CHECKS: Record<string, (what: string, value: unknown) => void> = {
  priority: (what, value) => assertNumber(FN, what, value, true),
  id: (what, value) => value === undefined || assertName(FN, what, value),
  once: optional('boolean'),
  blocking: optional('boolean'),
  condition: optional('function'),
  validation: optional('function'),
  debounce: delay,
  throttle: delay,
  tags: strings,
  category: optional('string'),
  description: optional('string'),
  // Upstream's other keys: timeout and retries act; the rest are kept for introspection (environment and feature filter).
  timeout: delay,
  retries: (what, value) => assertCount(FN, what, value, 0),
  middleware: optional('boolean'),
  version: optional('string'),
  returnType: (what, value) => assertOneOf(FN, what, value, ['value', 'merge', 'collect'], true),
  dependencies: strings,
  conflicts: strings,
  environment: optional('string'),
  feature: optional('string'),
  metrics: record,
  metadata: record,
}
const KEYS = new Set(Object.keys(CHECKS))

/** The validated, frozen config of one handler, with its final id, priority and tags. */
export type HandlerInfo = Readonly<HandlerConfig<any>> & { readonly id: string; readonly priority: number; readonly tags: string[] }

/** What a registration reports to its register. */
export interface RegistrationHost {
  claimed(registration: Registration, invocation: Invocation): void
}

/** Validate `register`'s config and freeze it; unknown keys are refused, since they would do nothing. */
export function readHandlerConfig(config: unknown, generateId: () => string): HandlerInfo {
  if (config === undefined) config = {}
  assertShape(FN, 'config', config, KEYS)
  for (const key of Object.keys(config)) CHECKS[key](key, config[key])
  // `Object.assign` rather than a spread: several times faster in V8, which counts for mass registration.
  return Object.freeze(Object.assign({}, config, { id: config.id ?? generateId(), priority: config.priority ?? 0, tags: Object.freeze([...(config.tags ?? [])]) as string[] }))
}

/** One handler registered on one action; its pipeline entry checks it is still registered before it runs. */
export class Registration implements PipelineEntry {
  active = true
  /** A `once` handler that ran: it never runs again. */
  spent = false
  /** Its invocations whose handler has not settled: unregistering aborts exactly these, without walking every dispatch. */
  readonly running: Invocation[] = []
  readonly id: string
  readonly priority: number
  readonly blocking: boolean
  readonly condition: ((payload: any) => boolean) | undefined
  readonly validation: ((payload: any) => boolean) | undefined

  constructor(
    readonly action: string,
    readonly handler: ActionHandler<any, any>,
    readonly info: HandlerInfo,
    private readonly host: RegistrationHost,
  ) {
    this.id = info.id
    this.priority = info.priority
    this.blocking = info.blocking !== false
    this.condition = info.condition
    this.validation = info.validation
  }

  claim(invocation: Invocation): boolean {
    if (!this.active || this.spent) return false
    this.spent = this.info.once === true
    this.running.push(invocation)
    this.host.claimed(this, invocation)
    return true
  }

  done(invocation: Invocation): void {
    // Usually the only one, else few: swap with the last and pop (splice would allocate the removed part).
    const running = this.running
    const at = running.indexOf(invocation)
    // Stryker disable next-line ConditionalExpression: the pipeline calls `done` once for each invocation `claim` added, so it is always found
    if (at === -1) return
    running[at] = running[running.length - 1]
    running.pop()
  }

  /** Abort the signals of its running handlers. */
  cancel(reason: string): void {
    // Stryker disable next-line MethodExpression: the abort listeners `cancel` runs cannot add to this list: the register makes the registration inactive first, so `claim` refuses
    for (const invocation of this.running.slice()) invocation.cancel(reason)
  }

  /** A copy for introspection. */
  describe(): HandlerRegistration {
    return { action: this.action, id: this.id, priority: this.priority, handler: this.handler, config: { ...this.info, tags: [...this.info.tags] } }
  }
}
