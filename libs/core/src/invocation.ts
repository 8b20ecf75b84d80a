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
export function createController(pipeline: Pipeline, invocation: Invocation): PipelineController<any, any> {
  return {
    abort(reason?: string): void {
      if (reason !== undefined && typeof reason !== 'string') {
        throw argumentError('PipelineController.abort', `reason must be a string, got ${describe(reason)}`)
      }
      pipeline.abort(reason)
    },
    modifyPayload: (modifier) => pipeline.modifyPayload(modifier),
    getPayload: () => pipeline.payload,
    jumpToPriority: (priority) => pipeline.jump(invocation, priority),
    return: (value) => pipeline.finishEarly(invocation, value),
    setResult: (value) => pipeline.addResult(invocation, value),
    getResults: () => pipeline.results.slice(),
    mergeResult: (merger) => pipeline.mergeResult(invocation, merger),
    get signal() {
      return invocation.signal
    },
  }
}
