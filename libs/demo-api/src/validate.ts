import { toCents } from './money'
import type { NewOrder, NewPayment, Settings, UserChanges } from './types'

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string }

const fail = (error: string): Parsed<never> => ({ ok: false, error })
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const has = (o: Record<string, unknown>, key: string) => Object.hasOwn(o, key) && o[key] !== undefined

const MAX_NAME_LENGTH = 100
// The longest address SMTP can carry (the RFC 5321 path limit less its angle brackets).
const MAX_EMAIL_LENGTH = 254
const MAX_AMOUNT = 1_000_000

/** The messages match what the demo's validation handler shows, so server and client agree. */
export function parseUserChanges(body: unknown): Parsed<UserChanges> {
  if (!isObject(body)) return fail('Expected a JSON object with name and/or email')
  const changes: UserChanges = {}
  // Each check applies to the trimmed value, which is the one stored.
  if (has(body, 'name')) {
    if (typeof body.name !== 'string') return fail('Name must be a string')
    const name = body.name.trim()
    if (name === '') return fail('Name cannot be empty')
    if (name.length > MAX_NAME_LENGTH) return fail(`Name must be at most ${MAX_NAME_LENGTH} characters`)
    changes.name = name
  }
  if (has(body, 'email')) {
    if (typeof body.email !== 'string') return fail('Email must be a string')
    const email = body.email.trim()
    if (!email.includes('@')) return fail('Email must contain @')
    if (email.length > MAX_EMAIL_LENGTH) return fail(`Email must be at most ${MAX_EMAIL_LENGTH} characters`)
    changes.email = email
  }
  if (changes.name === undefined && changes.email === undefined) return fail('Nothing to update: send name and/or email')
  return { ok: true, value: changes }
}

export function parseNewOrder(body: unknown): Parsed<NewOrder> {
  if (!isObject(body) || !Array.isArray(body.items)) return fail('Expected a JSON object with an items array')
  if (body.items.length === 0) return fail('An order needs at least one item')
  const items: NewOrder['items'] = []
  for (const [i, item] of body.items.entries()) {
    if (!isObject(item) || typeof item.productId !== 'string') return fail(`items[${i}].productId must be a string`)
    if (!Number.isInteger(item.quantity) || (item.quantity as number) < 1) return fail(`items[${i}].quantity must be a whole number ≥ 1`)
    items.push({ productId: item.productId, quantity: item.quantity as number })
  }
  if (has(body, 'userId') && typeof body.userId !== 'string') return fail('userId must be a string')
  return { ok: true, value: { items, userId: body.userId as string | undefined } }
}

export function parseNewPayment(body: unknown): Parsed<NewPayment> {
  if (!isObject(body)) return fail('Expected a JSON object with an amount')
  if (typeof body.amount !== 'number' || !Number.isFinite(body.amount) || body.amount <= 0) return fail('amount must be a number > 0')
  // Payments are stored in cents, so the rounded amount is the one to validate (1e-9 rounds to 0, 1e307 to Infinity).
  const amount = toCents(body.amount)
  if (amount < 0.01) return fail('amount must be at least 0.01 (amounts are rounded to cents)')
  if (!(amount <= MAX_AMOUNT)) return fail(`amount must be at most ${MAX_AMOUNT}`)
  if (has(body, 'orderId') && typeof body.orderId !== 'string') return fail('orderId must be a string')
  return { ok: true, value: { amount, orderId: body.orderId as string | undefined } }
}

export function parseSettings(body: unknown): Parsed<Partial<Settings>> {
  if (!isObject(body)) return fail('Expected a JSON object with latencyMs, failureRate and/or failPayments')
  const settings: Partial<Settings> = {}
  if (has(body, 'latencyMs')) {
    const v = body.latencyMs
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > 10_000) return fail('latencyMs must be a number from 0 to 10000')
    settings.latencyMs = v
  }
  if (has(body, 'failureRate')) {
    const v = body.failureRate
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) return fail('failureRate must be a number from 0 to 1')
    settings.failureRate = v
  }
  if (has(body, 'failPayments')) {
    if (typeof body.failPayments !== 'boolean') return fail('failPayments must be true or false')
    settings.failPayments = body.failPayments
  }
  return { ok: true, value: settings }
}
