import { afterEach, describe, expect, it, vi } from 'vitest'
import { createStore } from '../stores/store'
import { transaction } from './transaction'

const never = () => new Promise<never>(() => {})

afterEach(() => {
  vi.useRealTimers()
})

describe('transaction options', () => {
  it('timeout: rolls a body that never settles back and rejects with a TimeoutError; later view writes throw', async () => {
    vi.useFakeTimers()
    const cart = createStore(['book'], { name: 'cart' })
    const seen: string[][] = []
    cart.listen((v) => seen.push(v))
    let view!: typeof cart
    const pending = transaction(
      [cart],
      async (cart) => {
        view = cart
        cart.setValue([])
        await never()
      },
      { timeout: 50 },
    )
    const outcome = pending.catch((error: unknown) => error)
    cart.update((items) => [...items, 'pen'])
    await vi.advanceTimersByTimeAsync(49)
    expect(cart.getValue()).toEqual(['pen'])
    await vi.advanceTimersByTimeAsync(1)
    const error = (await outcome) as DOMException
    expect([error.name, error.message]).toEqual(['TimeoutError', 'transaction: timed out after 50 ms'])
    // The transaction's write is undone, the outside write is kept.
    expect(seen).toEqual([[], ['pen'], ['book', 'pen']])
    expect(() => view.setValue(['late'])).toThrow('cart.setValue: this store view belongs to a transaction that has ended')
  })

  it('signal: aborting rolls back and rejects with the signal reason (an AbortError)', async () => {
    const count = createStore(1)
    const controller = new AbortController()
    let release!: () => void
    const pending = transaction(
      [count],
      async (count) => {
        count.setValue(2)
        await new Promise<void>((resolve) => (release = resolve))
        count.setValue(3)
      },
      { signal: controller.signal },
    )
    controller.abort()
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' })
    expect(count.getValue()).toBe(1)
    // The body goes on, but its writes through the view are refused and change nothing.
    release()
    await Promise.resolve()
    expect(count.getValue()).toBe(1)
  })

  it('a settled transaction lets go of its signal and timer: a later abort changes nothing', async () => {
    vi.useFakeTimers()
    const count = createStore(1)
    const controller = new AbortController()
    const remove = vi.spyOn(controller.signal, 'removeEventListener')
    await transaction([count], async (count) => count.setValue(2), { signal: controller.signal, timeout: 10 })
    expect(remove).toHaveBeenCalledWith('abort', expect.any(Function))
    expect(vi.getTimerCount()).toBe(0)
    controller.abort()
    expect(count.getValue()).toBe(2)
  })

  it('an aborted signal refuses the call before the body runs; sync bodies ignore the timeout', () => {
    const count = createStore(1)
    const body = vi.fn((c: typeof count) => c.setValue(2))
    expect(() => transaction([count], body, { signal: AbortSignal.abort(new Error('gone')) })).toThrow('gone')
    expect(body).not.toHaveBeenCalled()
    expect(transaction([count], (c) => (c.setValue(3), 'done'), { timeout: 0 })).toBe('done')
    expect(count.getValue()).toBe(3)
  })

  it('refuses bad options, naming the function and the problem', () => {
    const count = createStore(1)
    const body = vi.fn()
    expect(() => transaction([count], body, 5 as never)).toThrow('transaction: options must be an object, got 5')
    expect(() => transaction([count], body, { timeout: -1 })).toThrow('transaction: options.timeout must be a finite number of milliseconds ≥ 0, got -1')
    expect(() => transaction([count], body, { signal: {} as never })).toThrow('transaction: options.signal must be an AbortSignal, got an object')
    expect(() => transaction([count], body, { timout: 5 } as never)).toThrow('transaction: unknown option "timout"; supported options are signal, timeout')
    expect(body).not.toHaveBeenCalled()
  })
})
