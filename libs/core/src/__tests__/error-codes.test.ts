// The production build's rewrite of a module (tools/error-codes.mjs): messages become codes, and the names the checks
// of shared/errors.ts would have put in those messages go too.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { productionCode, readCodes } from '../../../../tools/error-codes.mjs'

const source = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url))
const rewrite = (code: string, file = source('stores/example.ts')): string => productionCode(code, file, readCodes())

describe('the production rewrite of a module', () => {
  it('replaces each message with its code, and each literal naming a checked value with 0', () => {
    const file = source('stores/store.ts')
    const code = rewrite(readFileSync(file, 'utf8'), file)
    expect(code).toContain("assertFunction(fn, 0, equals)")
    expect(code).not.toContain("'options.equals'")
    expect(code).toContain(`throw argumentError(fn, ${readCodes().get('options.name must be a string, got ${describe(name)}')})`)
  })

  it('keeps a named value whose check reads it, and an argument whose evaluation could do something', () => {
    const code = [
      "assertShape(fn, 'options', value, KEYS, 'option', 'options')",
      'assertShape(fn, `options.${key}`, value)',
      'assertShape(fn, `options.${next()}`, value)',
      "assertRegister(fn, 'register')",
      "assertOneOf(fn, 'mode', value, ['a', 'b'])",
    ].join('\n')
    expect(rewrite(code).split('\n')).toEqual([
      // The noun parameters only build messages too.
      'assertShape(fn, 0, value, KEYS, 0, 0)',
      'assertShape(fn, 0, value)',
      'assertShape(fn, `options.${next()}`, value)',
      // `assertRegister(fn, value)` reads its second parameter: it is the value checked.
      "assertRegister(fn, 'register')",
      // The list of allowed values is read by the check itself.
      "assertOneOf(fn, 0, value, ['a', 'b'])",
    ])
  })

  it('leaves the signatures of shared/errors.ts as they are, and codes its messages', () => {
    const file = source('shared/errors.ts')
    const code = rewrite(readFileSync(file, 'utf8'), file)
    expect(code).toContain('export function assertFunction(fn: string, what: string, value: unknown): void')
    expect(code).not.toMatch(/argumentError\(fn, `/)
  })
})
