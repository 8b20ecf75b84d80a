import { createStore } from '@context-action/core'
import { describe, expect, it, vi } from 'vitest'
import { createSSRApp, defineComponent, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { useStoreValue } from '../use-store-value'
import AsyncSetup from './AsyncSetup.vue'
import { Session, fakeApi } from './Session'
import UserCard from './UserCard.vue'

describe('server rendering with data loaded during the render', () => {
  it('writes made in onServerPrefetch reach the HTML, and leave no listener behind', async () => {
    const app = createSSRApp(UserCard, { api: fakeApi('Ada') })
    app.use(Session)
    const html = await renderToString(app)
    const manager = app.runWithContext(() => Session.useStoreManager())
    expect({ html, state: manager.snapshot(), listeners: manager.getStore('user').getListenerCount() }).toEqual({
      html: '<p>user Ada</p>',
      state: { user: 'Ada', visits: 0 },
      listeners: 0,
    })
  })

  it('writes made after an await in an async setup() reach refs created before and after it', async () => {
    const store = createStore('draft')
    const html = await renderToString(createSSRApp(AsyncSetup, { store, load: async () => 'loaded' }))
    expect([html, store.getListenerCount()]).toEqual(['<p>loaded LOADED</p>', 0])
  })
})

describe('state transfer: server snapshot → client hydrate', () => {
  it('the client app, given the server state, shows the server data at hydration without loading again', async () => {
    const server = createSSRApp(UserCard, { api: fakeApi('Ada') })
    server.use(Session)
    const html = await renderToString(server)
    // What the page would embed as JSON.
    const state = JSON.parse(JSON.stringify(server.runWithContext(() => Session.useStoreManager().snapshot())))

    const container = document.createElement('div')
    container.innerHTML = html
    const api = fakeApi('Someone else')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const client = createSSRApp(UserCard, { api })
    client.use(Session, { state })
    client.config.warnHandler = (message) => warn(message)
    client.mount(container)
    const mismatches = warn.mock.calls.length
    warn.mockRestore()
    expect({ text: container.textContent, calls: api.calls, mismatches }).toEqual({ text: 'user Ada', calls: 0, mismatches: 0 })
    client.unmount()
  })

  it('the Provider state prop and provide(state) hydrate their own stores before the children render', async () => {
    const Show = defineComponent({
      setup() {
        const user = useStoreValue(Session.useStore('user'))
        const visits = useStoreValue(Session.useStore('visits'))
        return () => h('p', `${user.value} ${visits.value}`)
      },
    })
    const viaProp = createSSRApp({ render: () => h(Session.Provider, { state: { user: 'Grace' } }, () => h(Show)) })
    const viaProvide = createSSRApp({
      setup() {
        Session.provide({ user: 'Linus', visits: 2 })
        return () => h(Show)
      },
    })
    expect([await renderToString(viaProp), await renderToString(viaProvide)]).toEqual(['<!--[--><p>Grace 0</p><!--]-->', '<p>Linus 2</p>'])
  })
})
