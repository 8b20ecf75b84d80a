import { createStore } from '@context-action/core'
import { mount, unmount } from 'svelte'
import { expect, it, vi } from 'vitest'
import Call from './__tests__/reliability/Call.svelte'
import { createActionContext } from './action-context.js'
import { loadState, provideState } from './kit.js'
import { createStoreContext } from './store-context.js'
import { useStoreValue } from './use-store-value.js'

// What a production build sees: `process.env.NODE_ENV` replaced by "production".
vi.mock('#dev', () => import('./dev-off.js'))

/** `Constructor: message` of what `run` threw. */
function caught(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    return `${(error as Error).constructor.name}: ${(error as Error).message}`
  }
  return 'nothing thrown'
}

it('in production, bad input throws a short error naming the function and its code of docs/errors.md', () => {
  const Actions = createActionContext<{ save: void }>('Actions')
  let missing = ''
  const app = mount(Call, {
    target: document.createElement('div'),
    props: { run: () => void (missing = caught(() => Actions.useActionDispatch())) },
  })
  unmount(app)
  expect([
    caught(() => createActionContext('')),
    missing,
    caught(() => Actions.useActionRegister()),
    caught(() => {
      (useStoreValue(createStore({ n: 1 }), (v) => v.n) as { current: number }).current = 2
    }),
    caught(() => useStoreValue('nope' as never)),
  ]).toEqual([
    'TypeError: createActionContext: error svelte-1 (https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#svelte-1)',
    'Error: Actions.useActionDispatch: error svelte-2 (https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#svelte-2)',
    'Error: Actions.useActionRegister: error svelte-3 (https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#svelte-3)',
    'TypeError: useStoreValue: error svelte-4 (https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#svelte-4)',
    'TypeError: useStoreValue: error svelte-5 (https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#svelte-5)',
  ])
})

it('in production, the SvelteKit helpers throw their short errors too', async () => {
  const Settings = createStoreContext('Settings', { theme: { initialValue: 'light' } })
  let missing = ''
  const app = mount(Call, { target: document.createElement('div'), props: { run: () => void (missing = caught(() => provideState(Settings, () => undefined))) } })
  unmount(app)
  expect([await loadState({} as never, () => {}).catch((e: Error) => `${e.constructor.name}: ${e.message}`), missing, caught(() => provideState(Settings, {}))]).toEqual([
    'TypeError: loadState: error svelte-6 (https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#svelte-6)',
    'TypeError: provideState: error svelte-7 (https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#svelte-7)',
    'Error: provideState: error svelte-3 (https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#svelte-3)',
  ])
})

it('in production, the error of a call outside a component keeps Svelte’s error as its cause', () => {
  const Actions = createActionContext<{ save: void }>('Actions')
  let error: unknown
  try {
    Actions.useActionRegister()
  } catch (thrown) {
    error = thrown
  }
  expect((error as Error).cause).toBeInstanceOf(Error)
})
