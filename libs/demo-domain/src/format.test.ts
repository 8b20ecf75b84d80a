import { describe, expect, it } from 'vitest'
import { formatDuration, formatMoney, formatPayload } from './format'

describe('format', () => {
  it('shows amounts with their currency, durations with one decimal, payloads as short JSON', () => {
    expect([formatMoney(147), formatMoney(0.5), formatMoney(1299.9)]).toEqual(['€147.00', '€0.50', '€1,299.90'])
    expect([formatDuration(undefined), formatDuration(0), formatDuration(12.345)]).toEqual(['…', '0.0 ms', '12.3 ms'])
    const circular: Record<string, unknown> = {}
    circular.self = circular
    expect([formatPayload(undefined), formatPayload({ productId: 'p1', quantity: 1 }), formatPayload(3), formatPayload(circular)]).toEqual([
      '—',
      '{"productId":"p1","quantity":1}',
      '3',
      '[object Object]',
    ])
    const long = formatPayload({ name: 'x'.repeat(200) })
    expect([long.length, long.endsWith('…')]).toEqual([80, true])
  })
})
