import { describe, expect, it } from 'vitest'
import { ActionRegister } from '../actions/action-register'
import { argumentError, assertDelay, assertOptions, assertRegister, describe as describeValue, stateError } from './errors'

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

  it('keeps a string of 40 characters whole, and describes an object whose prototype has no constructor', () => {
    expect(describeValue('x'.repeat(40))).toBe(`"${'x'.repeat(40)}"`)
    expect(describeValue(Object.create(Object.create(null)))).toBe('an object')
  })

  it('prefixes messages with the function name', () => {
    expect(argumentError('createStore', 'bad')).toBeInstanceOf(TypeError)
    expect(argumentError('createStore', 'bad').message).toBe('createStore: bad')
    expect(stateError('dispatch', 'disposed').message).toBe('dispatch: disposed')
  })

  it('codes a problem given as a number (the production build) as a short message linking its text in docs/errors.md', () => {
    const error = argumentError('createStore', 7)
    expect(error).toBeInstanceOf(TypeError)
    expect(error.message).toBe('createStore: error 7 (https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#e7)')
    expect(stateError('dispatch', 12).message).toBe('dispatch: error 12 (https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#e12)')
  })

  it('accepts options that are undefined or an object, and refuses null, arrays and other values', () => {
    expect(() => assertOptions('f', undefined)).not.toThrow()
    expect(() => assertOptions('f', {})).not.toThrow()
    expect(() => assertOptions('f', null)).toThrow('f: options must be an object, got null')
    expect(() => assertOptions('f', [])).toThrow('f: options must be an object, got an array (length 0)')
    expect(() => assertOptions('f', 'x')).toThrow('f: options must be an object, got "x"')
  })

  it('accepts an ActionRegister (or anything with register and dispatch functions) and refuses anything else', () => {
    expect(() => assertRegister('useThing', new ActionRegister())).not.toThrow()
    expect(() => assertRegister('useThing', { register: () => {}, dispatch: () => {} })).not.toThrow()
    for (const value of [null, undefined, {}, { register: () => {} }, { dispatch: () => {} }, { register: 1, dispatch: () => {} }]) {
      expect(() => assertRegister('useThing', value)).toThrow(/^useThing: expected an ActionRegister, got /)
    }
    expect(() => assertRegister('useThing', null)).toThrow(/^useThing: expected an ActionRegister, got null$/)
    expect(() => assertRegister('useThing', 5)).toThrow(TypeError)
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
