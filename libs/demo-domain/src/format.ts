/** The currency of every price, total and payment in the demo. */
export const CURRENCY = 'EUR'

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: CURRENCY })

/**
 * An amount as the views show it, with its currency.
 * @example formatMoney(147) // "€147.00"
 */
export function formatMoney(amount: number): string {
  return money.format(amount)
}

/**
 * Milliseconds with one decimal, or `…` while still running.
 * @example formatDuration(12.345) // "12.3 ms"
 */
export function formatDuration(ms: number | undefined): string {
  return ms === undefined ? '…' : `${ms.toFixed(1)} ms`
}

const PAYLOAD_MAX = 80

/**
 * A payload as one short line of JSON (`—` for none), cut at 80 characters.
 * @example formatPayload({ productId: 'p1', quantity: 1 }) // '{"productId":"p1","quantity":1}'
 */
export function formatPayload(payload: unknown): string {
  if (payload === undefined) return '—'
  let text: string
  try {
    text = JSON.stringify(payload) ?? String(payload)
  } catch {
    text = String(payload)
  }
  return text.length > PAYLOAD_MAX ? `${text.slice(0, PAYLOAD_MAX - 1)}…` : text
}
