import { createStore, shallowEqual } from '@context-action/core'
import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { effectScope, nextTick, shallowRef, watch } from 'vue'
import { createItems, relabel, type User } from './__tests__/fixtures'
import UserName from './__tests__/UserName.vue'
import RowList from './__tests__/RowList.vue'
import { useStoreValue } from './use-store-value'

describe('useStoreValue', () => {
  it('follows the store for the lifetime of the scope', () => {
    const count = createStore(1)
    const seen: number[] = []
    const scope = effectScope()
    scope.run(() => {
      const value = useStoreValue(count)
      watch(value, (v) => seen.push(v), { flush: 'sync' })
    })
    count.setValue(2)
    count.setValue(3)
    expect(count.getListenerCount()).toBe(1)
    scope.stop()
    count.setValue(4)
    expect([seen, count.getListenerCount()]).toEqual([[2, 3], 0])
  })

  it('with a selector changes only when the selection changes under equals', () => {
    const user = createStore({ name: 'Ada', tags: ['a'], visits: 0 })
    const names: string[] = []
    const tags: string[][] = []
    const scope = effectScope()
    scope.run(() => {
      watch(useStoreValue(user, (u) => u.name), (v) => names.push(v), { flush: 'sync' })
      watch(useStoreValue(user, (u) => [...u.tags], shallowEqual), (v) => tags.push([...v]), { flush: 'sync' })
    })
    user.update((u) => ({ ...u, visits: 1 }))
    user.update((u) => ({ ...u, name: 'Grace' }))
    user.update((u) => ({ ...u, tags: ['a', 'b'] }))
    user.update((u) => ({ ...u, visits: 2 }))
    scope.stop()
    expect({ names, tags }).toEqual({ names: ['Grace'], tags: [['a', 'b']] })
  })

  it('re-subscribes when a ref or getter points at another store', () => {
    const a = createStore('a')
    const b = createStore('b')
    const current = shallowRef(a)
    const seen: string[] = []
    const scope = effectScope()
    scope.run(() => watch(useStoreValue(() => current.value), (v) => seen.push(v), { flush: 'sync' }))
    current.value = b
    a.setValue('a2')
    b.setValue('b2')
    expect([a.getListenerCount(), b.getListenerCount()]).toEqual([0, 1])
    scope.stop()
    expect([seen, a.getListenerCount(), b.getListenerCount()]).toEqual([['b', 'b2'], 0, 0])
  })

  it('outside any scope keeps following the store', () => {
    const count = createStore(1)
    const value = useStoreValue(count)
    count.setValue(2)
    expect([value.value, count.getListenerCount()]).toEqual([2, 1])
  })

  it('re-renders exactly one of 1,000 rows when one item changes, through one core subscription', async () => {
    const items = createItems(1000)
    const updates: number[] = []
    const wrapper = mount(RowList, { props: { items, updates } })
    expect(wrapper.findAll('li')).toHaveLength(1000)
    // Every row follows the store through one shared subscription (src/follow.ts).
    expect(items.getListenerCount()).toBe(1)

    items.update((list) => relabel(list, 500, 'changed'))
    await nextTick()
    items.update((list) => relabel(list, 7, 'again'))
    await nextTick()
    expect(updates).toEqual([500, 7])
    expect([wrapper.findAll('li')[500].text(), wrapper.findAll('li')[7].text()]).toEqual(['changed', 'again'])

    wrapper.unmount()
    expect(items.getListenerCount()).toBe(0)
  })
})

describe('useStoreValue with a selector that reads props and refs', () => {
  it('re-runs when a prop it reads changes (setProps), re-rendering only when the selection changes', async () => {
    const users = createStore<Record<string, User>>({ a: { name: 'Ada', tags: [] }, b: { name: 'Bob', tags: [] } })
    const renders: string[] = []
    const wrapper = mount(UserName, { props: { users, id: 'a', renders } })
    const texts = [wrapper.text()]
    await wrapper.setProps({ id: 'b' })
    texts.push(wrapper.text())
    users.update((all) => ({ ...all, a: { name: 'Alan', tags: [] } }))
    await nextTick()
    users.update((all) => ({ ...all, b: { name: 'Barbara', tags: [] } }))
    await nextTick()
    texts.push(wrapper.text())
    await wrapper.setProps({ id: 'c' })
    texts.push(wrapper.text())
    wrapper.unmount()
    expect({ texts, renders, listeners: users.getListenerCount() }).toEqual({
      texts: ['Ada', 'Bob', 'Barbara', 'nobody'],
      renders: ['Bob', 'Barbara', 'nobody'],
      listeners: 0,
    })
  })

  it('re-runs when a ref it reads changes, including one first read after a store change', () => {
    const users = createStore<User[]>([])
    const wanted = shallowRef('Bob')
    const seen: Array<string | undefined> = []
    const scope = effectScope()
    scope.run(() => {
      // `find` over an empty list never reads `wanted`: it must still be tracked once the list has items.
      const found = useStoreValue(users, (list) => list.find((u) => u.name === wanted.value)?.name)
      watch(found, (v) => seen.push(v), { flush: 'sync' })
    })
    users.setValue([{ name: 'Ada', tags: [] }, { name: 'Bob', tags: [] }])
    wanted.value = 'Ada'
    wanted.value = 'Zed'
    scope.stop()
    wanted.value = 'Bob'
    expect(seen).toEqual(['Bob', 'Ada', undefined])
  })
})
