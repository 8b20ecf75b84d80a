import { mount } from '@vue/test-utils'
import { expect, it } from 'vitest'
import Harness from './Harness.vue'
import type { Found } from './Probe.vue'
import { counts, createShared } from './shared'

it('leaves no listener and no handler behind after 10,000 mounts and unmounts of a component using every composable', async () => {
  const shared = createShared()
  const found: Found = {}
  const wrapper = mount(Harness, { props: { shared, found, show: false } })
  const before = counts(shared, found)
  await wrapper.setProps({ show: true })
  const mounted = counts(shared, found)
  await wrapper.find('button').trigger('click')
  for (let i = 0; i < 10_000; i++) {
    await wrapper.setProps({ show: false })
    await wrapper.setProps({ show: true })
  }
  await wrapper.setProps({ show: false })
  expect({ before, mounted, after: counts(shared, found) }).toEqual({
    before: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    mounted: [2, 1, 1, 1, 2, 1, 1, 1, 1, 1],
    after: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  })
  wrapper.unmount()
}, 60_000)
