// Runs in a separate Node process over a server bundle (see server-bundle.ts): what a SvelteKit server does per request.
import { render } from 'svelte/server'
import { loadState } from '../kit'
import KitLayout from './KitLayout.svelte'
import { Settings, type SettingsManager } from './settings'

/** One request: its load fills fresh stores (awaiting in between, as a fetch would), the layout renders from the snapshot. */
async function request(name: string, theme: string) {
  const seen: string[] = []
  const state = await loadState(Settings, async (stores) => {
    seen.push(stores.getStore('user').getValue().name)
    stores.getStore('user').setValue({ name, role: 'dev' })
    // The other request writes its stores while this one waits: shared stores would show its values here.
    await new Promise((resolve) => setTimeout(resolve, name === 'Grace' ? 20 : 5))
    stores.getStore('theme').setValue(theme)
    seen.push(`${stores.getStore('theme').getValue()}/${stores.getStore('user').getValue().name}`)
  })
  let manager: SettingsManager | undefined
  const { body } = render(KitLayout, { props: { data: { state }, ready: (m: SettingsManager) => (manager = m) } })
  const listeners = manager!.keys.map((key) => manager!.getStore(key).getListenerCount())
  return { body, state, seen, listeners }
}

// Two requests at once, with different data, interleaving their loads.
const [grace, alan] = await Promise.all([request('Grace', 'sepia'), request('Alan', 'dark')])
console.log(JSON.stringify({ grace, alan }))
