import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ActionRegister, type ActionHandler, type DispatchOptions, type Store } from '@context-action/core'
import { createApp, defineComponent, h, nextTick, shallowRef } from 'vue'
import { AppActions, type TestActions } from './__tests__/actions'
import { AppStores } from './__tests__/stores'
import { createStoreContext } from './create-store-context'
import { contextHooks } from './context'
import { ContextActionDevtools, DEVTOOLS_INSPECTOR, DEVTOOLS_LAYER } from './devtools'

// A stub of @vue/devtools-api: records what the plugin sends and keeps the handlers it registers, for all apps in
// `calls` / `handlers` (the last app's handlers) and per app in `hosts`.
interface Host {
  app: unknown
  calls: Array<[string, unknown]>
  handlers: Record<string, (payload: any) => void>
}
const hosts: Host[] = []
const calls: Array<[string, unknown]> = []
let handlers: Record<string, (payload: any) => void> = {}
const stubApi = (host: Host) => {
  const record = (call: string) => (payload: unknown) => {
    calls.push([call, payload])
    host.calls.push([call, payload])
  }
  return {
    now: () => 1000,
    addTimelineLayer: record('addTimelineLayer'),
    addInspector: record('addInspector'),
    addTimelineEvent: record('addTimelineEvent'),
    sendInspectorTree: record('sendInspectorTree'),
    sendInspectorState: record('sendInspectorState'),
    on: new Proxy({}, { get: (_, hook: string) => (handler: (payload: any) => void) => void (host.handlers[hook] = handler) }),
  }
}
const descriptors: unknown[] = []
vi.mock('@vue/devtools-api', () => ({
  setupDevtoolsPlugin: (descriptor: { app: unknown }, setup: (api: unknown) => void) => {
    descriptors.push({ ...descriptor, app: descriptor.app !== undefined })
    const host: Host = { app: descriptor.app, calls: [], handlers: {} }
    hosts.push(host)
    handlers = host.handlers
    setup(stubApi(host))
  },
}))

const of = (name: string) => calls.filter(([call]) => call === name).map(([, payload]) => payload)
const tree = (on = handlers) => {
  const payload = { inspectorId: DEVTOOLS_INSPECTOR, filter: '', rootNodes: [] as Array<{ id: string }> }
  on.getInspectorTree(payload)
  return payload.rootNodes.map((node) => node.id)
}
const state = (nodeId: string) => {
  const payload = { inspectorId: DEVTOOLS_INSPECTOR, nodeId, state: undefined as unknown }
  handlers.getInspectorState(payload)
  return payload.state
}

const App = defineComponent({
  props: { section: Boolean },
  setup(props) {
    AppActions.useActionHandler('save', (payload, controller) => {
      if (payload.id < 0) controller.abort('negative id')
    }, { id: 'saver' })
    const dispatch = AppActions.useActionDispatch()
    return () => [h('button', { onClick: () => dispatch('save', { id: 1 }) }), props.section ? h(AppStores.Provider, { state: { count: 9 } }) : null]
  },
})

/** `App` under the devtools plugin and both app-wide contexts, with its action register. */
const mountApp = () => {
  const wrapper = mount(App, { global: { plugins: [ContextActionDevtools, AppActions, AppStores] } })
  return { wrapper, register: wrapper.vm.$.appContext.app.runWithContext(() => AppActions.useActionRegister()) }
}


describe('ContextActionDevtools', () => {
  beforeEach(() => {
    calls.length = 0
    descriptors.length = 0
    hosts.length = 0
  })

  it('registers a timeline layer and an inspector for the app', () => {
    const wrapper = mount(App, { global: { plugins: [ContextActionDevtools, AppActions, [AppStores, { state: { count: 2 } }]] } })
    expect({ ids: [DEVTOOLS_LAYER, DEVTOOLS_INSPECTOR], descriptors, layers: of('addTimelineLayer'), inspectors: of('addInspector') }).toEqual({
      ids: ['context-action:dispatches', 'context-action:contexts'],
      descriptors: [{ id: 'context-action', label: 'Context-Action', packageName: '@context-action/vue', homepage: 'https://github.com/context-action/context-action-vue-svelte/blob/main/docs/vue.md#devtools', app: true, enableEarlyProxy: true }],
      layers: [{ id: DEVTOOLS_LAYER, label: 'Context-Action dispatches', color: 0x42b883 }],
      inspectors: [{ id: DEVTOOLS_INSPECTOR, label: 'Context-Action', icon: 'storage', treeFilterPlaceholder: 'Search contexts' }],
    })
    wrapper.unmount()
  })

  it('puts every dispatch on the timeline: payload, each handler outcome, abort reason, duration', async () => {
    const wrapper = mount(App, { global: { plugins: [ContextActionDevtools, AppActions, AppStores] } })
    await wrapper.find('button').trigger('click')
    const register = wrapper.vm.$.appContext.app.runWithContext(() => AppActions.useActionRegister())
    await register.dispatch('save', { id: -1 })
    const events = of('addTimelineEvent') as Array<{ layerId: string; event: { groupId: number } }>
    expect(events).toEqual([
      { layerId: DEVTOOLS_LAYER, event: { time: 1000, title: 'save', subtitle: 'start', groupId: events[0].event.groupId, logType: 'default', data: { context: 'AppActions#1', action: 'save', payload: { id: 1 } } } },
      {
        layerId: DEVTOOLS_LAYER,
        event: {
          time: 1000,
          title: 'save',
          subtitle: 'completed',
          groupId: events[0].event.groupId,
          logType: 'default',
          data: { context: 'AppActions#1', action: 'save', payload: { id: 1 }, outcome: 'completed', durationMs: expect.any(Number), handlers: [{ id: 'saver', outcome: 'completed', durationMs: expect.any(Number) }] },
        },
      },
      { layerId: DEVTOOLS_LAYER, event: { time: 1000, title: 'save', subtitle: 'start', groupId: events[2].event.groupId, logType: 'default', data: { context: 'AppActions#1', action: 'save', payload: { id: -1 } } } },
      {
        layerId: DEVTOOLS_LAYER,
        event: {
          time: 1000,
          title: 'save',
          subtitle: 'aborted: negative id',
          groupId: events[2].event.groupId,
          logType: 'warning',
          data: { context: 'AppActions#1', action: 'save', payload: { id: -1 }, outcome: 'aborted', abortReason: 'negative id', abortedBy: 'saver', durationMs: expect.any(Number), handlers: [{ id: 'saver', outcome: 'completed', durationMs: expect.any(Number) }] },
        },
      },
    ])
    expect(events[0].event.groupId).not.toBe(events[2].event.groupId)
    // No field listed as `undefined`, and durations to two decimals (Vue devtools shows the raw number).
    const ends = [events[1], events[3]].map(({ event }) => (event as unknown as { data: Record<string, unknown> }).data)
    expect(ends.map((data) => Object.keys(data).filter((key) => data[key] === undefined))).toEqual([[], []])
    const durations = ends.flatMap((data) => [data.durationMs, ...(data.handlers as Array<{ durationMs: number }>).map((h) => h.durationMs)]) as number[]
    expect(durations.filter((d) => Math.abs(d * 100 - Math.round(d * 100)) > 1e-9)).toEqual([])
    wrapper.unmount()
  })

  it('rounds durations to two decimals of a millisecond', async () => {
    const now = vi.spyOn(performance, 'now')
    let clock = 0
    now.mockImplementation(() => (clock += 1.23456))
    const { wrapper, register } = mountApp()
    await register.dispatch('save', { id: 1 })
    now.mockRestore()
    const end = (of('addTimelineEvent') as Array<{ event: { subtitle: string; data: { durationMs: number; handlers: Array<{ durationMs: number }> } } }>).find(({ event }) => event.subtitle === 'completed')!
    const all = [end.event.data.durationMs, ...end.event.data.handlers.map((h) => h.durationMs)]
    // The fake clock moves 1.23456 ms a read: a dispatch takes a few reads, never 100 ms.
    expect(all.every((d) => d > 0 && d < 100 && Math.abs(d * 100 - Math.round(d * 100)) < 1e-9)).toBe(true)
    wrapper.unmount()
  })

  it('follows contexts installed app-wide before the plugin, and ignores what other libraries provide under a like name', async () => {
    const app = createApp(App)
    app.provide(Symbol('Other.stores'), { getStore: 'not a function' })
    app.provide(Symbol('Another.stores'), null)
    app.provide(Symbol('Other.actions'), null)
    app.provide(Symbol('Other.storesOfMine'), { getStore() {} })
    app.provide(Symbol('unrelated'), { observe() {} })
    app.provide(Symbol(), { observe() {} })
    app.use(AppActions).use(AppStores, { state: { count: 4 } }).use(ContextActionDevtools)
    app.mount(document.createElement('div'))
    expect(tree()).toEqual(['AppActions#1', 'AppStores#2'])
    expect((state('AppStores#2') as { stores: Array<{ key: string; value: unknown }> }).stores.find((store) => store.key === 'count')?.value).toBe(4)
    await app.runWithContext(() => AppActions.useActionRegister()).dispatch('save', { id: 1 })
    expect((of('addTimelineEvent') as Array<{ event: { subtitle: string } }>).map(({ event }) => event.subtitle)).toEqual(['start', 'completed'])
    app.unmount()
  })

  it('inspects each context: live store values, editable in place without mutating, and actions read-only', async () => {
    const section = shallowRef(false)
    const wrapper = mount(() => h(App, { section: section.value }), { global: { plugins: [ContextActionDevtools, AppActions, [AppStores, { state: { count: 2 } }]] } })
    const before = tree()
    section.value = true
    await nextTick()
    const withSection = tree()
    const manager = wrapper.vm.$.appContext.app.runWithContext(() => AppStores.useStoreManager())
    const profile = manager.getStore('profile').getValue()
    calls.length = 0
    handlers.editInspectorState({ inspectorId: DEVTOOLS_INSPECTOR, nodeId: 'AppStores#2', path: ['profile', 'name'], type: 'profile', state: { value: 'Grace' }, set: () => {} })
    handlers.editInspectorState({ inspectorId: DEVTOOLS_INSPECTOR, nodeId: 'AppActions#1', path: ['save'], type: 'save', state: { value: 1 }, set: () => {} })
    expect({
      before,
      withSection,
      stores: state('AppStores#2'),
      section: state('AppStores#3'),
      actions: state('AppActions#1'),
      untouched: profile,
      resent: of('sendInspectorState'),
    }).toEqual({
      before: ['AppActions#1', 'AppStores#2'],
      withSection: ['AppActions#1', 'AppStores#2', 'AppStores#3'],
      stores: { stores: [{ key: 'count', value: 2, editable: true }, { key: 'profile', value: { name: 'Grace', initialValue: 1 }, editable: true }] },
      section: { stores: [{ key: 'count', value: 9, editable: true }, { key: 'profile', value: { name: 'Ada', initialValue: 1 }, editable: true }] },
      actions: { actions: [{ key: 'save', value: { handlers: 1, status: { running: 0, pending: false, lastError: undefined, lastAbortReason: undefined } }, editable: false }] },
      untouched: { name: 'Ada', initialValue: 1 },
      resent: [DEVTOOLS_INSPECTOR],
    })
    section.value = false
    await nextTick()
    expect(tree()).toEqual(['AppActions#1', 'AppStores#2'])
    wrapper.unmount()
  })

  it('does nothing in a production build or on the server (no window)', () => {
    const env = process.env.NODE_ENV
    process.env.NODE_ENV = 'production'
    try {
      createApp({ render: () => null }).use(ContextActionDevtools)
    } finally {
      process.env.NODE_ENV = env
    }
    vi.stubGlobal('window', undefined)
    try {
      createApp({ render: () => null }).use(ContextActionDevtools)
    } finally {
      vi.unstubAllGlobals()
    }
    expect(descriptors).toEqual([])
  })

  it('follows contexts installed app-wide without a Vue warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const wrapper = mount(App, { global: { plugins: [ContextActionDevtools, AppActions, AppStores] } })
    const warnings = warn.mock.calls.map((call) => String(call[0]))
    warn.mockRestore()
    expect({ tree: tree(), warnings }).toEqual({ tree: ['AppActions#1', 'AppStores#2'], warnings: [] })
    wrapper.unmount()
  })

  it('stops following the stores of a provider that unmounted, and the contexts of apps mounted after its own app unmounted', async () => {
    const shown = shallowRef(true)
    let count: Store<number> | undefined
    const Child = defineComponent({
      setup() {
        count = AppStores.useStore('count')
        return () => null
      },
    })
    const wrapper = mount(() => (shown.value ? h(AppStores.Provider, null, { default: () => [h(Child)] }) : null), { global: { plugins: [ContextActionDevtools] } })
    shown.value = false
    await nextTick()
    calls.length = 0
    count!.setValue(5)
    const afterProvider = [...calls]
    wrapper.unmount()
    const later = mount(App, { global: { plugins: [AppActions, AppStores] } })
    await later.find('button').trigger('click')
    const afterApp = [...calls]
    later.unmount()
    expect({ afterProvider, afterApp }).toEqual({ afterProvider: [], afterApp: [] })
  })

  it('answers only its own inspector, filters the tree by name ignoring case, tags each context with its kind, and ignores unknown nodes', () => {
    const wrapper = mount(App, { global: { plugins: [ContextActionDevtools, AppActions, [AppStores, { state: { count: 2 } }]] } })
    const other = { inspectorId: 'other', filter: '', rootNodes: ['untouched'] }
    handlers.getInspectorTree(other)
    const otherState = { inspectorId: 'other', nodeId: 'AppStores#2', state: 'untouched' }
    handlers.getInspectorState(otherState)
    const unknownState = { inspectorId: DEVTOOLS_INSPECTOR, nodeId: 'Gone#9', state: 'untouched' }
    handlers.getInspectorState(unknownState)
    handlers.editInspectorState({ inspectorId: 'other', nodeId: 'AppStores#2', path: ['count'], type: 'count', state: { value: 5 }, set: () => {} })
    handlers.editInspectorState({ inspectorId: DEVTOOLS_INSPECTOR, nodeId: 'Gone#9', path: ['count'], type: 'count', state: { value: 6 }, set: () => {} })
    const filtered = { inspectorId: DEVTOOLS_INSPECTOR, filter: 'appSTORES', rootNodes: [] as unknown[] }
    handlers.getInspectorTree(filtered)
    const all = { inspectorId: DEVTOOLS_INSPECTOR, filter: '', rootNodes: [] as unknown[] }
    handlers.getInspectorTree(all)
    const manager = wrapper.vm.$.appContext.app.runWithContext(() => AppStores.useStoreManager())
    expect({ other: other.rootNodes, otherState: otherState.state, unknownState: unknownState.state, count: manager.getStore('count').getValue(), filtered: filtered.rootNodes, all: all.rootNodes }).toEqual({
      other: ['untouched'],
      otherState: 'untouched',
      unknownState: 'untouched',
      count: 2,
      filtered: [{ id: 'AppStores#2', label: 'AppStores#2', tags: [{ label: 'stores', textColor: 0xffffff, backgroundColor: 0x42b883 }] }],
      all: [
        { id: 'AppActions#1', label: 'AppActions#1', tags: [{ label: 'actions', textColor: 0xffffff, backgroundColor: 0x3b82f6 }] },
        { id: 'AppStores#2', label: 'AppStores#2', tags: [{ label: 'stores', textColor: 0xffffff, backgroundColor: 0x42b883 }] },
      ],
    })
    wrapper.unmount()
  })

  it('logs a failed dispatch as an error, with the message of its first error', async () => {
    const { wrapper, register } = mountApp()
    register.register('reset', () => {
      throw new Error('reset failed')
    })
    await register.dispatch('reset').catch(() => {})
    const ends = (of('addTimelineEvent') as Array<{ event: { subtitle: string; logType: string; data: { error?: string } } }>).map(({ event }) => [event.subtitle, event.logType, event.data.error])
    expect(ends).toEqual([['start', 'default', undefined], ['failed: reset failed', 'error', 'reset failed']])
    wrapper.unmount()
  })

  it('logs a dropped dispatch with the reason it was refused (throttle)', async () => {
    const { wrapper, register } = mountApp()
    register.register('reset', () => {})
    await register.dispatch('reset', undefined, { throttle: 1000 })
    await register.dispatch('reset', undefined, { throttle: 1000 })
    const ends = (of('addTimelineEvent') as Array<{ event: { subtitle: string; logType: string; data: { abortReason?: string } } }>)
      .map(({ event }) => [event.subtitle, event.logType, event.data.abortReason])
      .filter(([subtitle]) => subtitle !== 'start')
    expect(ends).toEqual([['completed', 'default', undefined], ['dropped: Throttled execution', 'warning', 'Throttled execution']])
    wrapper.unmount()
  })

  /**
   * An app-wide register with `handler` on `save`, a dispatch of it started, then the register handed to a `Provider` of
   * a second app that has the plugin: the plugin sees that dispatch only from there on.
   */
  const startedBeforePlugin = (handler: ActionHandler<TestActions['save']>, options?: DispatchOptions) => {
    let shared: ActionRegister<TestActions> | undefined
    const Outer = defineComponent({
      setup() {
        shared = AppActions.useActionRegister()
        return () => null
      },
    })
    const app = mount(Outer, { global: { plugins: [AppActions] } })
    shared!.register('save', handler)
    const running = shared!.dispatchWithResult('save', { id: 7 }, options)
    const wrapper = mount(() => h(AppActions.Provider, { register: shared }), { global: { plugins: [ContextActionDevtools] } })
    const unmount = () => {
      wrapper.unmount()
      app.unmount()
    }
    return { running, unmount }
  }

  it('a register handed to a provider while one of its dispatches runs: that dispatch ends on the timeline without a payload', async () => {
    const caller = new AbortController()
    const { running, unmount } = startedBeforePlugin((_payload, controller) => new Promise<void>((resolve) => controller.signal.addEventListener('abort', () => resolve())), { signal: caller.signal })
    caller.abort('stopped')
    await running
    const events = (of('addTimelineEvent') as Array<{ event: { subtitle: string; data: { payload?: unknown; abortReason?: string } } }>).map(({ event }) => [event.subtitle, event.data.payload, event.data.abortReason])
    expect(events).toEqual([['aborted', undefined, undefined]])
    unmount()
  })

  it('a dispatch that started before the plugin saw its register and then failed ends as failed, with no error to show', async () => {
    let fail = () => {}
    const { running, unmount } = startedBeforePlugin(() => new Promise<void>((_, reject) => (fail = () => reject(new Error('late')))))
    fail()
    await running
    const events = (of('addTimelineEvent') as Array<{ event: { subtitle: string; data: Record<string, unknown> } }>).map(({ event }) => [event.subtitle, 'error' in event.data])
    expect(events).toEqual([['failed', false]])
    unmount()
  })

  it('a dispatch from a handler that throws a non-Error shows the thrown value as its error', async () => {
    const wrapper = mount(App, { global: { plugins: [ContextActionDevtools, AppActions] } })
    const register = wrapper.vm.$.appContext.app.runWithContext(() => AppActions.useActionRegister())
    register.register('reset', () => {
      throw 'plain text'
    })
    register.register('reset', () => {
      throw new Error('second')
    }, { priority: -1, id: 'later' })
    await register.dispatch('reset', undefined, { executionMode: 'parallel' }).catch(() => {})
    const failed = (of('addTimelineEvent') as Array<{ event: { subtitle: string; data: { error?: string } } }>).find(({ event }) => event.subtitle.startsWith('failed'))
    expect(failed?.event.data.error).toBe('plain text')
    wrapper.unmount()
  })

  it('re-sends the inspector state when a dispatch starts and ends, so action status stays live', async () => {
    const wrapper = mount(App, { global: { plugins: [ContextActionDevtools, AppActions] } })
    let release = () => {}
    const register = wrapper.vm.$.appContext.app.runWithContext(() => AppActions.useActionRegister())
    register.register('reset', () => new Promise<void>((resolve) => (release = resolve)))
    calls.length = 0
    const running = register.dispatch('reset')
    const atStart = of('sendInspectorState')
    const status = (state('AppActions#1') as { actions: Array<{ key: string; value: { status: { running: number } } }> }).actions.find((action) => action.key === 'reset')
    release()
    await running
    expect({ atStart, running: status?.value.status.running, atEnd: of('sendInspectorState') }).toEqual({ atStart: [DEVTOOLS_INSPECTOR], running: 1, atEnd: [DEVTOOLS_INSPECTOR, DEVTOOLS_INSPECTOR] })
    wrapper.unmount()
  })

  it('removes and renames entries inside a store value as Vue devtools asks (state.remove, state.newKey), by copy', () => {
    const Lists = createStoreContext('Lists', { items: { initialValue: ['a', 'b', 'c'] }, user: { initialValue: { name: 'Ada', age: 36 } as Record<string, unknown> } })
    const wrapper = mount({ render: () => null }, { global: { plugins: [ContextActionDevtools, Lists] } })
    const manager = wrapper.vm.$.appContext.app.runWithContext(() => Lists.useStoreManager())
    const items = manager.getStore('items').getValue()
    const user = manager.getStore('user').getValue()
    const edit = (path: string[], state: object) => handlers.editInspectorState({ inspectorId: DEVTOOLS_INSPECTOR, nodeId: 'Lists#1', path, type: path[0], state, set: () => {} })
    edit(['items', '0'], { value: undefined, remove: true })
    edit(['user', 'age'], { value: undefined, remove: true })
    edit(['user', 'name'], { value: 'Ada L.', newKey: 'fullName' })
    // A store itself can be neither removed nor renamed: ignored.
    edit(['items'], { value: undefined, remove: true })
    edit(['user'], { value: { other: 1 }, newKey: 'person' })
    expect({ items: manager.getStore('items').getValue(), user: manager.getStore('user').getValue(), untouched: [items, user] }).toEqual({
      items: ['b', 'c'],
      user: { fullName: 'Ada L.' },
      untouched: [['a', 'b', 'c'], { name: 'Ada', age: 36 }],
    })
    wrapper.unmount()
  })

  it('edits a whole store value and a nested field, each by a new value (the old ones untouched)', () => {
    const Shapes = createStoreContext('Shapes', { items: { initialValue: ['a'] }, user: { initialValue: { address: { city: 'London', zip: 'N1' } } } })
    const wrapper = mount({ render: () => null }, { global: { plugins: [ContextActionDevtools, Shapes] } })
    const manager = wrapper.vm.$.appContext.app.runWithContext(() => Shapes.useStoreManager())
    const user = manager.getStore('user').getValue()
    const edit = (path: string[], state: object) => handlers.editInspectorState({ inspectorId: DEVTOOLS_INSPECTOR, nodeId: 'Shapes#1', path, type: path[0], state, set: () => {} })
    edit(['items'], { value: ['z', 'y'] })
    edit(['user', 'address', 'city'], { value: 'Paris' })
    expect({ items: manager.getStore('items').getValue(), user: manager.getStore('user').getValue(), old: user }).toEqual({
      items: ['z', 'y'],
      user: { address: { city: 'Paris', zip: 'N1' } },
      old: { address: { city: 'London', zip: 'N1' } },
    })
    wrapper.unmount()
  })

  it('answers a payload naming its own app, or none (older devtools), and ignores one naming another app', () => {
    const wrapper = mount(App, { global: { plugins: [ContextActionDevtools, AppActions] } })
    const answer = (app: unknown) => {
      const payload = { inspectorId: DEVTOOLS_INSPECTOR, filter: '', rootNodes: [] as Array<{ id: string }>, app }
      handlers.getInspectorTree(payload)
      return payload.rootNodes.map((node) => node.id)
    }
    expect([answer(wrapper.vm.$.appContext.app), answer(undefined), answer(createApp({}))]).toEqual([['AppActions#1'], ['AppActions#1'], []])
    wrapper.unmount()
  })

  it("keeps a failed dispatch's first error when more handlers fail (parallel)", async () => {
    const { wrapper, register } = mountApp()
    register.register('reset', () => {
      throw new Error('first')
    }, { priority: 2 })
    register.register('reset', () => {
      throw new Error('second')
    }, { priority: 1 })
    await register.dispatch('reset', undefined, { executionMode: 'parallel' }).catch(() => {})
    const errors = (of('addTimelineEvent') as Array<{ event: { subtitle: string; data: { error?: string } } }>).filter(({ event }) => event.subtitle.startsWith('failed')).map(({ event }) => event.data.error)
    expect(errors).toEqual(['first'])
    wrapper.unmount()
  })

  it('an app without the plugin provides its contexts without error, and the hook goes once no app uses the plugin', () => {
    const withDevtools = createApp({ render: () => null }).use(ContextActionDevtools)
    withDevtools.mount(document.createElement('div'))
    const plain = createApp({ setup: () => (AppStores.provide(), () => null) }).use(AppActions)
    expect(() => plain.mount(document.createElement('div'))).not.toThrow()
    expect(tree(hosts[0].handlers)).toEqual([])
    plain.unmount()
    expect(contextHooks.provided).toBeTypeOf('function')
    withDevtools.unmount()
    expect(contextHooks.provided).toBeUndefined()
  })

  describe('several apps on one page', () => {
    const Section = defineComponent({
      setup() {
        AppStores.provide()
        return () => null
      },
    })

    it('routes each context, and its dispatches, to the devtools of the app it was provided in', async () => {
      const appA = createApp(Section).use(ContextActionDevtools).use(AppActions)
      const appB = createApp({ render: () => null }).use(ContextActionDevtools).use(AppStores)
      appA.mount(document.createElement('div'))
      appB.mount(document.createElement('div'))
      const [a, b] = hosts
      const register = appA.runWithContext(() => AppActions.useActionRegister())
      register.register('reset', () => {})
      await register.dispatch('reset')
      const events = (host: Host) => host.calls.filter(([call]) => call === 'addTimelineEvent').length
      // Vue devtools calls every app's handlers, naming the app it shows: B's leave A's inspector alone.
      const forA = { inspectorId: DEVTOOLS_INSPECTOR, filter: '', rootNodes: ['untouched'], app: appA }
      b.handlers.getInspectorTree(forA)
      expect({ a: tree(a.handlers), b: tree(b.handlers), aEvents: events(a), bEvents: events(b), forA: forA.rootNodes }).toEqual({
        a: ['AppActions#1', 'AppStores#2'],
        b: ['AppStores#1'],
        aEvents: 2,
        bEvents: 0,
        forA: ['untouched'],
      })
      appA.unmount()
      appB.unmount()
    })

    it('unmounting one app leaves the devtools of the others on', () => {
      const appA = createApp(Section).use(ContextActionDevtools)
      const appB = createApp({ render: () => null }).use(ContextActionDevtools)
      appB.mount(document.createElement('div'))
      appB.unmount()
      appA.use(AppActions).mount(document.createElement('div'))
      expect(tree(hosts[0].handlers)).toEqual(['AppActions#1', 'AppStores#2'])
      appA.unmount()
    })

    it('drops the app-wide contexts of an unmounted app and stops following them', async () => {
      const shared = new ActionRegister<TestActions>()
      const app = createApp({ render: () => null }).use(ContextActionDevtools).use(AppActions, { register: shared }).use(AppStores)
      app.mount(document.createElement('div'))
      const manager = app.runWithContext(() => AppStores.useStoreManager())
      const [host] = hosts
      const before = { tree: tree(host.handlers), listeners: manager.getStore('count').getListenerCount() }
      app.unmount()
      host.calls.length = 0
      shared.register('reset', () => {})
      await shared.dispatch('reset')
      manager.getStore('count').setValue(3)
      expect({ before, tree: tree(host.handlers), listeners: manager.getStore('count').getListenerCount(), calls: host.calls }).toEqual({
        before: { tree: ['AppActions#1', 'AppStores#2'], listeners: 1 },
        tree: [],
        listeners: 0,
        calls: [],
      })
    })
  })
})
