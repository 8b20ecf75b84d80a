import { flushSync, mount } from 'svelte'
import type { Readable } from 'svelte/store'
import BenchRows from './BenchRows.svelte'

export interface Item {
  id: number
  label: string
}

export const SIZE = 1000

export const initialItems = (): Item[] => Array.from({ length: SIZE }, (_, id) => ({ id, label: `row ${id}` }))

/** Replace one item, keeping every other item's identity: what an edit in a list does. */
export const edit = (list: Item[], index: number, label: string): Item[] => {
  const next = list.slice()
  next[index] = { ...list[index], label }
  return next
}

/** Mount 1,000 rows reading `slice(index)`; `write(index, label)` edits one item. Returns an updater that counts re-rendered rows. */
export function mountRows(slice: (index: number) => Readable<Item>, write: (index: number, label: string) => void) {
  const renders = { count: 0 }
  const target = document.createElement('div')
  document.body.append(target)
  mount(BenchRows, { target, props: { slice, size: SIZE, renders } })
  flushSync()
  let n = 0
  return (): number => {
    const before = renders.count
    n++
    write((n * 7919) % SIZE, `edit ${n}`)
    flushSync()
    return renders.count - before
  }
}
