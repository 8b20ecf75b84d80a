import { createStore } from '@context-action/core'
import type { DemoDomain, Settings } from '@context-action/demo-domain'
import { createTestContexts } from '@context-action/vue/testing'
import { mount } from '@vue/test-utils'
import { expect, it, vi } from 'vitest'
import { Demo, demoStores } from '../context'
import ApiSwitches from './ApiSwitches.vue'

it('ApiSwitches shows the settings and dispatches updateSettings and resetDemo', async () => {
  const contexts = createTestContexts({ createSpy: vi.fn })
  const demo = contexts.actions(Demo, { stub: true })
  const settings = createStore<Settings>({ latencyMs: 200, failureRate: 0, failPayments: false })
  const stores = { settings } as unknown as DemoDomain['stores']
  const wrapper = mount(ApiSwitches, { global: { plugins: [contexts, demoStores({ stores, userCache: {} as DemoDomain['userCache'] })] } })
  const latency = wrapper.find('input[type="number"]')
  const shown = (latency.element as HTMLInputElement).value
  await wrapper.find('input[type="checkbox"]').setValue(true)
  await wrapper.find('button').trigger('click')
  expect({ shown, dispatches: demo.dispatches, stubs: demo.stubs }).toEqual({
    shown: '200',
    dispatches: [
      { action: 'updateSettings', payload: { failPayments: true } },
      { action: 'resetDemo', payload: undefined },
    ],
    // The domain registers the handlers; this component registers none.
    stubs: {},
  })
  wrapper.unmount()
})
