import { shallowEqual } from '@context-action/core'
import { createStoreContext } from '../create-store-context'

export interface Profile {
  name: string
  /** A data field that happens to be called initialValue must stay data. */
  initialValue: number
}

export const AppStores = createStoreContext('AppStores', {
  count: { initialValue: 0 },
  profile: { initialValue: { name: 'Ada', initialValue: 1 } as Profile, equals: shallowEqual },
})
