import { afterEach, describe, expect, it } from 'vitest'
import { batch, setDeliveryScheduler } from './batch'
import { createComputedStore } from './computed'
import { createStore } from './store'

describe('setDeliveryScheduler', () => {
  afterEach(() => setDeliveryScheduler(null))

  it('delivers a flush through the scheduler, listeners writing stores included, then restores the default', () => {
    const events: string[] = []
    setDeliveryScheduler((deliver) => {
      events.push('enter')
      deliver()
      events.push('leave')
    })
    const a = createStore('a', 0)
    const b = createStore('b', 0)
    const sum = createComputedStore([a, b], (x, y) => x + y)
    sum.listen((v) => events.push(`sum ${v}`))
    a.listen((v) => {
      events.push(`a ${v}`)
      b.setValue(v * 10)
    })
    batch(() => a.setValue(1))
    setDeliveryScheduler(null)
    batch(() => a.setValue(2))
    expect(events).toEqual(['enter', 'a 1', 'sum 11', 'leave', 'a 2', 'sum 22'])
  })

  it('re-throws the first listener error after the scheduler returns, with every other listener told', () => {
    const events: string[] = []
    setDeliveryScheduler((deliver) => {
      deliver()
      events.push('scheduler returned')
    })
    const a = createStore(0)
    a.listen((v) => {
      if (v === 1) throw new Error('first')
    })
    a.listen((v) => events.push(`second ${v}`))
    expect(() => batch(() => a.setValue(1))).toThrow('first')
    a.listen((v) => events.push(`third ${v}`))
    batch(() => a.setValue(2))
    expect(events).toEqual(['second 1', 'scheduler returned', 'second 2', 'third 2', 'scheduler returned'])
  })

  it('refuses a scheduler that is not a function', () => {
    expect(() => setDeliveryScheduler(5 as never)).toThrow('setDeliveryScheduler: the scheduler must be a function, got 5')
  })
})
