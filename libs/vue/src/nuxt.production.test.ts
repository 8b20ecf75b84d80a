import { createStoreManager } from '@context-action/core'
import { expect, it, vi } from 'vitest'
import { createSSRApp, shallowReactive } from 'vue'
import { Session } from './__tests__/Session'
import UserCard from './__tests__/UserCard.vue'
import { installStoreContext, PAYLOAD_KEY, transferState, type NuxtAppLike } from './nuxt'

// What a production build sees: `process.env.NODE_ENV` replaced by "production".
vi.mock('./dev', () => ({ isDev: false }))

it('in production, the Nuxt entry refuses bad input with a short error naming the function and its code of docs/errors.md', () => {
  const nuxtApp = (payload: Record<string, unknown> = {}): NuxtAppLike => ({ vueApp: createSSRApp(UserCard), payload: shallowReactive(payload), hook: () => {} })
  const manager = createStoreManager('Shop', { coupon: { initialValue: '' } })
  const caught = (run: () => unknown) => {
    try {
      run()
    } catch (error) {
      return `${(error as Error).constructor.name}: ${(error as Error).message}`
    }
    return 'nothing thrown'
  }
  const used = nuxtApp()
  transferState(used, 'shop', manager)
  expect([
    caught(() => transferState({} as never, 'shop', manager)),
    caught(() => transferState(nuxtApp(), '', manager)),
    caught(() => transferState(used, 'shop', manager)),
    caught(() => transferState(nuxtApp({ [PAYLOAD_KEY]: 1 }), 'shop', manager)),
    caught(() => transferState(nuxtApp(), 'shop', {} as never)),
    caught(() => installStoreContext(nuxtApp(), manager as never)),
    caught(() => installStoreContext(nuxtApp(), Session)),
  ]).toEqual([
    'TypeError: transferState: error vue-9 (https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#vue-9)',
    'TypeError: transferState: error vue-10 (https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#vue-10)',
    'TypeError: transferState: error vue-11 (https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#vue-11)',
    'TypeError: transferState: error vue-12 (https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#vue-12)',
    'TypeError: transferState: error vue-13 (https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#vue-13)',
    'TypeError: installStoreContext: error vue-14 (https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#vue-14)',
    'nothing thrown',
  ])
})
