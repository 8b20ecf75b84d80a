import { mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ActionRegister, Store } from '@context-action/core'
import { createApp, defineComponent, h, nextTick, shallowRef } from 'vue'
import { AppActions, type TestActions } from './__tests__/actions'
import { AppStores } from './__tests__/stores'
import { ContextActionDevtools, DEVTOOLS_INSPECTOR, DEVTOOLS_LAYER } from './devtools'

// A stub of @vue/devtools-api: records what the plugin sends and keeps the handlers it registers.
const calls: Array<[string, unknown]> = []
const handlers: Record<string, (payload: any) => void> = {}
const stubApi = {
  now: () => 1000,
  addTimelineLayer: (options: unknown) => calls.push(['addTimelineLayer', options]),
  addInspector: (options: unknown) => calls.push(['addInspector', options]),
  addTimelineEvent: (options: unknown) => calls.push(['addTimelineEvent', options]),
  sendInspectorTree: (id: string) => calls.push(['sendInspectorTree', id]),
  sendInspectorState: (id: string) => calls.push(['sendInspectorState', id]),
  on: new Proxy({}, { get: (_, hook: string) => (handler: (payload: any) => void) => void (handlers[hook] = handler) }),
}
const descriptors: unknown[] = []
vi.mock('@vue/devtools-api', () => ({
  setupDevtoolsPlugin: (descriptor: { app: unknown }, setup: (api: unknown) => void) => {
    descriptors.push({ ...descriptor, app: descriptor.app !== undefined })
    setup(stubApi)
  },
}))

const of = (name: string) => calls.filter(([call]) => call === name).map(([, payload]) => payload)
const tree = () => {
  const payload = { inspectorId: DEVTOOLS_INSPECTOR, filter: '', rootNodes: [] as Array<{ id: string }> }
  handlers.getInspectorTree(payload)
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

describe('ContextActionDevtools', () => {
  beforeEach(() => {
    calls.length = 0
    descriptors.length = 0
  })

  it('registers a timeline layer and an inspector for the app', () => {
    const wrapper = mount(App, { global: { plugins: [ContextActionDevtools, AppActions, [AppStores, { state: { count: 2 } }]] } })
    expect({ ids: [DEVTOOLS_LAYER, DEVTOOLS_INSPECTOR], descriptors, layers: of('addTimelineLayer'), inspectors: of('addInspector') }).toEqual({
      ids: ['context-action:dispatches', 'context-action:contexts'],
      descriptors: [{ id: 'context-action', label: 'Context-Action', packageName: '@context-action/vue', app: true, enableEarlyProxy: true }],
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
          data: { context: 'AppActions#1', action: 'save', payload: { id: 1 }, outcome: 'completed', abortReason: undefined, duration: expect.any(Number), handlers: [{ id: 'saver', outcome: 'completed', duration: expect.any(Number) }] },
        },
      },
      { layerId: DEVTOOLS_LAYER, event: { time: 1000, title: 'save', subtitle: 'start', groupId: events[2].event.groupId, logType: 'default', data: { context: 'AppActions#1', action: 'save', payload: { id: -1 } } } },
      {
        layerId: DEVTOOLS_LAYER,
        event: {
          time: 1000,
          title: 'save',
          subtitle: 'aborted',
          groupId: events[2].event.groupId,
          logType: 'warning',
          data: { context: 'AppActions#1', action: 'save', payload: { id: -1 }, outcome: 'aborted', abortReason: 'negative id', duration: expect.any(Number), handlers: [{ id: 'saver', outcome: 'completed', duration: expect.any(Number) }] },
        },
      },
    ])
    expect(events[0].event.groupId).not.toBe(events[2].event.groupId)
    wrapper.unmount()
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

  it('logs a failed dispatch as an error', async () => {
    const wrapper = mount(App, { global: { plugins: [ContextActionDevtools, AppActions, AppStores] } })
    const register = wrapper.vm.$.appContext.app.runWithContext(() => AppActions.useActionRegister())
    register.register('reset', () => {
      throw new Error('reset failed')
    })
    await register.dispatch('reset').catch(() => {})
    const ends = (of('addTimelineEvent') as Array<{ event: { subtitle: string; logType: string } }>).map(({ event }) => [event.subtitle, event.logType])
    expect(ends).toEqual([['start', 'default'], ['failed', 'error']])
    wrapper.unmount()
  })

  it('a register handed to a provider while one of its dispatches runs: that dispatch ends on the timeline without a payload', async () => {
    let shared: ActionRegister<TestActions> | undefined
    const Outer = defineComponent({
      setup() {
        shared = AppActions.useActionRegister()
        return () => null
      },
    })
    const app = mount(Outer, { global: { plugins: [AppActions] } })
    shared!.register('save', (_payload, controller) => new Promise<void>((resolve) => controller.signal.addEventListener('abort', () => resolve())))
    const caller = new AbortController()
    const running = shared!.dispatchWithResult('save', { id: 7 }, { signal: caller.signal })
    const wrapper = mount(() => h(AppActions.Provider, { register: shared }), { global: { plugins: [ContextActionDevtools] } })
    caller.abort('stopped')
    await running
    const events = (of('addTimelineEvent') as Array<{ event: { subtitle: string; data: { payload?: unknown; abortReason?: string } } }>).map(({ event }) => [event.subtitle, event.data.payload, event.data.abortReason])
    expect(events).toEqual([['aborted', undefined, undefined]])
    wrapper.unmount()
    app.unmount()
  })
})
