// @vitest-environment node
import { createDemoDomain, type DemoDomain } from '@context-action/demo-domain'
import { render } from 'svelte/server'
import { describe, expect, it } from 'vitest'
import { createFakeApi } from '../../../../demo-domain/src/__tests__/reliability/fake-api'
import DomainView from './DomainView.svelte'

const REQUESTS = 1_000

/** Listener counts of every store a domain exposes, and its handler count. */
function counts(domain: DemoDomain): number[] {
  return [...Object.values(domain.stores).map((store) => store.getListenerCount()), domain.register.getRegistryInfo().totalHandlers]
}

describe('server rendering, one domain per request', () => {
  it(`renders ${REQUESTS.toLocaleString('en')} requests, each with only its own data, and leaves no listener or handler behind`, async () => {
    const leaks: string[] = []
    for (let i = 0; i < REQUESTS; i++) {
      const tag = `r${i}`
      const domain = createDemoDomain({ api: createFakeApi(tag) })
      await domain.dispatch('loadUsers')
      await domain.dispatch('selectUser', { userId: `${tag}-2` })
      const before = counts(domain)
      const html = render(DomainView, { props: { domain } }).body
      const after = counts(domain)
      const tags = [...new Set([...html.matchAll(/(?:Ada|Bob) (r\d+)/g)].map((m) => m[1]))]
      if (tags.join() !== tag || !html.includes(`2 users, selected Bob ${tag}, pending false, demo`)) leaks.push(`${tag}: ${html}`)
      if (after.join() !== before.join()) leaks.push(`${tag}: counts ${before} -> ${after}`)
      domain.dispose()
      const disposed = counts(domain)
      if (disposed.some((n) => n !== 0)) leaks.push(`${tag}: after dispose ${disposed}`)
    }
    expect(leaks).toEqual([])
  }, 60_000)
})
