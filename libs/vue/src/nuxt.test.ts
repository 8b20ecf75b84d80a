// The Nuxt entry driven the way Nuxt drives a plugin: a server app per request rendered with vue/server-renderer, the
// `app:rendered` hook called after the render, the payload serialized into the page, and a browser app hydrating the
// server's HTML with the payload read back (shallowReactive, as Nuxt keeps it).
import { createStoreManager } from '@context-action/core'
import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { createSSRApp, defineComponent, h, isProxy, reactive, shallowReactive, type Component } from 'vue'
import { renderToString } from 'vue/server-renderer'
import { Session, fakeApi } from './__tests__/Session'
import UserCard from './__tests__/UserCard.vue'
import { createActionContext } from './create-action-context'
import { createStoreContext } from './create-store-context'
import { installStoreContext, PAYLOAD_KEY, transferState, type NuxtAppLike } from './nuxt'
import { useStoreValue } from './use-store-value'

interface FakeNuxtApp extends NuxtAppLike {
  hooks: string[]
}

/** A server-side Nuxt app for one request: `render()` renders, runs the `app:rendered` hooks, and serializes the payload. */
function serverApp(root: Component, props?: Record<string, unknown>) {
  const callbacks: Array<() => void> = []
  const nuxtApp: FakeNuxtApp = {
    vueApp: createSSRApp(root, props),
    payload: shallowReactive<Record<string, unknown>>({ data: {}, state: {} }),
    ssrContext: { url: '/' },
    hooks: [],
    hook(name, callback) {
      nuxtApp.hooks.push(name)
      callbacks.push(callback)
    },
  }
  const render = async () => {
    const html = await renderToString(nuxtApp.vueApp)
    callbacks.forEach((callback) => callback())
    // Nuxt serializes with devalue; JSON is enough for these values and proves they are plain data.
    return { html, payload: JSON.parse(JSON.stringify(nuxtApp.payload)) as Record<string, unknown> }
  }
  return { nuxtApp, render }
}

/** The browser's Nuxt app: the payload read back from the page, no ssrContext. */
function browserApp(root: Component, payload: Record<string, unknown>, props?: Record<string, unknown>): FakeNuxtApp {
  const nuxtApp: FakeNuxtApp = {
    vueApp: createSSRApp(root, props),
    payload: shallowReactive(payload),
    hooks: [],
    hook(name) {
      nuxtApp.hooks.push(name)
    },
  }
  return nuxtApp
}

/** Mount (hydrate) over the server's HTML; returns the container and Vue's warnings (hydration mismatches among them). */
function hydrate(nuxtApp: NuxtAppLike, html: string) {
  const container = document.createElement('div')
  container.innerHTML = html
  const warnings: string[] = []
  nuxtApp.vueApp.config.warnHandler = (message) => warnings.push(message)
  const error = vi.spyOn(console, 'error').mockImplementation(() => {})
  nuxtApp.vueApp.mount(container)
  const errors = error.mock.calls.map((call) => String(call[0]))
  error.mockRestore()
  return { container, warnings: [...warnings, ...errors] }
}

describe('installStoreContext: per-request stores, server snapshot in the payload, browser hydration', () => {
  it('the server puts what the render loaded into the payload; the browser hydrates from it before rendering: same HTML, no mismatch, no second load', async () => {
    const server = serverApp(UserCard, { api: fakeApi('Ada') })
    const serverManager = installStoreContext(server.nuxtApp, Session)
    const { html, payload } = await server.render()
    expect({ html, payload, hooks: server.nuxtApp.hooks }).toEqual({
      html: '<p>user Ada</p>',
      payload: { data: {}, state: {}, [PAYLOAD_KEY]: { Session: { user: 'Ada', visits: 0 } } },
      hooks: ['app:rendered'],
    })
    expect(serverManager.getStore('user').getListenerCount()).toBe(0)

    const api = fakeApi('Someone else')
    const browser = browserApp(UserCard, payload, { api })
    const manager = installStoreContext(browser, Session)
    // Hydrated at install, before anything renders.
    expect(manager.snapshot()).toEqual({ user: 'Ada', visits: 0 })
    const { container, warnings } = hydrate(browser, html)
    await flushPromises()
    expect({ text: container.textContent, loads: api.calls, warnings, hooks: browser.hooks }).toEqual({ text: 'user Ada', loads: 0, warnings: [], hooks: [] })

    // The hydrated stores are live: a write re-renders.
    manager.getStore('user').setValue('Grace')
    await flushPromises()
    expect(container.textContent).toBe('user Grace')
    browser.vueApp.unmount()
  })

  it('each request gets its own stores: two renders at once, with different data, keep their own HTML and payload', async () => {
    const slow = { calls: 0, load: () => new Promise<string>((resolve) => setTimeout(() => resolve('Ada'), 20)) }
    const fast = fakeApi('Grace')
    const first = serverApp(UserCard, { api: slow })
    const second = serverApp(UserCard, { api: fast })
    const managers = [installStoreContext(first.nuxtApp, Session), installStoreContext(second.nuxtApp, Session)]
    const [a, b] = await Promise.all([first.render(), second.render()])
    expect([a.html, a.payload[PAYLOAD_KEY], b.html, b.payload[PAYLOAD_KEY]]).toEqual([
      '<p>user Ada</p>',
      { Session: { user: 'Ada', visits: 0 } },
      '<p>user Grace</p>',
      { Session: { user: 'Grace', visits: 0 } },
    ])
    expect(managers[0]).not.toBe(managers[1])

    // A third request starts from the definitions: nothing the others loaded survives them.
    const third = serverApp(defineComponent({ setup: () => () => h('p', String(Session.useStore('user').getValue())) }))
    installStoreContext(third.nuxtApp, Session)
    expect((await third.render()).html).toBe('<p>null</p>')
  })

  it('takes the payload key from options.key, so two contexts of one name can both be transferred', async () => {
    const Other = createStoreContext('Session', { theme: { initialValue: 'light' } })
    const Both = defineComponent({
      setup() {
        const user = useStoreValue(Session.useStore('user'))
        return () => h('p', `${user.value}`)
      },
    })
    const server = serverApp(Both)
    installStoreContext(server.nuxtApp, Session).getStore('user').setValue('Ada')
    expect(() => installStoreContext(server.nuxtApp, Other)).toThrow('installStoreContext: "Session" is already transferred on this Nuxt app; give each store context its own key')
    const server2 = serverApp(Both)
    installStoreContext(server2.nuxtApp, Session)
    installStoreContext(server2.nuxtApp, Other, { key: 'theme' }).getStore('theme').setValue('dark')
    expect((await server2.render()).payload[PAYLOAD_KEY]).toEqual({ Session: { user: null, visits: 0 }, theme: { theme: 'dark' } })
  })

  it('a context installed twice on one app is refused by the context, naming install', () => {
    const server = serverApp(UserCard, { api: fakeApi('Ada') })
    server.nuxtApp.vueApp.use(Session)
    expect(() => installStoreContext(server.nuxtApp, Session)).toThrow('Session.install: already installed on this app')
  })
})

describe('transferState: any snapshot/hydrate pair', () => {
  it('carries a store manager made outside any component, snapshotting at the end of the render', async () => {
    const Shop = () => createStoreManager('Shop', { cart: { initialValue: [] as string[] }, coupon: { initialValue: '' } })
    const serverShop = Shop()
    const server = serverApp(defineComponent({ setup: () => () => h('p', 'shop') }))
    expect(transferState(server.nuxtApp, 'shop', serverShop)).toBe(false)
    // Written after the transfer was set up, before the render ended: still in the snapshot.
    serverShop.getStore('cart').setValue(['book'])
    const { payload } = await server.render()
    expect(payload[PAYLOAD_KEY]).toEqual({ shop: { cart: ['book'], coupon: '' } })

    const browserShop = Shop()
    const browser = browserApp(defineComponent({ setup: () => () => h('p', 'shop') }), payload)
    expect(transferState(browser, 'shop', browserShop)).toBe(true)
    expect(browserShop.snapshot()).toEqual({ cart: ['book'], coupon: '' })
  })

  it('hands the stores plain values even from a deeply reactive payload', () => {
    const manager = createStoreManager('Profile', { user: { initialValue: { name: '', tags: [] as string[] } } })
    const browser = browserApp(defineComponent({ setup: () => () => null }), {})
    browser.payload = reactive({ [PAYLOAD_KEY]: { profile: { user: { name: 'Ada', tags: ['math'] } } } })
    expect(transferState(browser, 'profile', manager)).toBe(true)
    const user = manager.getStore('user').getValue()
    expect([user, isProxy(user), isProxy(user.tags)]).toEqual([{ name: 'Ada', tags: ['math'] }, false, false])
  })

  it('in the browser without a snapshot (a page the server did not render) returns false and leaves the stores alone', () => {
    const manager = createStoreManager('Shop', { coupon: { initialValue: 'WELCOME' } })
    expect(transferState(browserApp(UserCard, { data: {} }), 'shop', manager)).toBe(false)
    expect(transferState(browserApp(UserCard, { [PAYLOAD_KEY]: { other: {} } }), 'shop', manager)).toBe(false)
    expect(manager.snapshot()).toEqual({ coupon: 'WELCOME' })
  })

  it('refuses a snapshot with an unknown key through the manager, naming hydrate', () => {
    const manager = createStoreManager('Shop', { coupon: { initialValue: '' } })
    const browser = browserApp(UserCard, { [PAYLOAD_KEY]: { shop: { colour: 'red' } } })
    expect(() => transferState(browser, 'shop', manager)).toThrow('Shop.hydrate: unknown store "colour" in the snapshot; known stores: coupon')
  })
})

describe('bad input is refused with an error naming the function', () => {
  const manager = () => createStoreManager('Shop', { coupon: { initialValue: '' } })
  const nuxt = () => browserApp(UserCard, {})
  it.each([
    ['transferState', 'no Nuxt app', () => transferState(undefined as never, 'shop', manager()), 'transferState: expected the Nuxt app (the argument of defineNuxtPlugin), got undefined'],
    ['transferState', 'the Vue app instead', () => transferState(createSSRApp(UserCard) as never, 'shop', manager()), 'transferState: expected the Nuxt app (the argument of defineNuxtPlugin), got an object'],
    ['transferState', 'a Nuxt app without its Vue app', () => transferState({ ...nuxt(), vueApp: undefined } as never, 'shop', manager()), 'transferState: expected the Nuxt app (the argument of defineNuxtPlugin), got an object'],
    ['transferState', 'a Nuxt app whose Vue app is null', () => transferState({ ...nuxt(), vueApp: null } as never, 'shop', manager()), 'transferState: expected the Nuxt app (the argument of defineNuxtPlugin), got an object'],
    ['transferState', 'a Nuxt app without its payload', () => transferState({ ...nuxt(), payload: undefined } as never, 'shop', manager()), 'transferState: expected the Nuxt app (the argument of defineNuxtPlugin), got an object'],
    ['transferState', 'a Nuxt app whose payload is null', () => transferState({ ...nuxt(), payload: null } as never, 'shop', manager()), 'transferState: expected the Nuxt app (the argument of defineNuxtPlugin), got an object'],
    ['transferState', 'a Nuxt app without hook()', () => transferState({ ...nuxt(), hook: undefined } as never, 'shop', manager()), 'transferState: expected the Nuxt app (the argument of defineNuxtPlugin), got an object'],
    ['transferState', 'an empty key', () => transferState(nuxt(), '', manager()), 'transferState: the key must be a non-empty string, got ""'],
    ['transferState', 'a numeric key', () => transferState(nuxt(), 3 as never, manager()), 'transferState: the key must be a non-empty string, got 3'],
    ['transferState', 'a store instead of a manager', () => transferState(nuxt(), 'shop', manager().getStore('coupon') as never), 'transferState: the state must have snapshot() and hydrate() (a StoreManager), got an object'],
    ['transferState', 'a snapshot in place of the manager', () => transferState(nuxt(), 'shop', { coupon: '' } as never), 'transferState: the state must have snapshot() and hydrate() (a StoreManager), got an object'],
    ['transferState', 'state = null', () => transferState(nuxt(), 'shop', null as never), 'transferState: the state must have snapshot() and hydrate() (a StoreManager), got null'],
    ['transferState', 'a state with snapshot() but no hydrate()', () => transferState(nuxt(), 'shop', { snapshot: () => ({}) } as never), 'transferState: the state must have snapshot() and hydrate() (a StoreManager), got an object'],
    ['transferState', 'a state with hydrate() but no snapshot()', () => transferState(nuxt(), 'shop', { hydrate: () => {} } as never), 'transferState: the state must have snapshot() and hydrate() (a StoreManager), got an object'],
    ['transferState', 'a payload bucket that is null', () => transferState(browserApp(UserCard, { [PAYLOAD_KEY]: null }), 'shop', manager()), 'transferState: nuxtApp.payload.contextAction must be an object of snapshots, got null'],
    ['transferState', 'a payload bucket that is an array', () => transferState(browserApp(UserCard, { [PAYLOAD_KEY]: [] }), 'shop', manager()), 'transferState: nuxtApp.payload.contextAction must be an object of snapshots, got an array (length 0)'],
    ['transferState', 'a payload bucket that is not an object', () => transferState(browserApp(UserCard, { [PAYLOAD_KEY]: 'x' }), 'shop', manager()), 'transferState: nuxtApp.payload.contextAction must be an object of snapshots, got "x"'],
    ['installStoreContext', 'no Nuxt app', () => installStoreContext(null as never, Session), 'installStoreContext: expected the Nuxt app (the argument of defineNuxtPlugin), got null'],
    ['installStoreContext', 'a manager instead of a context', () => installStoreContext(nuxt(), manager() as never), 'installStoreContext: expected a store context from createStoreContext, got an object'],
    ['installStoreContext', 'the definitions instead of a context', () => installStoreContext(nuxt(), { user: { initialValue: null } } as never), 'installStoreContext: expected a store context from createStoreContext, got an object'],
    ['installStoreContext', 'context = null', () => installStoreContext(nuxt(), null as never), 'installStoreContext: expected a store context from createStoreContext, got null'],
    ['installStoreContext', 'an action context', () => installStoreContext(nuxt(), createActionContext('Cart') as never), 'installStoreContext: expected a store context from createStoreContext, got an object'],
    ['installStoreContext', 'a context without install()', () => installStoreContext(nuxt(), { ...Session, install: undefined } as never), 'installStoreContext: expected a store context from createStoreContext, got an object'],
    ['installStoreContext', 'a context whose name is not a string', () => installStoreContext(nuxt(), { ...Session, name: 5 } as never), 'installStoreContext: expected a store context from createStoreContext, got an object'],
    ['installStoreContext', 'an empty key', () => installStoreContext(nuxt(), Session, { key: '' }), 'installStoreContext: the key must be a non-empty string, got ""'],
  ])('%s refuses %s', (_fn, _input, call, message) => {
    expect(call).toThrow(new TypeError(message))
  })

  it('checks everything before changing anything: a refused install leaves the app without the context', () => {
    const nuxtApp = nuxt()
    expect(() => installStoreContext(nuxtApp, Session, { key: '' })).toThrow(TypeError)
    expect(() => installStoreContext(nuxtApp, Session)).not.toThrow()
  })
})
