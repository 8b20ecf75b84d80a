import { loadState } from '@context-action/svelte/kit'
import { Profile } from '$lib/profile'
import type { LayoutServerLoad } from './$types'

export const load: LayoutServerLoad = async ({ fetch, cookies }) => ({
  // Fresh stores for this request only: the loader fills them, the page data carries their snapshot.
  state: await loadState(Profile, async (stores) => {
    const response = await fetch('/api/users/u1')
    if (!response.ok) throw new Error(`Could not load the user (${response.status})`)
    stores.getStore('user').setValue(await response.json())
    stores.getStore('theme').setValue(cookies.get('theme') ?? 'light')
  }),
})
