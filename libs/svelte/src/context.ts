import { createContext, hasContext } from './deps.js'
import { badContextName, missingProvider, outsideComponent } from './errors.js'

/** Svelte's `hasContext` throws only outside a component's initialisation: that is the one case this turns into our error. */
export function inComponent(fn: string): void {
  try {
    // Any key will do (none is ever set under this one): only whether Svelte lets us ask matters.
    hasContext(inComponent)
  } catch (cause) {
    throw outsideComponent(fn, cause)
  }
}

/**
 * One Svelte context (`createContext`) whose errors name the helper the user called and the context; `fn`, the function
 * creating it, is named if `name` is not a non-empty string.
 */
export function defineContext<V>(fn: string, name: string) {
  if (!name || typeof name !== 'string') throw badContextName(fn, name)
  const [get, set] = createContext<V>()
  return {
    /** The value the nearest provider set, or a clear error: outside a component, or no provider above. */
    read(fn: string): V {
      try {
        return get()
      } catch {
        inComponent(`${name}.${fn}`)
        throw missingProvider(fn, name)
      }
    },
    /** Set `make()` for the calling component's children; checked first, so nothing is made for a call that cannot set it. */
    write(fn: string, make: () => V): V {
      inComponent(fn)
      return set(make())
    },
  }
}
