export { batch } from './batch'
export { createComputedStore, type ComputedOptions, type ComputedStore, type StoreValues } from './computed'
export { deepEqual, shallowEqual, type EqualityFn } from './equality'
export { createStore, isStore, type Listener, type ReadableStore, type Store, type StoreOptions, type Unsubscribe } from './store'
