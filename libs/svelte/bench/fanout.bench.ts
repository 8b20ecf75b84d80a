import { createStore } from '@context-action/core'
import { createAtom } from '@tanstack/store'
import { atom, computed } from 'nanostores'
import { derived, writable, type Readable } from 'svelte/store'
import { bench, describe } from 'vitest'
import { select } from '../src/select.js'
import { edit, initialItems, mountRows, type Item } from './rows'

const ours = createStore(initialItems())
const plain = writable(initialItems())
const nano = atom(initialItems())
const tan = createAtom(initialItems())

// TanStack atoms do not call a new subscriber at once, which Svelte's store contract requires.
const readableAtom = <T>(source: { get(): T; subscribe(fn: (value: T) => void): { unsubscribe(): void } }): Readable<T> => ({
  subscribe(run) {
    run(source.get())
    const subscription = source.subscribe(run)
    return () => subscription.unsubscribe()
  },
})

const variants: Array<[string, () => number]> = [
  ['context-action select', mountRows((i) => select(ours, (list) => list[i]), (i, label) => ours.update((list) => edit(list, i, label)))],
  ['svelte/store writable + derived', mountRows((i) => derived(plain, (list) => list[i]), (i, label) => plain.update((list) => edit(list, i, label)))],
  ['nanostores atom + computed', mountRows((i) => computed(nano, (list) => list[i]), (i, label) => nano.set(edit(nano.get(), i, label)))],
  ['@tanstack/store atom + derived atom', mountRows((i) => readableAtom(createAtom(() => tan.get()[i])), (i, label) => tan.set((list: Item[]) => edit(list, i, label)))],
]

// Rows re-rendered per edit, reported next to the timings; ours must re-render exactly the edited row.
const rerendered = variants.map(([name, update]) => [name, update()] as const)
if (rerendered[0][1] !== 1) throw new Error(`select fan-out re-rendered ${rerendered[0][1]} rows for one edit, expected 1`)
process.stdout.write(`rows re-rendered per edit: ${rerendered.map(([name, rows]) => `${name}: ${rows}`).join(', ')}\n`)

describe('1,000-row fan-out: edit one item, then flushSync()', () => {
  for (const [name, update] of variants) bench(name, () => void update(), { time: 2000, warmupTime: 300 })
})
