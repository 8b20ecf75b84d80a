import { createStore } from '@context-action/core'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { effectScope, nextTick, shallowRef, watch } from 'vue'
import Total from './__tests__/Total.vue'
import { useComputedStore } from './use-computed-store'

describe('useComputedStore', () => {
  it('follows its inputs while the scope lives and leaves no subscription on them afterwards', () => {
    const price = createStore(2)
    const quantity = createStore(3)
    const seen: number[] = []
    const scope = effectScope()
    scope.run(() => {
      const total = useComputedStore([price, quantity], (p, q) => p * q)
      watch(total, (v) => seen.push(v), { flush: 'sync' })
      seen.push(total.value)
    })
    price.setValue(4)
    quantity.setValue(5)
    const during = [price.getListenerCount(), quantity.getListenerCount()]
    scope.stop()
    price.setValue(10)
    expect({ seen, during, after: [price.getListenerCount(), quantity.getListenerCount()] }).toEqual({
      seen: [6, 12, 20],
      during: [1, 1],
      after: [0, 0],
    })
  })

  it('re-runs compute when a ref it reads changes, and keeps an equal result under options.equals', () => {
    const items = createStore([1, 2, 3, 4])
    const limit = shallowRef(2)
    const seen: number[][] = []
    const scope = effectScope()
    scope.run(() => {
      const sameLength = (a: readonly number[], b: readonly number[]) => a.length === b.length
      const visible = useComputedStore([items], (list) => list.filter((n) => n <= limit.value), { equals: sameLength })
      watch(visible, (v) => seen.push([...v]), { flush: 'sync', immediate: true })
    })
    limit.value = 3
    items.setValue([9, 1, 2, 3])
    items.setValue([1, 2, 3, 4, 0])
    scope.stop()
    expect(seen).toEqual([[1, 2], [1, 2, 3], [1, 2, 3, 0]])
  })

  it('renders in a template as a plain value and follows a prop read by compute', async () => {
    const price = createStore(2)
    const quantity = createStore(3)
    const wrapper = mount(Total, { props: { price, quantity, discount: 0 } })
    const seen = [wrapper.text()]
    price.setValue(5)
    await nextTick()
    seen.push(wrapper.text())
    await wrapper.setProps({ discount: 4 })
    seen.push(wrapper.text())
    wrapper.unmount()
    expect({ seen, listeners: [price.getListenerCount(), quantity.getListenerCount()] }).toEqual({
      seen: ['total 6', 'total 15', 'total 11'],
      listeners: [0, 0],
    })
  })
})
