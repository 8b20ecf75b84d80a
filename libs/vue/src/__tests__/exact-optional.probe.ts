// Type-checked by `npm run typecheck` with `exactOptionalPropertyTypes` (tsconfig.json), as under @tsconfig/strictest: a
// possibly undefined value passed through to an optional option or prop must compile, as the SSR recipe of
// docs/vue.md does (`app.use(Session, { state: window.__SESSION__ })`).
import type { ActionRegister } from '@context-action/core'
import { createApp, h } from 'vue'
import { createActionContext, createStoreContext } from '../index'

declare const maybeState: Partial<{ user: string | null }> | undefined
declare const maybeRegister: ActionRegister<{ save: void }> | undefined

const Session = createStoreContext('Session', { user: { initialValue: null as string | null } })
const Actions = createActionContext<{ save: void }>('Actions')
createApp({ render: () => null }).use(Session, { state: maybeState }).use(Actions, { register: maybeRegister })
export const vnodes = [h(Session.Provider, { state: maybeState }), h(Actions.Provider, { register: maybeRegister })]
