import { describe, expect, it } from 'vitest'
import { argumentError, assertDelay, describe as describeValue, stateError } from './errors'

describe('errors', () => {
  it('describes values briefly for messages', () => {
    expect([null, undefined, 'x', 3, true, [1, 2], {}, new Map(), new AbortController(), () => 1, function named() {}].map(describeValue)).toEqual([
      'null',
      'undefined',
      '"x"',
      '3',
      'true',
      'an array (length 2)',
      'an object',
      'a Map',
      'an AbortController',
      'a function',
      'a function (named)',
    ])
  })

  it('describes symbols, bigints, long strings and objects without a usable constructor', () => {
    expect([Symbol('id'), 10n, -0, 'x'.repeat(45), Object.create(null), new (class Item {})()].map(describeValue)).toEqual([
      'Symbol(id)',
      '10',
      '0',
      `"${'x'.repeat(40)}…"`,
      'an object',
      'an Item',
    ])
  })

  it('prefixes messages with the function name', () => {
    expect(argumentError('createStore', 'bad')).toBeInstanceOf(TypeError)
    expect(argumentError('createStore', 'bad').message).toBe('createStore: bad')
    expect(stateError('dispatch', 'disposed').message).toBe('dispatch: disposed')
  })

  it('rejects delays that are not finite non-negative numbers', () => {
    expect(() => assertDelay('f', 'debounce', -1)).toThrow('f: debounce must be a finite number of milliseconds ≥ 0, got -1')
    expect(() => assertDelay('f', 'debounce', NaN)).toThrow('got NaN')
    expect(() => assertDelay('f', 'debounce', Infinity)).toThrow('got Infinity')
    expect(() => assertDelay('f', 'debounce', '5')).toThrow('got "5"')
    expect(() => assertDelay('f', 'debounce', undefined)).not.toThrow()
    expect(() => assertDelay('f', 'debounce', 0)).not.toThrow()
    expect(() => assertDelay('f', 'debounce', 5)).not.toThrow()
  })
})
