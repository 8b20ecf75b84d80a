import { mount } from '@vue/test-utils'
import { expect, it } from 'vitest'
import { AppActions } from './__tests__/actions'
import SaveButton from './__tests__/SaveButton.vue'
import { AppStores } from './__tests__/stores'
import { ContextActionDevtools } from './devtools'

// No stub here: the real @vue/devtools-api, with no devtools attached, as in an app where nobody opened them.
it('with the real @vue/devtools-api and no devtools open, the app mounts, dispatches and unmounts as without the plugin', async () => {
  const wrapper = mount(SaveButton, { global: { plugins: [ContextActionDevtools, AppActions, [AppStores, { state: { count: 7 } }]] } })
  await wrapper.find('button').trigger('click')
  const text = wrapper.text()
  wrapper.unmount()
  expect(text).toBe('save 7')
})
