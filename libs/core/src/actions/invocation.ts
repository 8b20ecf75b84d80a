import type { ActionHandler, PipelineController } from './action-types'
import { assertOptional } from '../shared/errors'

/** One handler of a pipeline snapshot; the owner decides whether it may still run. */
export interface PipelineEntry {
  readonly id: string
  readonly priority: number
  readonly handler: ActionHandler<any, any>
  readonly blocking: boolean
  readonly condition: ((payload: any) => boolean) | undefined
  readonly validation: ((payload: any) => boolean) | undefined
  readonly info?: { readonly timeout?: number | undefined; readonly retries?: number | undefined }
  /** Called right before the handler starts; `false` means it may not run (unregistered, or a `once` handler already taken). */
  claim(invocation: Invocation): boolean
  /** Called once the handler of a claimed invocation has settled. */
  done?(invocation: Invocation): void
}

/**
 * What a controller drives: the invocation's pipeline (`Pipeline` implements it; declared here so that neither file
 * imports the other).
 */
export interface InvocationOwner {
  readonly payload: unknown
  readonly results: unknown[]
  abort(reason: string | undefined, by?: string): void
  modifyPayload(modifier: (payload: unknown) => unknown): void
  jump(invocation: Invocation, priority: number): void
  finishEarly(invocation: Invocation, value: unknown): void
  addResult(invocation: Invocation, value: unknown): void
  mergeResult(invocation: Invocation, merger: (earlier: unknown[], last: unknown) => unknown): void
}

/** A cancel's reason becomes an `AbortError` only when a signal needs it: most cancelled handlers never read theirs. */
const abortError = (reason: string | DOMException | undefined): DOMException =>
  reason instanceof DOMException ? reason : new DOMException(reason ?? 'Aborted', 'AbortError')

type Binder = (pipeline: InvocationOwner, invocation: Invocation) => unknown

const METHODS: Record<string, Binder> = {
  abort: (pipeline, invocation) => (reason?: string) => {
    assertOptional('PipelineController.abort', 'reason', reason, 'string')
    pipeline.abort(reason, invocation.entry.id)
  },
  modifyPayload: (pipeline) => (modifier: (payload: any) => any) => pipeline.modifyPayload(modifier),
  getPayload: (pipeline) => () => pipeline.payload,
  jumpToPriority: (pipeline, invocation) => (priority: number) => pipeline.jump(invocation, priority),
  return: (pipeline, invocation) => (value: unknown) => pipeline.finishEarly(invocation, value),
  setResult: (pipeline, invocation) => (value: unknown) => pipeline.addResult(invocation, value),
  getResults: (pipeline) => () => pipeline.results.slice(),
  mergeResult: (pipeline, invocation) => (merger: (earlier: any[], last: any) => any) => pipeline.mergeResult(invocation, merger),
}

/**
 * One running handler: its signal, and how its owner or its dispatch cancels it. It is also the controller its handler
 * receives (see `createController`): the controller methods are created on first access and then kept, so a handler
 * may destructure them (`(payload, { abort }) => …`) while handlers that use none of them allocate nothing.
 */
export class Invocation {
  private controller: AbortController | null = null
  /** Why its signal is aborted, once `stopped`: a cancel's reason or a timeout's error. */
  private reason: string | DOMException | undefined
  private stopped = false
  #bound: Record<string, unknown> | undefined
  /** Set by `createController`. */
  pipeline!: InvocationOwner
  cancelled = false
  settled = false
  returned = false
  /** Its handler has settled. */
  finished = false
  /** The promise of a handler still running. */
  value: unknown
  constructor(
    readonly index: number,
    readonly entry: PipelineEntry,
    readonly start: number,
  ) {}

  static {
    for (const key in METHODS) {
      Object.defineProperty(this.prototype, key, {
        get(this: Invocation) {
          return ((this.#bound ??= {})[key] ??= METHODS[key](this.pipeline, this))
        },
      })
    }
  }

  // Created on first read: most handlers never look at their signal.
  get signal(): AbortSignal {
    if (this.controller === null) {
      this.controller = new AbortController()
      if (this.stopped) this.controller.abort(abortError(this.reason))
    }
    return this.controller.signal
  }

  cancel(reason: string | undefined): void {
    // Stryker disable next-line ConditionalExpression: `abortWith` ignores a second abort anyway; `cancelled` is only set again
    if (this.cancelled) return
    this.cancelled = true
    this.abortWith(reason)
  }

  /** Abort its signal with `reason` (a timeout's error), unless it is aborted already. */
  abortWith(reason: string | DOMException | undefined): void {
    if (this.stopped) return
    this.stopped = true
    this.reason = reason
    this.controller?.abort(abortError(reason))
  }
}

/** The controller of `invocation`, driving `pipeline`: the invocation itself, so a handler costs one object. */
export function createController(pipeline: InvocationOwner, invocation: Invocation): PipelineController<any, any> {
  invocation.pipeline = pipeline
  return invocation as unknown as PipelineController<any, any>
}
