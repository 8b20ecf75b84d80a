import type { ActionPayloadMap } from '@context-action/core'
import { createActionContext } from '../create-action-context'

export interface TestActions extends ActionPayloadMap {
  save: { id: number }
  reset: void
}

export const AppActions = createActionContext<TestActions>('AppActions')
