/** Whether a `Content-Type` header names JSON: `application/json` in any case, with or without parameters. */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false
  return header.split(';')[0].trim().toLowerCase() === 'application/json'
}
