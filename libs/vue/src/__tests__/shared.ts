import { ActionRegister, createStore } from '@context-action/core'
import type { TestActions } from './actions'
import type { Shared } from './Everything.vue'
import { createItems } from './fixtures'
import type { Found } from './Probe.vue'

export function createShared(): Shared {
  return {
    items: createItems(3),
    name: createStore('Ada'),
    price: createStore(2),
    quantity: createStore(3),
    user: createStore({ name: 'Ada', email: 'ada@example.org' }),
    register: new ActionRegister<TestActions>({ name: 'shared' }),
  }
}

/** Every listener and handler count the composables in Everything.vue can change. */
export function counts(shared: Shared, found: Found): number[] {
  return [
    shared.items.getListenerCount(),
    shared.name.getListenerCount(),
    shared.price.getListenerCount(),
    shared.quantity.getListenerCount(),
    shared.user.getListenerCount(),
    shared.register.getHandlerCount('save'),
    shared.register.getActionStatus('save').getListenerCount(),
    found.count!.getListenerCount(),
    found.register!.getHandlerCount('save'),
    found.register!.getHandlerCount('reset'),
    found.register!.getActionStatus('reset').getListenerCount(),
  ]
}
