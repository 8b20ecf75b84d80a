// Reading the coded errors of the production build against the development messages the tests expect.
import { readCodes } from '../../../../tools/error-codes.mjs'

const CODED = /error (\d+) \(https:\/\/\S+?docs\/errors\.md#e\d+\)/g
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The development message of each code as a pattern: its `${…}` parts match anything. */
const patterns = new Map<number, string>()
for (const [message, code] of readCodes() as Map<string, number>) {
  let pattern = ''
  let at = 0
  while (at < message.length) {
    if (message.startsWith('${', at)) {
      let depth = 1
      at += 2
      while (at < message.length && depth > 0) {
        if (message[at] === '{') depth++
        else if (message[at] === '}') depth--
        at++
      }
      pattern += '[\\s\\S]*?'
    } else {
      const char = message[at] === '\\' ? message[++at] : message[at]
      pattern += escape(char)
      at++
    }
  }
  patterns.set(code, pattern)
}

/**
 * Whether `development` (text a test expects) is what `production` (text with coded messages) reads in the development
 * build: the same text around each code, and there the development message of that code.
 */
export function sameMessage(production: string, development: string): boolean {
  const matches = [...production.matchAll(CODED)]
  if (matches.length === 0) return false
  let pattern = ''
  let at = 0
  for (const match of matches) {
    pattern += escape(production.slice(at, match.index)) + patterns.get(Number(match[1]))
    at = match.index + match[0].length
  }
  return new RegExp(`^${pattern}${escape(production.slice(at))}$`).test(development)
}

/** A coded error of the production build: `fn: error 12 (…/docs/errors.md#e12)`. */
export const isCoded = (error: unknown): boolean => error instanceof Error && /: error \d+ \(\S+docs\/errors\.md#e\d+\)$/.test(error.message)

/** Whether `text` could be part of the development message of the (first) code in `production`. */
export function partOfMessage(production: string, text: string): boolean {
  const match = production.match(new RegExp(CODED.source))
  return match !== null && new RegExp(patterns.get(Number(match[1]))!).test(text)
}
