/**
 * A copy of `value` in which `change` is applied to a copy of the object holding the last key of `path` (non-empty):
 * every object on the path is copied, nothing is mutated.
 */
function changeIn(value: unknown, path: readonly string[], change: (holder: Record<string, unknown>, key: string) => void): unknown {
  const [key, ...rest] = path
  const copy: Record<string, unknown> = Array.isArray(value) ? [...value] as unknown as Record<string, unknown> : { ...(value as Record<string, unknown>) }
  if (rest.length === 0) change(copy, key)
  else copy[key] = changeIn(copy[key], rest, change)
  return copy
}

/** A copy of `value` with the value at `path` replaced: every object on the path is copied, nothing is mutated. */
export function setIn(value: unknown, path: readonly string[], next: unknown): unknown {
  if (path.length === 0) return next
  return changeIn(value, path, (holder, key) => {
    holder[key] = next
  })
}

/** Deletes `key` from `holder` (a copy); an array element is spliced out, not left as a hole. */
function drop(holder: Record<string, unknown>, key: string): void {
  if (Array.isArray(holder)) holder.splice(Number(key), 1)
  else delete holder[key]
}

/** A copy of `value` without the entry at `path` (non-empty). */
export function removeIn(value: unknown, path: readonly string[]): unknown {
  return changeIn(value, path, drop)
}

/** A copy of `value` whose entry at `path` (non-empty) is now `next` under `newKey`, as Vue devtools renames a key. */
export function renameIn(value: unknown, path: readonly string[], newKey: string, next: unknown): unknown {
  return changeIn(value, path, (holder, key) => {
    drop(holder, key)
    holder[newKey] = next
  })
}
