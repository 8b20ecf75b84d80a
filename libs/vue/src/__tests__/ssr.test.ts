// @vitest-environment node
import { expect, it } from 'vitest'
import { createSSRApp, h } from 'vue'
import { renderToString } from 'vue/server-renderer'
import Harness from './Harness.vue'
import type { Found } from './Probe.vue'
import { counts, createShared } from './shared'

it('renders on the server without leaving a subscription on any store or a handler on any register', async () => {
  const shared = createShared()
  const found: Found = {}
  const html = await renderToString(createSSRApp({ render: () => h(Harness, { shared, found, show: true }) }))
  expect(html).toContain('item 0 3 Ada 6 0 false false AppActions ada@example.org')
  expect(counts(shared, found)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
})
