import type { ActionDispatcher, ActionDispatcherWithResult, ActionPayloadMap, ActionRegisterLike } from '@context-action/core'
import { assertRegister } from './deps'

/**
 * The register's typed `dispatch`; the same function on every call, so it is safe to pass down and to compare.
 * @example const dispatch = useActionDispatch(register); dispatch('save', { id: 1 })
 */
export function useActionDispatch<T extends ActionPayloadMap>(register: ActionRegisterLike<T>): ActionDispatcher<T> {
  assertRegister('useActionDispatch', register)
  return register.dispatch
}

/**
 * The register's `dispatchWithResult`, resolving to the full execution result.
 * @example const result = await useActionDispatchWithResult(register)('save', { id: 1 })
 */
export function useActionDispatchWithResult<T extends ActionPayloadMap>(register: ActionRegisterLike<T>): ActionDispatcherWithResult<T> {
  assertRegister('useActionDispatchWithResult', register)
  return register.dispatchWithResult
}
