import { createStoreContext } from '@context-action/svelte'

export interface User {
  id: string
  name: string
  email: string
}

// Declared once; every request on the server and the page in the browser get stores of their own.
export const Profile = createStoreContext('Profile', {
  user: { initialValue: null as User | null },
  theme: { initialValue: 'light' },
})
