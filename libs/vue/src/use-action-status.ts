import type { ActionPayloadMap, ActionRegisterLike, ActionStatus } from '@context-action/core'
import type { MaybeRefOrGetter, ShallowRef } from 'vue'
import { assertRegister, toValue } from './deps'
import { followStore } from './use-store-value'

/**
 * The action's status (`pending`, `running`, `lastError`, `lastAbortReason`) as a read-only ref.
 * @example const status = useActionStatus(register, 'save') // <Spinner v-if="status.pending" />
 */
export function useActionStatus<T extends ActionPayloadMap, K extends keyof T & string>(
  register: ActionRegisterLike<T>,
  action: MaybeRefOrGetter<K>,
): Readonly<ShallowRef<ActionStatus>> {
  assertRegister('useActionStatus', register)
  // Stryker disable next-line ConditionalExpression,StringLiteral: a getter that returns the constant name follows the same status store (the string case only skips the watch)
  return followStore('useActionStatus', typeof action === 'string' ? register.getActionStatus(action) : () => register.getActionStatus(toValue(action)))
}
