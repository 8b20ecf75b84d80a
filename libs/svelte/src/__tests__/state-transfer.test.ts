import { fireEvent, screen } from '@testing-library/svelte'
import { flushSync, hydrate, unmount } from 'svelte'
import { describe, expect, it, vi } from 'vitest'
import SeededApp from './SeededApp.svelte'
import { runOnServer } from './server-bundle'
import type { SettingsManager } from './settings'

interface ServerRender {
  body: string
  snapshot: ReturnType<SettingsManager['snapshot']>
  listeners: number[]
}

// What a SvelteKit app does: the server load produces data, the layout provides it, the render's stores are
// snapshotted into the page data, and the client hydrates with the same state.
const server = `
  import { render } from 'svelte/server'
  import SeededApp from './SeededApp.svelte'
  const loaded = { theme: 'sepia', user: { name: 'Grace', role: 'dev' } }
  let manager
  const { body } = render(SeededApp, { props: { state: loaded, ready: (m) => (manager = m) } })
  const listeners = manager.keys.map((key) => manager.getStore(key).getListenerCount())
  console.log(JSON.stringify({ body, snapshot: manager.snapshot(), listeners }))
`

describe('state transfer: server render, snapshot, client hydration', () => {
  it('hydrates a client render from the server snapshot, without a mismatch, and stays interactive', async () => {
    const rendered = await runOnServer<ServerRender>(server)
    const warn = vi.spyOn(console, 'warn')
    const target = document.createElement('div')
    target.innerHTML = rendered.body
    document.body.append(target)
    const managers: SettingsManager[] = []
    // The snapshot travels as JSON, like SvelteKit page data.
    const state = JSON.parse(JSON.stringify(rendered.snapshot))
    const app = hydrate(SeededApp, { target, props: { state, ready: (manager: SettingsManager) => managers.push(manager) } })
    flushSync()
    const texts = [screen.getByTestId('seeded').textContent]
    await fireEvent.click(screen.getByText('dark seeded'))
    texts.push(screen.getByTestId('seeded').textContent)
    expect(rendered.body).toContain('sepia/Grace')
    expect([rendered.snapshot, rendered.listeners]).toEqual([{ theme: 'sepia', user: { name: 'Grace', role: 'dev' } }, [0, 0]])
    expect([texts, managers[0].snapshot(), warn.mock.calls]).toEqual([['sepia/Grace', 'dark/Grace'], { theme: 'dark', user: { name: 'Grace', role: 'dev' } }, []])
    unmount(app)
    warn.mockRestore()
    target.remove()
  })
})
