import { describe, expect, it, vi } from 'vitest'
import { batch } from './batch'
import { createComputedStore } from './computed'
import { shallowEqual } from './equality'
import { assertStore, createStore, isStore, isWritableStore } from './store'

describe('createStore', () => {
  it('returns the value by reference and replaces it on setValue', () => {
    const initial = { id: '1', name: 'Ada' }
    const user = createStore(initial)
    expect(user.getValue()).toBe(initial)
    const next = { id: '1', name: 'Grace' }
    user.setValue(next)
    expect(user.getValue()).toBe(next)
  })

  it('accepts the upstream shape createStore(name, initial)', () => {
    const user = createStore('user', { id: '' })
    expect(user.name).toBe('user')
    expect(user.getValue()).toEqual({ id: '' })
    expect(createStore(0, { name: 'count' }).name).toBe('count')
    expect(createStore(0).name).toMatch(/^store\d+$/)
  })

  it('subscribe follows the Svelte store contract: immediate call, then every change', () => {
    const count = createStore(1)
    const seen: number[] = []
    const off = count.subscribe((v) => seen.push(v))
    count.setValue(2)
    count.update((v) => v + 1)
    off()
    count.setValue(10)
    expect(seen).toEqual([1, 2, 3])
  })

  it('listen reports changes only, with the previous value', () => {
    const count = createStore(1)
    const seen: Array<[number, number]> = []
    count.listen((v, prev) => seen.push([v, prev]))
    count.setValue(1)
    count.setValue(2)
    count.setValue(5)
    expect(seen).toEqual([
      [2, 1],
      [5, 2],
    ])
  })

  it('reports the right previous value to a listener added after unobserved writes', () => {
    const count = createStore(1)
    count.setValue(2)
    const seen: Array<[number, number]> = []
    count.listen((v, prev) => seen.push([v, prev]))
    count.setValue(3)
    expect(seen).toEqual([[3, 2]])
  })

  it('skips writes that equal the current value under the store equality', () => {
    const point = createStore({ x: 1, y: 1 }, { equals: shallowEqual })
    const seen: unknown[] = []
    point.listen((v) => seen.push(v))
    point.setValue({ x: 1, y: 1 })
    point.setValue({ x: 2, y: 1 })
    expect(seen).toEqual([{ x: 2, y: 1 }])
  })

  it('methods are safe to destructure', () => {
    const { getValue, setValue, update, set, subscribe } = createStore(1)
    const seen: number[] = []
    subscribe((v) => seen.push(v))
    setValue(2)
    set(3)
    update((v) => v * 10)
    expect(getValue()).toBe(30)
    expect(seen).toEqual([1, 2, 3, 30])
  })

  it('runs every listener when one throws, then re-throws the first error', () => {
    const count = createStore(0)
    const seen: string[] = []
    count.listen(() => {
      seen.push('a')
      throw new Error('first')
    })
    count.listen(() => {
      seen.push('b')
      throw new Error('second')
    })
    count.listen(() => seen.push('c'))
    expect(() => count.setValue(1)).toThrow('first')
    expect(seen).toEqual(['a', 'b', 'c'])
    expect(count.getValue()).toBe(1)
    expect(() => count.setValue(2)).toThrow('first')
    expect(seen).toEqual(['a', 'b', 'c', 'a', 'b', 'c'])
  })

  it('is safe to unsubscribe others and oneself during a notification', () => {
    const count = createStore(0)
    const seen: string[] = []
    const offs: Array<() => void> = []
    offs.push(count.listen(() => (seen.push('a'), offs[0](), offs[1]())))
    offs.push(count.listen(() => seen.push('b')))
    offs.push(count.listen(() => seen.push('c')))
    count.setValue(1)
    count.setValue(2)
    expect(seen).toEqual(['a', 'c', 'c'])
    expect(count.getListenerCount()).toBe(1)
  })

  it('does not call a listener added during a notification for that same change', () => {
    const count = createStore(0)
    const seen: string[] = []
    count.listen((v) => {
      seen.push(`a${v}`)
      if (v === 1) count.listen((w) => seen.push(`late${w}`))
    })
    count.setValue(1)
    count.setValue(2)
    expect(seen).toEqual(['a1', 'a2', 'late2'])
  })

  it('applies update() synchronously inside a listener and notifies in order', () => {
    const count = createStore(0)
    const seen: number[] = []
    count.listen((v) => {
      seen.push(v)
      if (v < 3) {
        count.update((x) => x + 1)
        seen.push(count.getValue() * 100)
      }
    })
    count.setValue(1)
    expect(seen).toEqual([1, 200, 2, 300, 3])
  })

  it('counts listeners and releases them idempotently', () => {
    const count = createStore(0)
    const a = count.subscribe(() => {})
    const b = count.listen(() => {})
    expect(count.getListenerCount()).toBe(2)
    a()
    a()
    expect(count.getListenerCount()).toBe(1)
    b()
    expect(count.getListenerCount()).toBe(0)
  })

  it('unsubscribes when the first run of subscribe throws', () => {
    const count = createStore(0)
    expect(() =>
      count.subscribe(() => {
        throw new Error('boom')
      }),
    ).toThrow('boom')
    expect(count.getListenerCount()).toBe(0)
  })

  it('isStore recognises stores only', () => {
    expect(isStore(createStore(1))).toBe(true)
    expect(isStore({ getValue: () => 1, subscribe: () => () => {} })).toBe(false)
    expect(isStore(null)).toBe(false)
  })

  it('isWritableStore tells the stores of createStore from computed stores and look-alikes', () => {
    const count = createStore(1)
    const doubled = createComputedStore([count], (c) => c * 2)
    const lookAlike = { getValue: () => 1, subscribe: () => () => {}, set: () => {} }
    expect([count, doubled, lookAlike, null].map((value) => isWritableStore(value))).toEqual([true, false, false, false])
  })

  it('assertStore accepts stores and computed stores, and refuses anything else naming the caller', () => {
    const count = createStore(1)
    expect(() => assertStore('useThing', count)).not.toThrow()
    expect(() => assertStore('useThing', createComputedStore([count], (c) => c))).not.toThrow()
    expect(() => assertStore('useThing', { getValue: () => 1, subscribe: () => () => {} })).toThrow(
      /^useThing: expected a store \(from createStore or createComputedStore\), got an object$/,
    )
    expect(() => assertStore('useThing', undefined)).toThrow(TypeError)
  })

  it('names an unnamed store store<n>, from the first store created on', async () => {
    vi.resetModules()
    const fresh = await import('./store')
    expect(fresh.createStore(0).name).toMatch(/^store[1-9]\d*$/)
    expect(fresh.createStore(0).name).toMatch(/^store[1-9]\d*$/)
  })

  it('keeps a writable usable from inside batch and after', () => {
    const a = createStore(1)
    const seen: number[] = []
    a.listen((v) => seen.push(v))
    batch(() => {
      a.setValue(2)
      expect(a.getValue()).toBe(2)
    })
    expect(seen).toEqual([2])
  })

  it('a throwing listener does not stop computed stores below from hearing the change (outside a batch)', () => {
    const count = createStore(1)
    const double = createComputedStore([count], (c) => c * 2)
    const seen: unknown[] = []
    count.listen(() => {
      throw new Error('listener failed')
    })
    count.listen((v) => seen.push(`count ${v}`))
    double.listen((v, previous) => seen.push(`double ${v} ${previous}`))
    expect(() => count.setValue(2)).toThrow('listener failed')
    expect(() => count.setValue(3)).toThrow('listener failed')
    expect(seen).toEqual(['count 2', 'double 4 2', 'count 3', 'double 6 4'])
  })

  it('a throwing listener of a computed store does not stop its siblings from hearing the change', () => {
    const count = createStore(1)
    const first = createComputedStore([count], (c) => c + 1)
    const second = createComputedStore([count], (c) => c + 2)
    const seen: number[] = []
    first.listen(() => {
      throw new Error('first failed')
    })
    second.listen((v) => seen.push(v))
    expect(() => count.setValue(2)).toThrow('first failed')
    expect(seen).toEqual([4])
  })

  it('stops a listener that writes its own store without end, naming the store', () => {
    const count = createStore(0, { name: 'count' })
    count.listen((v) => count.setValue(v + 1))
    expect(() => count.setValue(1)).toThrow(/^count\.setValue: maximum recursive updates exceeded/)
    // A loop that ends is not one: 50,000 rounds are fine.
    const countdown = createStore(0)
    countdown.listen((v) => v > 0 && countdown.setValue(v - 1))
    countdown.setValue(50_000)
    expect(countdown.getValue()).toBe(0)
  })

  it('set with the current array or plain object (changed in place, as Svelte writes $store.field = v) stores a shallow copy and notifies', () => {
    const original = { name: 'Ada', tags: ['x'] }
    const user = createStore(original)
    const name = createComputedStore([user], (u) => u.name)
    const seen: Array<[unknown, unknown]> = []
    user.listen((value, previous) => seen.push([value, previous]))
    name.listen(() => {})
    original.name = 'Grace'
    user.set(original)
    const stored = user.getValue()
    expect(stored).not.toBe(original)
    expect(stored).toEqual({ name: 'Grace', tags: ['x'] })
    // Shallow: the fields are the same references.
    expect(stored.tags).toBe(original.tags)
    expect(seen).toEqual([[stored, original]])
    expect(name.getValue()).toBe('Grace')

    const list = createStore([1, 2])
    const lists: number[][] = []
    list.listen((value) => lists.push(value))
    const array = list.getValue()
    array.push(3)
    list.set(array)
    expect(lists).toEqual([[1, 2, 3]])
    expect(list.getValue()).not.toBe(array)
  })

  it('set with the current value copies nothing else: setValue and primitives stay unchanged writes', () => {
    const original = { n: 1 }
    const plain = createStore(original)
    const count = createStore(1)
    const calls = vi.fn()
    for (const store of [plain, count]) store.listen(calls)
    plain.setValue(original)
    count.set(1)
    expect(calls).not.toHaveBeenCalled()
    expect(plain.getValue()).toBe(original)
    // A different object is stored as it is, not copied.
    const next = { n: 2 }
    plain.set(next)
    expect(plain.getValue()).toBe(next)
  })

  it('set with the current object that cannot be copied (a class instance, a Map, a Date) notifies with it as both value and previous, as Svelte\'s writable does', () => {
    class Todo {
      title = 'a'
    }
    const todo = new Todo()
    const store = createStore(todo)
    const title = createComputedStore([store], (t) => t.title)
    const seen: Array<[unknown, unknown]> = []
    store.listen((value, previous) => seen.push([value, previous]))
    const titles: string[] = []
    title.listen((value) => titles.push(value))
    // What Svelte compiles `bind:value={$todo.title}` to.
    todo.title = 'b'
    store.set(todo)
    expect(store.getValue()).toBe(todo)
    expect(seen).toEqual([[todo, todo]])
    expect(titles).toEqual(['b'])

    // In a batch: told once, when it ends.
    batch(() => {
      todo.title = 'c'
      store.set(todo)
      todo.title = 'd'
      store.set(todo)
      expect(seen).toHaveLength(1)
    })
    expect(seen).toEqual([[todo, todo], [todo, todo]])
    expect(titles).toEqual(['b', 'd'])

    // `setValue` and `update` keep comparing: the same object is no change for them.
    store.setValue(todo)
    store.update((t) => t)
    expect(seen).toHaveLength(2)

    const map = new Map([['k', 1]])
    const maps = createStore(map)
    const when = new Date(0)
    const date = createStore(when)
    const calls = vi.fn()
    maps.listen(calls)
    date.listen(calls)
    map.set('k', 2)
    maps.set(map)
    when.setTime(1)
    date.set(when)
    expect(calls.mock.calls).toEqual([[map, map], [when, when]])
  })

  it('an in-place set made while nobody listened is not owed to a listener that joins later', () => {
    class Todo {
      title = 'a'
    }
    const todo = new Todo()
    const store = createStore(todo)
    store.set(todo)
    const seen = vi.fn()
    store.listen(seen)
    // Back to the value the listener joined at: no change for it.
    batch(() => {
      store.setValue(new Todo())
      store.setValue(todo)
    })
    expect(seen).not.toHaveBeenCalled()
  })

  it('set with the current plain object is a change whatever the store\'s equals (a shallowEqual store used to drop it)', () => {
    const original = { name: 'Ada' }
    const user = createStore(original, { equals: shallowEqual })
    const seen = vi.fn()
    user.listen(seen)
    original.name = 'Grace'
    user.set(original)
    expect(user.getValue()).toEqual({ name: 'Grace' })
    expect(user.getValue()).not.toBe(original)
    expect(seen).toHaveBeenCalledTimes(1)
    // A copy equal under `equals` is still no change for setValue.
    user.setValue({ name: 'Grace' })
    expect(seen).toHaveBeenCalledTimes(1)
  })

})

describe('createStore bad input', () => {
  it.each([
    [() => (createStore as () => unknown)(), 'createStore: missing the initial value'],
    [() => createStore(1, { equals: 3 as never }), 'createStore: options.equals must be a function, got 3'],
    [() => createStore(1, 'x' as never), 'createStore: options must be an object, got "x"'],
    [() => createStore(1, { name: 5 as never }), 'createStore: options.name must be a string, got 5'],
    [() => createStore('', 1), 'createStore: the name must not be empty'],
    [() => createStore(1).subscribe(5 as never), '.subscribe: expected a function, got 5'],
    [() => createStore(1).listen(undefined as never), '.listen: expected a function, got undefined'],
    [() => createStore(1).update(2 as never), '.update: expected an updater function, got 2'],
  ])('%#: names the function and the problem', (call, message) => {
    expect(call).toThrow(message)
  })

  it('leaves the value unchanged when an updater throws', () => {
    const count = createStore(1)
    expect(() =>
      count.update(() => {
        throw new Error('nope')
      }),
    ).toThrow('nope')
    expect(count.getValue()).toBe(1)
  })
})
