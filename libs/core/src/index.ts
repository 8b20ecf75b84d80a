export { batch } from './batch'
export { createCache, type Cache, type CacheEntries, type CacheEntry, type CacheKeyStatus, type CacheLookup, type CacheOptions, type CacheSource } from './cache'
export { compensate, CompensationError, type CompensationStep } from './compensate'
export { createComputedStore, type ComputedOptions, type ComputedStore, type StoreValues } from './computed'
export { deepEqual, shallowEqual, type EqualityFn } from './equality'
export { assertFunction, assertRegister, describe as describeValue } from './errors'
export { assertStore, createStore, isStore, type Listener, type ReadableStore, type Store, type StoreOptions, type Unsubscribe } from './store'
export { fromReadable, isReadable, type Subscribable } from './readable'
export { createStoreManager, validateStoreDefinitions, type StoreDefinition, type StoreDefinitions, type StoreManager } from './store-manager'
export { transaction, type TransactionOptions } from './transaction'
export { ActionRegister } from './action-register'
export type {
  ActionDispatcher,
  ActionDispatcherWithResult,
  ActionHandler,
  ActionPayloadMap,
  ActionRegisterConfig,
  ActionRegisterLike,
  ActionRegistryInfo,
  ActionStatsSummary,
  ActionStatus,
  ConcurrencyPolicy,
  DispatchArgs,
  DispatchEvent,
  DispatchObserver,
  DispatchOptions,
  ExecutionMode,
  ExecutionResult,
  HandlerConfig,
  HandlerExecution,
  HandlerFilter,
  HandlerOutcome,
  HandlerRegistration,
  PipelineController,
  ResultStrategy,
  UnregisterFunction,
} from './action-types'
