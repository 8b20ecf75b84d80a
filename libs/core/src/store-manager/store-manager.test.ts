import { describe, expect, it } from 'vitest'
import { createStoreManager } from './store-manager'

describe('createStoreManager', () => {
  it('creates one named store per definition, with its equality', () => {
    const manager = createStoreManager('App', {
      count: { initialValue: 0 },
      user: { initialValue: { name: 'Ada' }, equals: (a, b) => a.name === b.name },
    })
    expect(manager.keys).toEqual(['count', 'user'])
    expect(manager.getStore('count').name).toBe('App.count')
    const seen: string[] = []
    manager.getStore('user').listen((u) => seen.push(u.name))
    manager.getStore('user').setValue({ name: 'Ada' })
    manager.getStore('user').setValue({ name: 'Grace' })
    expect(seen).toEqual(['Grace'])
  })

  it('keeps a plain value with an initialValue key as data when wrapped (upstream S8)', () => {
    const manager = createStoreManager('Forms', { field: { initialValue: { initialValue: 'x', label: 'Name' } } })
    expect(manager.getStore('field').getValue()).toEqual({ initialValue: 'x', label: 'Name' })
  })

  it('resets in place, all stores in one batch, never swapping instances (upstream S9)', () => {
    const manager = createStoreManager('App', { a: { initialValue: 1 }, b: { initialValue: 2 } })
    const a = manager.getStore('a')
    const b = manager.getStore('b')
    a.setValue(10)
    b.setValue(20)
    const seen: string[] = []
    a.listen(() => seen.push(`a sees b=${b.getValue()}`))
    manager.resetAll()
    expect(manager.getStore('a')).toBe(a)
    expect([a.getValue(), b.getValue()]).toEqual([1, 2])
    expect(seen).toEqual(['a sees b=2'])
    a.setValue(5)
    manager.reset('a')
    expect(a.getValue()).toBe(1)
  })

  it('rejects bad definitions and unknown keys with clear errors', () => {
    expect(() => createStoreManager('App', null as never)).toThrow('createStoreManager: definitions must be an object like { user: { initialValue: … } }, got null')
    expect(() => createStoreManager('App', { user: 'Ada' } as never)).toThrow(
      'createStoreManager: definition "user" must be an object with an initialValue, e.g. { user: { initialValue: … } }, got "Ada"',
    )
    expect(() => createStoreManager('App', { n: { initialValue: 1, equals: 2 } } as never)).toThrow('definition "n".equals must be a function, got 2')
    expect(() => createStoreManager('App', 5 as never)).toThrow('createStoreManager: definitions must be an object like { user: { initialValue: … } }, got 5')
    expect(() => createStoreManager('App', 'ab' as never)).toThrow('createStoreManager: definitions must be an object like { user: { initialValue: … } }, got "ab"')
    expect(() => createStoreManager('App', { user: null } as never)).toThrow(
      'createStoreManager: definition "user" must be an object with an initialValue, e.g. { user: { initialValue: … } }, got null',
    )
    const manager = createStoreManager('App', { count: { initialValue: 0 }, user: { initialValue: 'Ada' } })
    expect(() => manager.getStore('nope' as 'count')).toThrow(/^App\.getStore: unknown store "nope"; known stores: count, user$/)
    const empty = createStoreManager('Empty', {})
    expect(() => empty.getStore('nope' as never)).toThrow(/^Empty\.getStore: unknown store "nope"; known stores: \(none\)$/)
  })

  it('snapshots every current value as a plain object keyed like the definitions', () => {
    const manager = createStoreManager('App', { count: { initialValue: 0 }, user: { initialValue: { name: 'Ada' } } })
    manager.getStore('count').setValue(3)
    const snapshot = manager.snapshot()
    expect(snapshot).toEqual({ count: 3, user: { name: 'Ada' } })
    expect(Object.getPrototypeOf(snapshot)).toBe(Object.prototype)
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot)
  })

  it('hydrates in one batch; a key left out keeps its value', () => {
    const server = createStoreManager('App', { count: { initialValue: 0 }, user: { initialValue: { name: 'Ada' } }, theme: { initialValue: 'light' } })
    server.getStore('count').setValue(7)
    server.getStore('user').setValue({ name: 'Grace' })
    const client = createStoreManager('App', { count: { initialValue: 0 }, user: { initialValue: { name: 'Ada' } }, theme: { initialValue: 'light' } })
    client.getStore('theme').setValue('dark')
    const seen: string[] = []
    client.getStore('count').listen((n) => seen.push(`count=${n} user=${client.getStore('user').getValue().name}`))
    const { theme: _theme, ...sent } = JSON.parse(JSON.stringify(server.snapshot())) as ReturnType<typeof server.snapshot>
    client.hydrate(sent)
    expect(client.snapshot()).toEqual({ count: 7, user: { name: 'Grace' }, theme: 'dark' })
    expect(seen).toEqual(['count=7 user=Grace'])
  })

  it('refuses a bad snapshot before writing anything', () => {
    const manager = createStoreManager('App', { count: { initialValue: 0 }, user: { initialValue: 'Ada' } })
    expect(() => manager.hydrate(null as never)).toThrow('App.hydrate: snapshot must be an object like { count: … }, got null')
    expect(() => manager.hydrate([1] as never)).toThrow('App.hydrate: snapshot must be an object')
    expect(() => manager.hydrate({ count: 5, nope: 1 } as never)).toThrow('App.hydrate: unknown store "nope" in the snapshot; known stores: count, user')
    expect(() => manager.hydrate(5 as never)).toThrow('App.hydrate: snapshot must be an object like { count: … }, got 5')
    expect(() => manager.hydrate('ab' as never)).toThrow('App.hydrate: snapshot must be an object like { count: … }, got "ab"')
    const empty = createStoreManager('Empty', {})
    expect(() => empty.hydrate(null as never)).toThrow(/^Empty\.hydrate: snapshot must be an object like \{ key: … \}, got null$/)
    expect(() => empty.hydrate({ nope: 1 } as never)).toThrow(/^Empty\.hydrate: unknown store "nope" in the snapshot; known stores: \(none\)$/)
    expect(manager.snapshot()).toEqual({ count: 0, user: 'Ada' })
  })
})
