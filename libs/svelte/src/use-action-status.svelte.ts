import type { ActionPayloadMap, ActionRegister, ActionStatus, ReadableStore } from '@context-action/core'
import { toStore } from 'svelte/store'
import type { MaybeGetter } from './use-action-handler.svelte.js'
import { useStoreValue, type StoreValue } from './use-store-value.svelte.js'

/** An action's status: a store (`$status.pending`) that also has `current` for runes code (`status.current.pending`). */
export type ActionStatusStore = ReadableStore<ActionStatus> & StoreValue<ActionStatus>

/** The status store of `action`; with a getter, it follows whichever action the getter names. */
export function statusOf<A extends ActionPayloadMap, K extends keyof A & string>(register: ActionRegister<A>, action: MaybeGetter<K>): ActionStatusStore {
  if (typeof action !== 'function') {
    const store = register.getActionStatus(action)
    const view = useStoreValue(store)
    return {
      ...store,
      get current() {
        return view.current
      },
    }
  }
  const store = $derived(register.getActionStatus(action()))
  const view = $derived(useStoreValue(store))
  // `$status` subscribes once, so the store it subscribes to must itself follow the getter.
  const following = toStore(() => view.current)
  return {
    get name() {
      return store.name
    },
    get current() {
      return view.current
    },
    getValue: () => store.getValue(),
    subscribe: following.subscribe,
    listen: (listener) => store.listen(listener),
    getListenerCount: () => store.getListenerCount(),
  }
}
