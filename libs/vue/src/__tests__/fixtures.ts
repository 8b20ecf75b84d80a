import { createStore } from '@context-action/core'

export interface Item {
  id: number
  label: string
}

export function createItems(count: number) {
  return createStore<Item[]>(Array.from({ length: count }, (_, id) => ({ id, label: `item ${id}` })), { name: 'items' })
}

/** Replace one item with a changed copy, keeping every other item's identity. */
export function relabel(list: Item[], index: number, label: string): Item[] {
  return list.map((item, i) => (i === index ? { ...item, label } : item))
}

export interface User {
  name: string
  tags: string[]
}

export interface Todo {
  title: string
}
