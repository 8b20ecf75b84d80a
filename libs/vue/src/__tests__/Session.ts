import { createStoreContext } from '../create-store-context'

/** A store context whose value a server render loads and hands to the client. */
export const Session = createStoreContext('Session', { user: { initialValue: null as string | null }, visits: { initialValue: 0 } })

export interface Api {
  calls: number
  load(): Promise<string>
}

export function fakeApi(user: string): Api {
  return {
    calls: 0,
    async load() {
      this.calls++
      await new Promise((resolve) => setTimeout(resolve, 1))
      return user
    },
  }
}
