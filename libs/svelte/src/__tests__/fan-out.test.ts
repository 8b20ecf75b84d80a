import { createStore } from '@context-action/core'
import { render } from '@testing-library/svelte'
import { flushSync } from 'svelte'
import { describe, expect, it } from 'vitest'
import type { Item } from './item'
import Rows from './Rows.svelte'

describe.each([
  ['select + $slice', false],
  ['useStoreValue + current', true],
])('1,000 rows, each reading its item through %s', (_, runes) => {
  it('changing one item updates exactly that row', () => {
    const items = createStore<Item[]>(Array.from({ length: 1000 }, (_, id) => ({ id, label: `row ${id}` })))
    const log: number[] = []
    const { container } = render(Rows, { items, runes, log })
    expect([log.length, items.getListenerCount()]).toEqual([1000, 1000])
    log.length = 0

    items.update((list) => list.map((item) => (item.id === 500 ? { ...item, label: 'changed' } : item)))
    flushSync()
    items.update((list) => list.map((item) => (item.id === 7 || item.id === 999 ? { ...item, label: `again ${item.id}` } : item)))
    flushSync()
    items.update((list) => [...list])
    flushSync()

    expect(log).toEqual([500, 7, 999])
    const labels = [...container.querySelectorAll('li')].map((li) => li.textContent)
    expect([labels[6], labels[7], labels[500], labels[999], labels.length]).toEqual(['row 6', 'again 7', 'changed', 'again 999', 1000])
  })
})
