import { batch, compensate, CompensationError, createStore, type ActionRegister, type Store } from '@context-action/core'
import { checkoutProblem } from './checkout'
import type { DemoActions } from './demo-actions'
import { messageOf } from './errors'
import { adjustStock, type ShopStores } from './shop'
import type { DemoApi } from './types'

export type SagaStepName = 'reserve' | 'pay' | 'create' | 'confirm'

/** One step of the last `processOrder`, in the order things happened (undos run in reverse). */
export interface SagaStep {
  step: SagaStepName
  outcome: 'done' | 'failed' | 'undone' | 'undo failed'
}

/**
 * The seed's `processOrder` with `compensate`: reserve stock → pay → create the order → confirm it;
 * when a step fails, the completed ones are undone in reverse (cancel, refund, release).
 */
export function setupProcessOrder(register: ActionRegister<DemoActions>, api: DemoApi, shop: ShopStores): Store<SagaStep[]> {
  const orderSteps = createStore<SagaStep[]>([], { name: 'orderSteps' })
  const record = (step: SagaStepName, outcome: SagaStep['outcome']) => orderSteps.update((list) => [...list, { step, outcome }])
  const tracked =
    <R>(step: SagaStepName, run: () => R | Promise<R>) =>
    async () => {
      try {
        const result = await run()
        record(step, 'done')
        return result
      } catch (error) {
        record(step, 'failed')
        throw error
      }
    }
  const undoing =
    <R>(step: SagaStepName, undo: (result: R) => unknown) =>
    async (result: R) => {
      try {
        await undo(result)
        record(step, 'undone')
      } catch (error) {
        record(step, 'undo failed')
        throw error
      }
    }

  register.setActionConcurrency('processOrder', 'takeFirst')
  register.register(
    'processOrder',
    async (_, controller) => {
      const problem = checkoutProblem(shop)
      if (problem !== undefined) return controller.abort(problem)
      const lines = shop.cart.getValue().items.map(({ productId, quantity }) => ({ productId, quantity }))
      const userId = shop.session.getValue()!.userId
      const total = shop.cartSummary.getValue().total
      orderSteps.setValue([])
      try {
        await compensate(async (step) => {
          await step(
            tracked('reserve', () => shop.inventory.update(adjustStock(lines, 1))),
            undoing('reserve', () => shop.inventory.update(adjustStock(lines, -1))),
          )
          const payment = await step(tracked('pay', () => api.pay({ amount: total })), undoing('pay', (p) => api.refund(p.id)))
          const created = await step(tracked('create', () => api.createOrder({ items: lines, userId })), undoing('create', (o) => api.cancelOrder(o.id)))
          const confirmed = await step(tracked('confirm', () => api.confirmOrder(created.id)))
          batch(() => {
            const order = { ...confirmed, paymentId: payment.id }
            shop.order.setValue(order)
            shop.orders.update((list) => [order, ...list])
            shop.cart.setValue({ items: [] })
          })
        })
      } catch (error) {
        const cause = error instanceof CompensationError ? error.cause : error
        const failedUndos = error instanceof CompensationError ? error.errors.length - 1 : 0
        const undo = failedUndos === 0 ? '' : ` (${failedUndos} undo step${failedUndos === 1 ? '' : 's'} failed too)`
        controller.abort(`Order failed: ${messageOf(cause)}${undo}`)
      }
    },
    { id: 'processOrder' },
  )
  return orderSteps
}
