import * as core from '@context-action/core'
import { describe, expect, it } from 'vitest'
import { cases, countErrors, countRuns } from './cases.mjs'

// The benchmark's count checks against the core source, without timing: `npm run bench` repeats them on the bundle.
describe('benchmark cases: what one run of ours does', () => {
  for (const kase of cases) {
    it(`${kase.id}: ${JSON.stringify(kase.expect)}`, async () => {
      const got = await countRuns(kase.impls.ours({ core }), 5)
      expect(countErrors(kase, got)).toEqual([])
    })
  }

  it('disposing 10,000 subscriptions in a shuffled order leaves no listener', () => {
    const store = core.createStore(0)
    const offs = Array.from({ length: 10_000 }, () => store.listen(() => {}))
    for (let i = offs.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1)
      ;[offs[i], offs[j]] = [offs[j], offs[i]]
    }
    for (const off of offs) off()
    expect(store.getListenerCount()).toBe(0)
  })
})
