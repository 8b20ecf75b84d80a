import { describe, expect, it } from 'vitest'
import { CompensationError, compensate } from './compensate'

describe('compensate', () => {
  it('runs every step and returns the body result when nothing fails', async () => {
    const events: string[] = []
    const result = await compensate(async (step) => {
      const reservation = await step(async () => (events.push('reserve'), 'r1'), () => events.push('release'))
      const payment = await step(async () => (events.push('pay'), { id: 'p1' }), () => events.push('refund'))
      return `${reservation}/${payment.id}`
    })
    expect(result).toBe('r1/p1')
    expect(events).toEqual(['reserve', 'pay'])
  })

  it('undoes completed steps in reverse order with their results, then re-throws the original error', async () => {
    const events: string[] = []
    const failure = new Error('order service down')
    await expect(
      compensate(async (step) => {
        await step(async () => 'r1', (r) => void events.push(`release ${r}`))
        await step(async () => ({ transactionId: 't9' }), (p) => void events.push(`refund ${p.transactionId}`))
        await step(async () => {
          throw failure
        }, () => void events.push('never registered'))
        await step(async () => events.push('confirm'))
      }),
    ).rejects.toBe(failure)
    expect(events).toEqual(['refund t9', 'release r1'])
  })

  it('keeps going when an undo fails and reports both errors, the original first', async () => {
    const events: string[] = []
    const original = new Error('payment declined')
    const undoFailure = new Error('refund failed')
    const error = await compensate(async (step) => {
      await step(async () => 1, () => void events.push('release'))
      await step(async () => 2, () => {
        throw undoFailure
      })
      throw original
    }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CompensationError)
    const aggregate = error as CompensationError
    expect(aggregate.errors).toEqual([original, undoFailure])
    expect(aggregate.cause).toBe(original)
    expect(aggregate.name).toBe('CompensationError')
    expect(aggregate.message).toBe('compensate: payment declined; 1 undo step(s) failed as well')
    expect(events).toEqual(['release'])
  })

  it('waits for async undos one at a time', async () => {
    const events: string[] = []
    await compensate(async (step) => {
      await step(async () => 'a', async () => {
        await Promise.resolve()
        events.push('undo a')
      })
      await step(async () => 'b', async () => {
        await Promise.resolve()
        events.push('undo b')
      })
      throw new Error('x')
    }).catch(() => {})
    expect(events).toEqual(['undo b', 'undo a'])
  })

  it('undoes a step that completes after a sibling failed (Promise.all), once it completes', async () => {
    const events: string[] = []
    const failure = new Error('flight sold out')
    await expect(
      compensate(async (step) => {
        await Promise.all([
          step(
            () => new Promise<string>((resolve) => setTimeout(() => resolve('h1'), 5)),
            (booking) => void events.push(`cancel ${booking}`),
          ),
          step(async () => {
            throw failure
          }),
        ])
      }),
    ).rejects.toBe(failure)
    // The rejection waited for the hotel step: its undo ran before compensate settled.
    expect(events).toEqual(['cancel h1'])
  })

  it('refuses a step started after the saga failed', async () => {
    const late: Array<Promise<unknown>> = []
    const failure = new Error('boom')
    let sneak!: () => void
    await expect(
      compensate(async (step) => {
        sneak = () => void late.push(step(async () => 'late'))
        void step(async () => {
          await new Promise((resolve) => setTimeout(resolve, 5))
          sneak()
        })
        throw failure
      }),
    ).rejects.toBe(failure)
    expect(late).toHaveLength(1)
    await expect(late[0]).rejects.toThrow('compensate step: the saga already failed and is undoing its steps; no new step runs')
  })

  it('rejects bad input with the function named', async () => {
    await expect(compensate(null as never)).rejects.toThrow('compensate: body must be a function, got null')
    await expect(compensate(async (step) => step(5 as never))).rejects.toThrow('compensate step: run must be a function, got 5')
    let ran = false
    await expect(compensate(async (step) => step(() => (ran = true), 5 as never))).rejects.toThrow(
      /^compensate step: undo must be a function, got 5$/,
    )
    expect(ran).toBe(false)
  })
})
