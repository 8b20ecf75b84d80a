import { shallowEqual } from '@context-action/core'
import { createStoreContext, type StoreManager } from '../index'

export interface User {
  name: string
  role: string
}

export const Settings = createStoreContext('Settings', {
  theme: { initialValue: 'light' },
  user: { initialValue: { name: 'Ada', role: 'admin' } as User, equals: shallowEqual },
})

export type SettingsManager = StoreManager<{ theme: string; user: User }>
