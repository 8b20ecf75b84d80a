// The floor every case is measured against: a value, a listener array, and nothing else.
export function minimalStore(value) {
  const listeners = []
  return {
    get: () => value,
    set(next) {
      if (Object.is(next, value)) return
      value = next
      for (let i = 0; i < listeners.length; i++) listeners[i](value)
    },
    listen(fn) {
      listeners.push(fn)
      return () => {
        const i = listeners.indexOf(fn)
        if (i !== -1) listeners.splice(i, 1)
      }
    },
  }
}
