import { expect, test } from 'vitest'
import { batch, createComputedStore, createStore } from './index'
test('diamond', () => {
  const a = createStore(1)
  const b = createComputedStore([a], (x) => x * 2)
  const c = createComputedStore([a], (x) => x + 1)
  let runs = 0
  const d = createComputedStore([b, c], (x, y) => { runs++; return `${x}/${y}` })
  const seen: string[] = []
  d.subscribe((v) => seen.push(v))
  a.setValue(2)
  batch(() => { a.setValue(3); a.setValue(4) })
  expect(seen).toEqual(['2/2', '4/3', '8/5'])
  expect(runs).toBe(3)
})
