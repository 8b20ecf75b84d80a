/** A copy of `value` with the value at `path` replaced: every object on the path is copied, nothing is mutated. */
export function setIn(value: unknown, path: readonly string[], next: unknown): unknown {
  if (path.length === 0) return next
  const [key, ...rest] = path
  const copy: Record<string, unknown> = Array.isArray(value) ? [...value] as unknown as Record<string, unknown> : { ...(value as Record<string, unknown>) }
  copy[key] = setIn(copy[key], rest, next)
  return copy
}
