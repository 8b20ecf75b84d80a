// A console walk-through of the core: a checkout whose payment fails while another action restocks.
import { ActionRegister, createComputedStore, createStore, transaction } from '../src/index'

interface ShopActions {
  checkout: { failPayment: boolean }
  restock: { quantity: number }
}

const cart = createStore('cart', ['keyboard', 'mouse'])
const stock = createStore('stock', 10)
const orders = createStore<string[]>('orders', [])
const summary = createComputedStore([cart, stock, orders], (c, s, o) => `cart ${c.length} item(s) | stock ${s} | orders ${o.length}`)
summary.subscribe((line) => console.log(`  view: ${line}`))

const actions = new ActionRegister<ShopActions>({ name: 'shop' })
let releasePayment!: () => void

actions.register('checkout', async ({ failPayment }, controller) => {
  const items = cart.getValue()
  try {
    await transaction([cart, stock, orders], async (cart, stock, orders) => {
      orders.update((list) => [...list, `order for ${items.join(', ')}`])
      cart.setValue([])
      stock.update((n) => n - items.length)
      console.log('checkout: waiting for the payment…')
      await new Promise<void>((resolve) => (releasePayment = resolve))
      if (failPayment) throw new Error('card declined')
    })
  } catch (error) {
    controller.abort(`Payment failed: ${(error as Error).message}`)
  }
})
actions.register('restock', ({ quantity }) => stock.update((n) => n + quantity))

console.log('1. checkout starts; its payment will fail')
const pending = actions.dispatchWithResult('checkout', { failPayment: true })
await Promise.resolve()
console.log('2. meanwhile another action restocks 5 units')
await actions.dispatch('restock', { quantity: 5 })
releasePayment()
const result = await pending
console.log(`3. checkout ended: aborted=${result.aborted}, reason="${result.abortReason}"`)
console.log('   cart and orders are restored, the restock is kept (stock 15, not 10 and not 13):')
console.log(`   ${summary.getValue()}`)
