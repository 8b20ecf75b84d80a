import { ActionRegister } from '@context-action/core'
import { describe, expect, it } from 'vitest'
import { setup } from './__tests__/api'
import { createActionMessage, messageText } from './messages'

describe('action messages', () => {
  it('checkout: a newer saga error replaces an older payment failure, and a success clears it', async () => {
    const { domain, server } = await setup()
    await domain.dispatch('loadProducts')
    await domain.dispatch('login', { userId: 'u1' })
    await domain.dispatch('addToCart', { productId: 'p1', quantity: 1 })
    const texts: string[] = []
    domain.stores.checkoutMessage.subscribe((m) => texts.push(messageText(m, 'Vue')))
    server.api.db.settings.failPayments = true
    await domain.dispatch('processCheckout', { paymentMethod: 'card', source: 'Svelte' })
    await domain.dispatch('processOrder')
    server.api.db.settings.failPayments = false
    await domain.dispatch('addToCart', { productId: 'p2', quantity: 1, source: 'Vue' })
    expect(texts).toEqual(['', 'Payment failed: Payment declined (from the Svelte tree)', 'Order failed: Payment declined', ''])
  })

  it('keeps the message when a dispatch is dropped, and uses the error of a handler that threw', async () => {
    const register = new ActionRegister<{ save: { source?: string }; other: void }>({ name: 'test' })
    const { message, stop } = createActionMessage(register, ['save'], 'saveMessage')
    let fail = true
    let release!: () => void
    register.register('save', () => {
      if (fail) throw new Error('disk full')
      return new Promise<void>((resolve) => (release = resolve))
    }, { id: 'write' })
    register.register('other', (_, controller) => controller.abort('not watched'), { id: 'other' })
    await expect(register.dispatch('save', { source: 'Vue' })).rejects.toThrow('disk full')
    await register.dispatch('other')
    expect(message.getValue()).toEqual({ text: 'disk full', action: 'save', source: 'Vue' })
    fail = false
    register.setActionConcurrency('save', 'takeFirst')
    const first = register.dispatch('save', {})
    await register.dispatch('save', {})
    expect(message.getValue()?.text).toBe('disk full')
    release()
    await first
    expect(message.getValue()).toBeNull()
    stop()
  })
})
