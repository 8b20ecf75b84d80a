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
    const manager = createStoreManager('App', { count: { initialValue: 0 } })
    expect(() => manager.getStore('nope' as 'count')).toThrow('App.getStore: unknown store "nope"; known stores: count')
  })
})
