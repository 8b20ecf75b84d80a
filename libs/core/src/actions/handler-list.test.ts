import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { HandlerList } from './handler-list'
import { readHandlerConfig, Registration } from './handler-registration'

const op = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), priority: fc.integer({ min: -2, max: 2 }) }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('snapshot' as const) }),
)

describe('HandlerList', () => {
  it('orders by priority, then registration, whatever the mix of adds, removals and snapshots', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const list = new HandlerList()
        // The model: live handlers in registration order.
        const live: Registration[] = []
        const held: Array<{ order: readonly Registration[]; copy: Registration[] }> = []
        let n = 0
        for (const o of ops) {
          if (o.kind === 'add') {
            const id = `h${++n}`
            const registration = new Registration('go', () => {}, readHandlerConfig({ id, priority: o.priority }, () => id), { claimed: () => {} })
            list.add(registration, true)
            live.push(registration)
          } else if (o.kind === 'remove' && live.length > 0) {
            const [registration] = live.splice(o.at % live.length, 1)
            registration.active = false
            list.delete(registration)
          } else if (o.kind === 'snapshot') {
            const order = list.snapshot()
            held.push({ order, copy: [...order] })
          }
        }
        const expected = [...live].sort((a, b) => b.priority - a.priority)
        expect(list.snapshot()).toEqual(expected)
        expect(list.size).toBe(live.length)
        expect([...list.chosen.values()].sort((a, b) => a.id.localeCompare(b.id))).toEqual([...live].sort((a, b) => a.id.localeCompare(b.id)))
        // An order handed to a dispatch never changes afterwards.
        for (const { order, copy } of held) expect(order).toEqual(copy)
      }),
      { numRuns: 500 },
    )
  })
})
