import type { Order, Payment, Product, Settings, User } from './types'

export interface DemoDb {
  users: Map<string, User>
  products: Map<string, Product>
  orders: Map<string, Order>
  payments: Map<string, Payment>
  settings: Settings
  /** Counter behind order and payment ids. */
  sequence: number
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({ latencyMs: 0, failureRate: 0, failPayments: false })

const USERS: Array<[string, string]> = [
  ['Ada Lovelace', 'ada@example.com'],
  ['Alan Turing', 'alan@example.com'],
  ['Grace Hopper', 'grace@example.com'],
  ['Edsger Dijkstra', 'edsger@example.com'],
  ['Barbara Liskov', 'barbara@example.com'],
  ['Donald Knuth', 'don@example.com'],
  ['Margaret Hamilton', 'margaret@example.com'],
  ['Ken Thompson', 'ken@example.com'],
]

const PRODUCTS: Array<[string, number, number]> = [
  ['Mechanical keyboard', 89, 5],
  ['Wireless mouse', 29, 10],
  ['27" monitor', 249, 3],
  ['USB-C hub', 39, 8],
  ['Laptop stand', 45, 4],
  ['Noise-cancelling headphones', 199, 2],
]

/** A fresh in-memory database holding the seed data. */
export function createDb(settings: Partial<Settings> = {}): DemoDb {
  return {
    users: new Map(USERS.map(([name, email], i) => [`u${i + 1}`, { id: `u${i + 1}`, name, email, updatedAt: 0 }])),
    products: new Map(PRODUCTS.map(([name, price, stock], i) => [`p${i + 1}`, { id: `p${i + 1}`, name, price, stock }])),
    orders: new Map(),
    payments: new Map(),
    settings: { ...DEFAULT_SETTINGS, ...settings },
    sequence: 0,
  }
}
