import { createStore } from '@context-action/core'
import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { effectScope, isProxy, nextTick, shallowRef } from 'vue'
import type { User } from './__tests__/fixtures'
import UserEditor from './__tests__/UserEditor.vue'
import UserForm from './__tests__/UserForm.vue'
import { useStoreRefs } from './use-store-refs'
import { useStoreValue } from './use-store-value'

describe('useStoreRefs', () => {
  it('v-model on a field replaces the object through update: listeners told once, the old object untouched', async () => {
    const original: User = { name: 'Ada', tags: ['math'] }
    const user = createStore(original)
    const seen: User[] = []
    user.listen((value) => seen.push(value))
    const wrapper = mount(UserForm, { props: { user } })
    await wrapper.find('input').setValue('Grace')
    user.update((u) => ({ ...u, tags: [...u.tags, 'navy'] }))
    await nextTick()
    expect({
      seen,
      original,
      tagsKept: seen[0].tags === original.tags,
      text: wrapper.find('p').text(),
      input: wrapper.find('input').element.value,
    }).toEqual({
      seen: [{ name: 'Grace', tags: ['math'] }, { name: 'Grace', tags: ['math', 'navy'] }],
      original: { name: 'Ada', tags: ['math'] },
      tagsKept: true,
      text: 'Grace (math, navy)',
      input: 'Grace',
    })
    wrapper.unmount()
    expect(user.getListenerCount()).toBe(1)
  })

  it('follows a ref to another store, and writes go to the current one', () => {
    const a = createStore({ n: 1 })
    const b = createStore({ n: 10 })
    const current = shallowRef(a)
    const scope = effectScope()
    const { n } = scope.run(() => useStoreRefs(current))!
    const reads = [n.value]
    current.value = b
    reads.push(n.value)
    n.value = 11
    scope.stop()
    expect({ reads, a: a.getValue(), b: b.getValue(), listeners: [a.getListenerCount(), b.getListenerCount()] }).toEqual({
      reads: [1, 10],
      a: { n: 1 },
      b: { n: 11 },
      listeners: [0, 0],
    })
  })
  it('stores plain data when a field is set to a value read from a ref (read-only proxies in development)', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }]
    const form = createStore({ rows, first: { id: '' } })
    const scope = effectScope()
    const refs = scope.run(() => useStoreRefs(form))!
    refs.rows.value = refs.rows.value.slice(1)
    refs.first.value = refs.rows.value[0]
    scope.stop()
    const stored = form.getValue()
    expect({
      proxies: [stored.rows[0], stored.rows[1], stored.first].some(isProxy),
      same: [stored.rows[0] === rows[1], stored.first === rows[1]],
      clone: structuredClone(stored),
    }).toEqual({ proxies: false, same: [true, true], clone: { rows: [{ id: 'b' }, { id: 'c' }], first: { id: 'b' } } })
  })

  it('refuses a store whose value is not a plain object before following it', () => {
    const list = createStore([1, 2])
    const scope = effectScope()
    const message = scope.run(() => {
      try {
        useStoreRefs(list as never)
      } catch (e) {
        return (e as Error).message
      }
    })
    scope.stop()
    expect([message, list.getListenerCount()]).toEqual(["useStoreRefs: the store's value must be a plain object, got an array (length 2)", 0])
  })
})

describe('read-only values in development', () => {
  it('useStoreModel(objectStore) with v-model on a field warns and never changes the stored object', async () => {
    const original: User = { name: 'Ada', tags: [] }
    const user = createStore(original)
    // @vue/reactivity reports writes to a readonly() proxy with console.warn.
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const wrapper = mount(UserEditor, { props: { user } })
    await wrapper.find('input').setValue('Grace')
    const warnings = warn.mock.calls.map((call) => String(call[0]))
    warn.mockRestore()
    expect({ stored: user.getValue(), same: user.getValue() === original, text: wrapper.find('p').text(), warned: warnings.some((w) => w.includes('Set operation on key "name" failed: target is readonly')) }).toEqual({
      stored: { name: 'Ada', tags: [] },
      same: true,
      text: 'Ada',
      warned: true,
    })
    wrapper.unmount()
  })

  it('useStoreValue: an in-place push on a nested array warns and leaves the store as it was', () => {
    const list = createStore({ items: [1, 2] })
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const scope = effectScope()
    const value = scope.run(() => useStoreValue(list))!
    ;(value.value.items as number[]).push(3)
    const warned = warn.mock.calls.length > 0
    warn.mockRestore()
    scope.stop()
    expect({ stored: list.getValue(), warned }).toEqual({ stored: { items: [1, 2] }, warned: true })
  })
})
