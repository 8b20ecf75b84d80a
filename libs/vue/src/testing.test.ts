import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { AppActions } from './__tests__/actions'
import SaveButton from './__tests__/SaveButton.vue'
import { AppStores } from './__tests__/stores'
import { createTestingContexts } from './testing'

const Saver = defineComponent({
  setup() {
    const count = AppStores.useStore('count')
    AppActions.useActionHandler('save', (payload) => count.setValue(payload.id + 100))
    return () => h(SaveButton)
  },
})

describe('createTestingContexts', () => {
  it('provides the contexts with seeded stores, records dispatches and stubs the handlers components register', async () => {
    const testing = createTestingContexts({ actions: [AppActions], stores: [AppStores], initialState: { AppStores: { count: 3 } }, createSpy: vi.fn })
    const wrapper = mount(Saver, { global: { plugins: [testing] } })
    await wrapper.find('button').trigger('click')
    const [handler] = testing.handlers(AppActions, 'save')
    expect({
      text: wrapper.text(),
      dispatches: testing.dispatches,
      calls: vi.mocked(handler).mock.calls.map((call) => call[0]),
      count: testing.stores(AppStores).getStore('count').getValue(),
    }).toEqual({
      text: 'save 3',
      dispatches: [{ context: 'AppActions', action: 'save', payload: { id: 3 } }],
      calls: [{ id: 3 }],
      // Stubbed: the real handler did not run.
      count: 3,
    })
    wrapper.unmount()
  })

  it('with stubActions: false the spies call the real handlers; the stores can be written from the test', async () => {
    const testing = createTestingContexts({ actions: [AppActions], stores: [AppStores], stubActions: false, createSpy: vi.fn })
    const wrapper = mount(Saver, { global: { plugins: [testing] } })
    testing.stores(AppStores).getStore('count').setValue(5)
    await wrapper.vm.$nextTick()
    await wrapper.find('button').trigger('click')
    await testing.register(AppActions).dispatch('save', { id: 1 })
    await wrapper.vm.$nextTick()
    expect({ text: wrapper.text(), calls: testing.handlers(AppActions, 'save').map((spy) => vi.mocked(spy).mock.calls.length) }).toEqual({
      text: 'save 101',
      calls: [2],
    })
    wrapper.unmount()
  })

  it('falls back to a global vi.fn (vitest globals), and names what is missing or wrong', () => {
    const errors: string[] = []
    const capture = (run: () => unknown) => {
      try {
        run()
      } catch (e) {
        errors.push((e as Error).message)
      }
    }
    capture(() => createTestingContexts({ createSpy: 5 as never }))
    vi.stubGlobal('vi', { fn: vi.fn })
    const testing = createTestingContexts({ actions: [AppActions] })
    vi.unstubAllGlobals()
    capture(() => testing.stores(AppStores))
    vi.stubGlobal('vi', undefined)
    capture(() => createTestingContexts())
    vi.unstubAllGlobals()
    expect(errors).toEqual([
      'createTestingContexts: createSpy must be a spy factory such as vi.fn, got 5',
      'createTestingContexts: AppStores is not among the store contexts given to createTestingContexts, or the plugin is not installed yet',
      'createTestingContexts: pass createSpy (e.g. vi.fn); no global vi.fn or jest.fn was found',
    ])
  })
})
