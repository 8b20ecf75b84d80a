import { errorsUrl } from './deps'

/**
 * The message production builds throw in place of a development message: the function that refused the call, and a
 * code of docs/errors.md, which documents the development message, with the page's address (the core's `errorsUrl`).
 * Call sites write `isDev ? developmentMessage : productionMessage(fn, code)`, so bundlers drop the development text
 * from production.
 */
export const productionMessage = (fn: string, code: number): string => `${fn}: error vue-${code} (${errorsUrl}vue-${code})`
