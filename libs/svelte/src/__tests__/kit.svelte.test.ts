import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fireEvent, screen } from '@testing-library/svelte'
import { flushSync, hydrate, mount, unmount } from 'svelte'
import { describe, expect, it, vi } from 'vitest'
import { loadState, provideState } from '../kit'
import Call from './reliability/Call.svelte'
import KitLayout from './KitLayout.svelte'
import { runOnServer } from './server-bundle'
import { Settings, type SettingsManager, type User } from './settings'

type State = { theme: string; user: User }
// The script itself, not an import of it: the package declares its modules free of side effects, so a bundler drops a bare import.
const serverRequests = readFileSync(join(import.meta.dirname, 'kit-server.ts'), 'utf8')
interface Rendered {
  body: string
  state: State
  seen: string[]
  listeners: number[]
}

/** What `run` threw, as `Constructor: message`. */
function caught(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    return `${(error as Error).constructor.name}: ${(error as Error).message}`
  }
  return 'nothing thrown'
}

/** Run `body` while a component initialises; what it threw. */
function caughtInComponent(body: () => unknown): string {
  let error = ''
  const app = mount(Call, { target: document.createElement('div'), props: { run: () => void (error = caught(body)) } })
  unmount(app)
  return error
}

describe('@context-action/svelte/kit: loadState on the server, provideState in the layout', () => {
  it('renders two concurrent requests on the server, each from its own fresh stores, leaving no listener behind', async () => {
    const { grace, alan } = await runOnServer<{ grace: Rendered; alan: Rendered }>(serverRequests)
    expect([grace.state, alan.state]).toEqual([
      { theme: 'sepia', user: { name: 'Grace', role: 'dev' } },
      { theme: 'dark', user: { name: 'Alan', role: 'dev' } },
    ])
    // Each load started from the definitions' values, never from the other request's writes.
    expect([grace.seen, alan.seen]).toEqual([
      ['Ada', 'sepia/Grace'],
      ['Ada', 'dark/Alan'],
    ])
    expect([grace.body.includes('sepia/Grace'), grace.body.includes('Alan'), alan.body.includes('dark/Alan'), alan.body.includes('Grace')]).toEqual([true, false, true, false])
    expect([grace.listeners, alan.listeners]).toEqual([
      [0, 0],
      [0, 0],
    ])
  })

  it('hydrates the server HTML from the snapshot without a mismatch, stays interactive, and writes a later snapshot into the same stores', async () => {
    const { grace } = await runOnServer<{ grace: Rendered }>(serverRequests)
    const warn = vi.spyOn(console, 'warn')
    const target = document.createElement('div')
    target.innerHTML = grace.body
    document.body.append(target)
    const managers: SettingsManager[] = []
    // The snapshot travels as JSON, like SvelteKit's page data.
    const props = $state({ data: { state: JSON.parse(JSON.stringify(grace.state)) as State | undefined }, ready: (m: SettingsManager) => managers.push(m) })
    const app = hydrate(KitLayout, { target, props })
    flushSync()
    const shown = () => screen.getByTestId('kit').textContent
    const seen = [shown()]
    await fireEvent.click(screen.getByText('dark kit'))
    seen.push(shown())

    // The same data object again (a navigation that did not re-run the load): the client's edit stays.
    props.data = { state: props.data.state }
    flushSync()
    seen.push(shown())
    // A load that ran again: its snapshot is written into the stores the components already hold.
    props.data = { state: { theme: 'light', user: { name: 'Barbara', role: 'dev' } } }
    flushSync()
    seen.push(shown())
    // Data without state (another page's) leaves the stores alone.
    props.data = { state: undefined }
    flushSync()
    seen.push(shown())

    expect(seen).toEqual(['sepia/Grace', 'dark/Grace', 'dark/Grace', 'light/Barbara', 'light/Barbara'])
    expect([managers.length, managers[0].snapshot(), warn.mock.calls]).toEqual([1, { theme: 'light', user: { name: 'Barbara', role: 'dev' } }, []])
    unmount(app)
    warn.mockRestore()
    target.remove()
  })

  it('loadState gives every call fresh stores, waits for an async loader, and passes its error on', async () => {
    const first = await loadState(Settings, (stores) => stores.getStore('theme').setValue('dark'))
    const second = await loadState(Settings, async (stores) => {
      await Promise.resolve()
      stores.getStore('user').setValue({ name: 'Grace', role: 'dev' })
    })
    expect([first, second]).toEqual([
      { theme: 'dark', user: { name: 'Ada', role: 'admin' } },
      { theme: 'light', user: { name: 'Grace', role: 'dev' } },
    ])
    await expect(loadState(Settings, () => Promise.reject(new Error('API down')))).rejects.toThrow('API down')
  })

  it('createStores gives stores of a context outside any component, seeded from a state, never shared', () => {
    const a = Settings.createStores({ theme: 'dark' })
    const b = Settings.createStores()
    a.getStore('user').setValue({ name: 'Grace', role: 'dev' })
    expect([a.snapshot(), b.snapshot(), a.getStore('theme') === b.getStore('theme')]).toEqual([
      { theme: 'dark', user: { name: 'Grace', role: 'dev' } },
      { theme: 'light', user: { name: 'Ada', role: 'admin' } },
      false,
    ])
    expect(() => Settings.createStores({ colour: 'red' } as never)).toThrow('Settings.hydrate: unknown store "colour" in the snapshot; known stores: theme, user')
  })

  it('refuses bad input with errors naming the function', async () => {
    await expect(loadState({ name: 'Settings' } as never, () => {})).rejects.toThrow('loadState: expected a context from createStoreContext, got an object')
    await expect(loadState(Settings, 'load' as never)).rejects.toThrow('loadState: expected a loader function (stores) => …, got "load"')
    // Not a context: a store context's createStores without its provide.
    await expect(loadState({ createStores: Settings.createStores } as never, () => {})).rejects.toThrow('loadState: expected a context from createStoreContext, got an object')
    expect([
      caught(() => provideState(Settings, { theme: 'dark' })),
      caughtInComponent(() => provideState(null as never, {})),
      caughtInComponent(() => provideState(Settings, () => undefined)),
      caughtInComponent(() => provideState(Settings, [] as never)),
      caughtInComponent(() => provideState(Settings, () => null as never)),
      caughtInComponent(() => provideState(Settings, { colour: 'red' } as never)),
    ]).toEqual([
      'Error: provideState: call it while a component initialises (at the top of its <script>, not in an event handler, a timer or after an await); use what it returns later',
      'TypeError: provideState: expected a context from createStoreContext, got null',
      'TypeError: provideState: no Settings state in the page data (got undefined); return { state: await loadState(Settings, ...) } from a server load and pass () => data.state',
      'TypeError: provideState: no Settings state in the page data (got an array (length 0)); return { state: await loadState(Settings, ...) } from a server load and pass () => data.state',
      'TypeError: provideState: no Settings state in the page data (got null); return { state: await loadState(Settings, ...) } from a server load and pass () => data.state',
      'TypeError: Settings.hydrate: unknown store "colour" in the snapshot; known stores: theme, user',
    ])
  })
})
