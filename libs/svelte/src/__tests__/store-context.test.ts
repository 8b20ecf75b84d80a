import { fireEvent, render, screen } from '@testing-library/svelte'
import { flushSync } from 'svelte'
import { describe, expect, it } from 'vitest'
import { createStoreManager } from '@context-action/core'
import { createStoreContext } from '../index'
import { Settings, type SettingsManager } from './settings'
import SettingsView from './SettingsView.svelte'
import TwoSettings from './TwoSettings.svelte'
import ProvideSeeded from './ProvideSeeded.svelte'
import SeededApp from './SeededApp.svelte'
import SharedStores from './SharedStores.svelte'
import ProvideShared from './ProvideShared.svelte'

const texts = () => ['a', 'nested', 'b'].map((id) => screen.getByTestId(id).textContent)

describe('createStoreContext', () => {
  it('gives every Provider (and provide()) its own store instances; nested providers shadow outer ones', async () => {
    const managers: SettingsManager[] = []
    render(TwoSettings, { ready: (manager: SettingsManager) => managers.push(manager) })
    await fireEvent.click(screen.getByText('dark nested'))
    managers[2].getStore('user').update((u) => ({ ...u, name: 'Grace' }))
    flushSync()
    expect(texts()).toEqual(['light/Ada', 'dark/Ada', 'light/Grace'])
    expect(new Set(managers.map((m) => m.getStore('theme'))).size).toBe(3)
  })

  it('reset and resetAll write the initial values into the same instances, in one batch', () => {
    const managers: SettingsManager[] = []
    render(TwoSettings, { ready: (manager: SettingsManager) => managers.push(manager) })
    const manager = managers[0]
    const [theme, user] = [manager.getStore('theme'), manager.getStore('user')]
    const seen: string[] = []
    theme.listen((value) => seen.push(`theme ${value} / user ${user.getValue().name}`))
    user.listen((value) => seen.push(`user ${value.name} / theme ${theme.getValue()}`))
    theme.setValue('dark')
    user.setValue({ name: 'Grace', role: 'dev' })
    manager.reset('theme')
    theme.setValue('dark')
    manager.resetAll()
    flushSync()
    expect(seen).toEqual([
      'theme dark / user Ada',
      'user Grace / theme dark',
      'theme light / user Grace',
      'theme dark / user Grace',
      'theme light / user Ada',
      'user Ada / theme light',
    ])
    expect([manager.getStore('theme') === theme, manager.getStore('user') === user, manager.keys]).toEqual([true, true, ['theme', 'user']])
    expect(texts()).toEqual(['light/Ada', 'light/Ada', 'light/Ada'])
  })

  it('throws a clear error outside a provider, for unknown stores and for bad definitions', () => {
    expect(() => render(SettingsView, { id: 'x', ready: () => {} })).toThrow(
      'Settings.useStore: no Settings provider above this component; render <Provider context={Settings}> or call Settings.provide() in a parent (a root made with mount() takes context: getAllContexts() from a component under one)',
    )
    const managers: SettingsManager[] = []
    render(TwoSettings, { ready: (manager: SettingsManager) => managers.push(manager) })
    expect(() => managers[0].getStore('missing' as 'theme')).toThrow('Settings.getStore: unknown store "missing"; known stores: theme, user')
    expect(() => createStoreContext('Bad', { user: 'Ada' } as never)).toThrow(
      'createStoreContext: definition "user" must be an object with an initialValue, e.g. { user: { initialValue: … } }',
    )
    expect(() => createStoreContext('Bad', null as never)).toThrow('createStoreContext: definitions must be an object')
  })

  it('writes the Provider state prop and provide(state) into the stores before the children render', () => {
    const managers: SettingsManager[] = []
    const ready = (manager: SettingsManager) => managers.push(manager)
    render(SeededApp, { state: { theme: 'dark' }, ready })
    render(ProvideSeeded, { state: { theme: 'sepia' }, ready })
    render(SeededApp, { ready })
    expect(['seeded', 'provided'].map((id) => screen.getAllByTestId(id)[0].textContent)).toEqual(['dark/Ada', 'sepia/Ada'])
    expect(managers.map((manager) => manager.snapshot())).toEqual([
      { theme: 'dark', user: { name: 'Ada', role: 'admin' } },
      { theme: 'sepia', user: { name: 'Ada', role: 'admin' } },
      { theme: 'light', user: { name: 'Ada', role: 'admin' } },
    ])
  })

  it('shares a manager given to the stores prop or to provide() between roots, as it is, and unmounting leaves it unheard', async () => {
    const stores = Settings.createStores({ theme: 'sepia' })
    const seen: SettingsManager[] = []
    const ready = (manager: SettingsManager) => seen.push(manager)
    // Two roots, as two mount() calls or two custom elements make.
    const first = render(SharedStores, { stores, ready })
    const second = render(ProvideShared, { stores, ready })
    expect(seen).toEqual([stores, stores])
    const shown = () => ['shared-prop', 'shared-provide'].map((id) => screen.getByTestId(id).textContent)
    expect(shown()).toEqual(['sepia/Ada', 'sepia/Ada'])
    await fireEvent.click(screen.getByText('dark shared-provide'))
    expect(shown()).toEqual(['dark/Ada', 'dark/Ada'])
    expect(stores.getStore('theme').getListenerCount()).toBe(2)
    first.unmount()
    second.unmount()
    expect(stores.getStore('theme').getListenerCount()).toBe(0)
    expect(stores.snapshot().theme).toBe('dark')
  })

  it("provides a manager of the core's createStoreManager too (a domain's stores), without writing into it", () => {
    const domain = createStoreManager('Settings', { theme: { initialValue: 'night' }, user: { initialValue: { name: 'Lin', role: 'user' } } })
    render(SharedStores, { stores: domain, ready: () => {} })
    expect(screen.getByTestId('shared-prop').textContent).toBe('night/Lin')
  })

  it('refuses an unknown key or a non-object state with an error naming hydrate, rendering nothing', () => {
    const ready = () => {}
    expect(() => render(SeededApp, { state: { colour: 'red' } as never, ready })).toThrow('Settings.hydrate: unknown store "colour" in the snapshot; known stores: theme, user')
    expect(() => render(SeededApp, { state: 5 as never, ready })).toThrow('Settings.hydrate: snapshot must be an object')
    expect(screen.queryByTestId('seeded')).toBeNull()
  })
})

describe('Provider props of the wrong kind (development builds)', () => {
  it('names Provider and what it expected, instead of failing inside it', async () => {
    const { default: Provider } = await import('../Provider.svelte')
    const { ActionRegister } = await import('@context-action/core')
    const { createActionContext } = await import('../index')
    const Actions = createActionContext('Actions')
    const failure = (props: Record<string, unknown>) => {
      try {
        render(Provider, { props: props as never })
        return 'rendered'
      } catch (error) {
        // Svelte's development build appends the component stack to the message.
        return String(error).split('\n')[0]
      }
    }
    expect([
      failure({ context: undefined }),
      failure({ context: TwoSettings }),
      failure({ context: Settings, register: new ActionRegister() }),
      failure({ context: Actions, state: { theme: 'dark' } }),
      failure({ context: Settings, state: { theme: 'dark' } }),
      failure({ context: Actions }),
    ]).toEqual([
      'TypeError: Provider: expected context={…} to be a context from createActionContext or createStoreContext, got undefined',
      'TypeError: Provider: expected context={…} to be a context from createActionContext or createStoreContext, got a function (TwoSettings)',
      'TypeError: Provider: expected state or stores, not register, for a store context, got an ActionRegister',
      'TypeError: Provider: expected register, not state or stores, for an action context, got an object',
      'rendered',
      'rendered',
    ])
  })
})
