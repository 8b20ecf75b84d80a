import { batch, createStore } from '@context-action/core'
import { describe, expect, it } from 'vitest'
import { effectScope, shallowRef, watch } from 'vue'
import { useStoreValue } from './use-store-value'

// Every composable following one store shares one core subscription (src/follow.ts). These pin what users see of it.
describe('followers sharing one store subscription', () => {
  it('subscribes once for many followers, and unsubscribes when the last one leaves', () => {
    const count = createStore(1)
    const first = effectScope()
    const second = effectScope()
    const a = first.run(() => useStoreValue(count))!
    const b = second.run(() => useStoreValue(count, (n) => n * 10))!
    const listeners = [count.getListenerCount()]
    count.setValue(2)
    first.stop()
    listeners.push(count.getListenerCount())
    count.setValue(3)
    second.stop()
    listeners.push(count.getListenerCount())
    const third = effectScope()
    const c = third.run(() => useStoreValue(count))!
    count.setValue(4)
    listeners.push(count.getListenerCount())
    third.stop()
    expect({ values: [a.value, b.value, c.value], listeners }).toEqual({ values: [2, 30, 4], listeners: [1, 1, 0, 1] })
  })

  it('tells every follower even when one selector throws, then re-throws that error from the write', () => {
    const count = createStore(1)
    const scope = effectScope()
    const [before, after] = scope.run(() => [
      useStoreValue(count, (n) => n + 1),
      useStoreValue(count, (n) => {
        if (n === 2) throw new Error('selector failed')
        return n
      }),
      useStoreValue(count, (n) => n * 100),
    ].filter((_, i) => i !== 1))!
    expect(() => count.setValue(2)).toThrow('selector failed')
    count.setValue(3)
    scope.stop()
    expect([before.value, after.value, count.getListenerCount()]).toEqual([4, 300, 0])
  })

  it("re-throws the selector's own error object from the write", () => {
    const count = createStore(1)
    const failure = new Error('selector failed')
    const scope = effectScope()
    scope.run(() =>
      useStoreValue(count, (n) => {
        if (n === 2) throw failure
        return n
      }),
    )
    let thrown: unknown = 'nothing thrown'
    try {
      count.setValue(2)
    } catch (error) {
      thrown = error
    }
    scope.stop()
    // Not toThrow('selector failed'): Vitest 4.1's toThrow(message) also passes when `undefined` is thrown.
    expect(thrown).toBe(failure)
  })

  it('tracks a ref that only one of many followers starts reading after a store change', () => {
    const users = createStore<string[]>([])
    const wanted = shallowRef('b')
    const scope = effectScope()
    const [length, found] = scope.run(() => [
      useStoreValue(users, (list) => list.length),
      // `find` over an empty list never reads `wanted`.
      useStoreValue(users, (list) => list.find((name) => name === wanted.value) ?? 'none'),
    ])!
    users.setValue(['a', 'b'])
    const seen = [found.value]
    wanted.value = 'a'
    seen.push(found.value)
    wanted.value = 'z'
    seen.push(found.value)
    scope.stop()
    expect({ seen, length: length.value }).toEqual({ seen: ['b', 'a', 'none'], length: 2 })
  })

  it('tells a follower that joined mid-batch about a write it saw being undone', () => {
    const count = createStore(1)
    const scope = effectScope()
    const early = scope.run(() => useStoreValue(count))!
    let late: { value: number } | undefined
    batch(() => {
      count.setValue(2)
      late = scope.run(() => useStoreValue(count))!
      count.setValue(1)
    })
    const values = [early.value, late!.value]
    count.setValue(5)
    values.push(early.value, late!.value)
    scope.stop()
    expect({ values, listeners: count.getListenerCount() }).toEqual({ values: [1, 1, 5, 5], listeners: 0 })
  })

  it('a follower that joined mid-batch tracks a ref its selector first reads after a later write', () => {
    const count = createStore(0)
    const factor = shallowRef(1)
    const scope = effectScope()
    scope.run(() => useStoreValue(count))
    let late: { value: number } | undefined
    batch(() => {
      count.setValue(2)
      // Reads `factor` only once the count is above 2: not in its first run.
      late = scope.run(() => useStoreValue(count, (n) => (n > 2 ? n * factor.value : 0)))!
    })
    count.setValue(3)
    const values = [late!.value]
    factor.value = 10
    values.push(late!.value)
    scope.stop()
    expect(values).toEqual([3, 30])
  })

  it('follows two stores when a sync watcher of one writes the other during its delivery', () => {
    const source = createStore(1)
    const mirror = createStore(0)
    const factor = shallowRef(1)
    const offset = shallowRef(0)
    const scope = effectScope()
    const [scaled, doubled, mirrored] = scope.run(() => {
      // Reads `factor` only once the source is above 1: first read during the delivery that also writes `mirror`.
      const scaled = useStoreValue(source, (n) => (n > 1 ? n * factor.value : 0))
      const doubled = useStoreValue(source, (n) => n * 2)
      watch(doubled, (n) => mirror.setValue(n), { flush: 'sync' })
      return [scaled, doubled, useStoreValue(mirror, (n) => n + offset.value)]
    })!
    source.setValue(5)
    const seen = [scaled.value, doubled.value, mirrored.value]
    factor.value = 3
    offset.value = 1
    seen.push(scaled.value, mirrored.value)
    scope.stop()
    expect({ seen, listeners: [source.getListenerCount(), mirror.getListenerCount()] }).toEqual({
      seen: [5, 10, 10, 15, 11],
      listeners: [0, 0],
    })
  })
})
