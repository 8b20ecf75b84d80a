// The production run of the suite (vitest.config.ts): errors carry a code instead of their development message, so
// `toThrow(text)` asserts the text only where the error has it; a coded error of the core passes in its place (the
// development run asserts the text). Everything else about the error (thrown or not, its class) is still asserted.
import { expect } from 'vitest'
import { isCoded, sameMessage } from './production-messages'

// toEqual, toMatchObject and the like: a coded message equals the development message of its code.
expect.addEqualityTesters([
  (a: unknown, b: unknown) => {
    if (typeof a === 'string' && typeof b === 'string') return sameMessage(a, b) || sameMessage(b, a) || a === b
    if (a instanceof Error && b instanceof Error && a.constructor === b.constructor) {
      return a.message === b.message || sameMessage(a.message, b.message) || sameMessage(b.message, a.message)
    }
    return undefined
  },
])

function matches(thrown: unknown, expected: unknown, equals: (a: unknown, b: unknown) => boolean): boolean {
  const text = thrown instanceof Error ? thrown.message : String(thrown)
  if (expected === undefined) return true
  if (typeof expected === 'string') return text.includes(expected) || isCoded(thrown)
  if (expected instanceof RegExp) return expected.test(text) || isCoded(thrown)
  if (typeof expected === 'function') return thrown instanceof expected
  if (expected instanceof Error) return (text === expected.message || isCoded(thrown)) && (isCoded(thrown) ? thrown!.constructor === expected.constructor : true)
  if (typeof (expected as { asymmetricMatch?: unknown }).asymmetricMatch === 'function') return equals(thrown, expected)
  return equals(thrown, expected)
}

function toThrowInProduction(this: { isNot: boolean; promise: string; equals: (a: unknown, b: unknown) => boolean }, received: unknown, expected?: unknown) {
  let threw = false
  let thrown: unknown
  if (this.promise === 'rejects') {
    threw = true
    thrown = received
  } else if (typeof received === 'function') {
    try {
      received()
    } catch (error) {
      threw = true
      thrown = error
    }
  } else throw new TypeError('toThrow (production run): expected a function or .rejects')
  const pass = threw && matches(thrown, expected, this.equals)
  return {
    pass,
    message: () => `expected ${threw ? `the error ${String(thrown)}` : 'the call to throw'}${this.isNot ? ' not' : ''} to match ${String(expected)}`,
  }
}

expect.extend({ toThrow: toThrowInProduction, toThrowError: toThrowInProduction })
