import type { PipelineController } from './action-types'
import { assertOptional } from './errors'
import type { Pipeline, PipelineEntry } from './pipeline'

const abortError = (reason: string | undefined): DOMException => new DOMException(reason ?? 'Aborted', 'AbortError')

type Binder = (pipeline: Pipeline, invocation: Invocation) => unknown

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
  /** What its signal is aborted with, once it is. */
  private reason: unknown
  #bound: Record<string, unknown> | undefined
  /** Set by `createController`. */
  pipeline!: Pipeline
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
      if (this.reason !== undefined) this.controller.abort(this.reason)
    }
    return this.controller.signal
  }

  cancel(reason: string | undefined): void {
    if (this.cancelled) return
    this.cancelled = true
    this.abortWith(abortError(reason))
  }

  /** Abort its signal with `error` (a timeout), unless it is aborted already. */
  abortWith(error: unknown): void {
    if (this.reason !== undefined) return
    this.reason = error
    this.controller?.abort(error)
  }
}

/** The controller of `invocation`, driving `pipeline`: the invocation itself, so a handler costs one object. */
export function createController(pipeline: Pipeline, invocation: Invocation): PipelineController<any, any> {
  invocation.pipeline = pipeline
  return invocation as unknown as PipelineController<any, any>
}
