import { createStore } from '@context-action/core'
import { mount } from '@vue/test-utils'
import { expect, it, vi } from 'vitest'
import { effectScope, isReadonly } from 'vue'
import type { User } from './__tests__/fixtures'
import UserEditor from './__tests__/UserEditor.vue'
import { useStoreValue } from './use-store-value'

// What a production build sees: `process.env.NODE_ENV` replaced by "production".
vi.mock('./dev', () => ({ isDev: false }))

it('in production useStoreValue hands out the stored object itself (no wrapping cost)', () => {
  const original = { items: [1, 2] }
  const store = createStore(original)
  const scope = effectScope()
  const value = scope.run(() => useStoreValue(store))!
  expect([value.value === original, isReadonly(value.value)]).toEqual([true, false])
  scope.stop()
})

it('in production too, useStoreModel with v-model on a field never changes the stored object', async () => {
  const original: User = { name: 'Ada', tags: [] }
  const user = createStore(original)
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  const wrapper = mount(UserEditor, { props: { user } })
  await wrapper.find('input').setValue('Grace')
  warn.mockRestore()
  expect({ stored: user.getValue(), same: user.getValue() === original, text: wrapper.find('p').text() }).toEqual({
    stored: { name: 'Ada', tags: [] },
    same: true,
    text: 'Ada',
  })
  wrapper.unmount()
})
