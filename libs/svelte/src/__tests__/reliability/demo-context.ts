import type { DemoActions } from '@context-action/demo-domain'
import { createActionContext } from '../../index'

/** One action context for the SSR view; each render provides its request's own register. */
export const Demo = createActionContext<DemoActions>('Demo')
