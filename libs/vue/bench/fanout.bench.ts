import { createStore as createCoreStore } from '@context-action/core'
import { useStore as useNanoStore } from '@nanostores/vue'
import { atom, computed as nanoComputed } from 'nanostores'
import { createPinia, defineStore } from 'pinia'
import { bench, describe } from 'vitest'
import { computed, createApp, defineComponent, h, nextTick, type Component } from 'vue'
import { useStoreValue } from '@context-action/vue'

// 1,000 mounted rows, each reading its own item; one timed step = change one item + flush Vue's scheduler.
const ROWS = 1000
interface Item {
  id: number
  label: string
}
const initial = (): Item[] => Array.from({ length: ROWS }, (_, id) => ({ id, label: `item ${id}` }))

function mountRows(row: Component, setupApp?: (app: ReturnType<typeof createApp>) => void) {
  const app = createApp({ render: () => h('ul', Array.from({ length: ROWS }, (_, index) => h(row, { key: index, index }))) })
  setupApp?.(app)
  app.mount(document.body.appendChild(document.createElement('div')))
}

function counted(name: string, useItem: (index: number) => { value: Item }) {
  const renders = { count: 0 }
  const row = defineComponent({
    name,
    props: { index: { type: Number, required: true } },
    setup(props) {
      const item = useItem(props.index)
      return () => (renders.count++, h('li', item.value.label))
    },
  })
  return { row, renders }
}

/** Time one update + flush; with `strict`, throw unless exactly one row re-rendered. */
function step(renders: { count: number }, update: (index: number, label: string) => void, strict: boolean) {
  let n = 0
  return async () => {
    const index = n++ % ROWS
    const before = renders.count
    update(index, `changed ${n}`)
    await nextTick()
    if (strict && renders.count - before !== 1) throw new Error(`fan-out: expected 1 row to re-render, got ${renders.count - before}`)
  }
}

// @context-action/vue
const items = createCoreStore(initial())
const ours = counted('OursRow', (index) => useStoreValue(items, (list) => list[index]))
mountRows(ours.row)
/** Immutable update shared by the two immutable stores: copy the list, replace one item. */
const replace = (list: Item[], index: number, label: string): Item[] => {
  const next = list.slice()
  next[index] = { ...list[index], label }
  return next
}
const updateOurs = (index: number, label: string) => items.update((list) => replace(list, index, label))

// Pinia: the items array in state, each row a computed over its item; updates replace one element in place.
const useItems = defineStore('items', { state: () => ({ items: initial() }) })
const pinia = createPinia()
const piniaRows = counted('PiniaRow', (index) => {
  const store = useItems()
  return computed(() => store.items[index])
})
mountRows(piniaRows.row, (app) => app.use(pinia))
const piniaStore = useItems(pinia)
const updatePinia = (index: number, label: string) => {
  piniaStore.items[index] = { ...piniaStore.items[index], label }
}

// @nanostores/vue: one atom with the items, each row useStore over a computed of its item.
const $items = atom(initial())
const nanoRows = counted('NanoRow', (index) => useNanoStore(nanoComputed($items, (list) => list[index])))
mountRows(nanoRows.row)
const updateNano = (index: number, label: string) => $items.set(replace($items.get(), index, label))

// Same UI check before timing: one update re-renders exactly one row in every variant.
for (const [name, renders, update] of [
  ['ours', ours.renders, updateOurs],
  ['pinia', piniaRows.renders, updatePinia],
  ['nanostores', nanoRows.renders, updateNano],
] as const) {
  await step(renders, update, true)().catch((e: Error) => {
    throw new Error(`${name}: ${e.message}`)
  })
}

describe('Vue: 1,000-row fan-out, update one item and flush', () => {
  const options = { time: 2000, warmupTime: 300 }
  bench('@context-action/vue useStoreValue(store, selector)', step(ours.renders, updateOurs, true), options)
  bench('pinia (computed per row)', step(piniaRows.renders, updatePinia, false), options)
  bench('@nanostores/vue (computed per row)', step(nanoRows.renders, updateNano, false), options)
})
