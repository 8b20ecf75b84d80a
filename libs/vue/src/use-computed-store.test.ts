import { createStore } from '@context-action/core'
import { describe, expect, it } from 'vitest'
import { effectScope, watch } from 'vue'
import { useComputedStore } from './use-computed-store'

describe('useComputedStore', () => {
  it('follows its inputs while the scope lives and leaves no subscription on them afterwards', () => {
    const price = createStore(2)
    const quantity = createStore(3)
    const seen: number[] = []
    const scope = effectScope()
    const { store } = scope.run(() => {
      const total = useComputedStore([price, quantity], (p, q) => p * q)
      watch(total.value, (v) => seen.push(v), { flush: 'sync' })
      seen.push(total.value.value)
      return total
    })!
    price.setValue(4)
    quantity.setValue(5)
    const during = [price.getListenerCount(), quantity.getListenerCount(), store.getListenerCount()]
    scope.stop()
    price.setValue(10)
    expect({ seen, during, after: [price.getListenerCount(), quantity.getListenerCount(), store.getListenerCount()] }).toEqual({
      seen: [6, 12, 20],
      during: [1, 1, 1],
      after: [0, 0, 0],
    })
    expect(store.getValue()).toBe(50)
  })
})
