/** The text to show a user for a failed call (ApiError messages are already user-facing). */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

export function isAbort(error: unknown): boolean {
  return error instanceof Error && error.name === 'AbortError'
}
