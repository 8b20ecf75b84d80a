import type { PipelineController } from './action-types'
import { argumentError, describe } from './errors'
import type { Pipeline, PipelineEntry } from './pipeline'

const abortError = (reason: string | undefined): DOMException => new DOMException(reason ?? 'Aborted', 'AbortError')

/** One running handler: its signal, and how its owner or its dispatch cancels it. */
export class Invocation {
  private controller: AbortController | null = null
  private reason: string | undefined
  cancelled = false
  settled = false
  returned = false
  constructor(
    readonly index: number,
    readonly entry: PipelineEntry,
    readonly start: number,
  ) {}

  // Created on first read: most handlers never look at their signal.
  get signal(): AbortSignal {
    if (this.controller === null) {
      this.controller = new AbortController()
      if (this.cancelled) this.controller.abort(abortError(this.reason))
    }
    return this.controller.signal
  }

  cancel(reason: string | undefined): void {
    if (this.cancelled) return
    this.cancelled = true
    this.reason = reason
    this.controller?.abort(abortError(reason))
  }
}

/** The controller handed to one invocation: closures, so handlers may destructure it. */
/**
 * The controller a handler receives. Its methods are created on first access and then kept, so a handler may
 * destructure them (`(payload, { abort }) => …`) while handlers that use none of them allocate nothing.
 */
class Controller implements PipelineController<any, any> {
  #bound: Partial<Record<keyof PipelineController, unknown>> = {}
  constructor(
    private readonly pipeline: Pipeline,
    private readonly invocation: Invocation,
  ) {}

  #bind<K extends keyof PipelineController>(key: K, make: () => PipelineController[K]): PipelineController<any, any>[K] {
    return (this.#bound[key] ??= make()) as PipelineController<any, any>[K]
  }

  get abort() {
    return this.#bind('abort', () => (reason?: string) => {
      if (reason !== undefined && typeof reason !== 'string') {
        throw argumentError('PipelineController.abort', `reason must be a string, got ${describe(reason)}`)
      }
      this.pipeline.abort(reason)
    })
  }
  get modifyPayload() {
    return this.#bind('modifyPayload', () => (modifier: (payload: any) => any) => this.pipeline.modifyPayload(modifier))
  }
  get getPayload() {
    return this.#bind('getPayload', () => () => this.pipeline.payload)
  }
  get jumpToPriority() {
    return this.#bind('jumpToPriority', () => (priority: number) => this.pipeline.jump(this.invocation, priority))
  }
  get return() {
    return this.#bind('return', () => (value: unknown) => this.pipeline.finishEarly(this.invocation, value))
  }
  get setResult() {
    return this.#bind('setResult', () => (value: unknown) => this.pipeline.addResult(this.invocation, value))
  }
  get getResults() {
    return this.#bind('getResults', () => () => this.pipeline.results.slice())
  }
  get mergeResult() {
    return this.#bind('mergeResult', () => (merger: (earlier: any[], last: any) => any) => this.pipeline.mergeResult(this.invocation, merger))
  }
  get signal(): AbortSignal {
    return this.invocation.signal
  }
}

export function createController(pipeline: Pipeline, invocation: Invocation): PipelineController<any, any> {
  return new Controller(pipeline, invocation)
}
