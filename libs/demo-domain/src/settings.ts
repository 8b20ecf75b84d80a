import { createStore, type ActionRegister, type Store } from '@context-action/core'
import type { DemoActions } from './demo-actions'
import { messageOf } from './errors'
import type { DemoApi, Settings } from './types'

export function setupSettings(register: ActionRegister<DemoActions>, api: DemoApi, given?: Store<Settings>): Store<Settings> {
  const settings = given ?? createStore<Settings>({ latencyMs: 0, failureRate: 0, failPayments: false }, { name: 'settings' })

  register.register(
    'loadSettings',
    async (_, controller) => {
      try {
        settings.setValue(await api.getSettings({ signal: controller.signal }))
      } catch (error) {
        controller.abort(`Could not load settings: ${messageOf(error)}`)
      }
    },
    { id: 'fetchSettings' },
  )

  register.register(
    'updateSettings',
    async (changes, controller) => {
      try {
        settings.setValue(await api.updateSettings(changes, { signal: controller.signal }))
      } catch (error) {
        controller.abort(`Could not change settings: ${messageOf(error)}`)
      }
    },
    { id: 'saveSettings' },
  )

  return settings
}
