import { createStore } from '@context-action/core'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { effectScope, isProxy } from 'vue'
import NameInput from './__tests__/NameInput.vue'
import { useStoreModel } from './use-store-model'

describe('useStoreModel', () => {
  it('works with v-model: input writes go through setValue, store writes reach the view', async () => {
    const name = createStore('Ada')
    const seen: string[] = []
    name.listen((v) => seen.push(v))
    const wrapper = mount(NameInput, { props: { name } })
    await wrapper.find('input').setValue('Grace')
    name.setValue('Linus')
    await wrapper.vm.$nextTick()
    expect([seen, wrapper.find('p').text(), wrapper.find('input').element.value]).toEqual([['Grace', 'Linus'], 'Linus', 'Linus'])
    wrapper.unmount()
    expect(name.getListenerCount()).toBe(1)
  })

  it('reads and writes the store outside components, releasing it with the scope', () => {
    const count = createStore(1)
    const scope = effectScope()
    const ref = scope.run(() => useStoreModel(count))!
    ref.value = 5
    count.setValue(6)
    const read = ref.value
    scope.stop()
    expect([count.getValue(), read, count.getListenerCount()]).toEqual([5 + 1, 6, 0])
  })

  it('takes back a value built from what it reads and stores plain data, not read-only proxies', () => {
    const prefs = { dark: true }
    const settings = createStore({ name: 'a', prefs })
    const scope = effectScope()
    const model = scope.run(() => useStoreModel(settings))!
    model.value = { ...model.value, name: 'b' }
    scope.stop()
    const stored = settings.getValue()
    expect({ stored, proxy: isProxy(stored.prefs), same: stored.prefs === prefs, clone: structuredClone(stored) }).toEqual({
      stored: { name: 'b', prefs: { dark: true } },
      proxy: false,
      same: true,
      clone: { name: 'b', prefs: { dark: true } },
    })
  })
})
