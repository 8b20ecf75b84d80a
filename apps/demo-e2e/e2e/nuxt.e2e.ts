// The Nuxt demo, server-rendered: the built server (.output) started as a child process, its raw HTML read without
// JavaScript, then hydrated in Debian's chromium. The demo API's request log (GET /api/requests) shows what was loaded
// and when; the browser's own requests are watched too.
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  DEMO_USERS,
  apiGet,
  apiRequests,
  launchChromium,
  openPage,
  resetApi,
  screenshot,
  squash,
  startNodeServer,
  type OpenedPage,
  type RunningServer,
  watchPage,
} from '../../../tools/e2e-helpers'

const USERS = DEMO_USERS

describe('nuxt-demo (server-rendered)', () => {
  let app: RunningServer
  let browser: Browser
  let opened: OpenedPage
  let page: Page
  /** Console warnings about hydration, and the /api requests the browser made, for the current page. */
  let hydrationWarnings: string[]
  let browserApiCalls: string[]

  const setLatency = async (latencyMs: number) => {
    const response = await fetch(`${app.url}/api/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ latencyMs }) })
    expect(response.status).toBe(200)
  }
  /** The log's entries after `since` (an id), as `METHOD url status`. */
  const requestsSince = async (since: number) => (await apiRequests(app)).filter((r) => r.id > since).map((r) => `${r.method} ${r.url} ${r.status}`)
  const lastRequestId = async () => (await apiRequests(app)).at(-1)?.id ?? 0
  const html = async (path: string) => {
    const response = await fetch(`${app.url}${path}`)
    expect(response.status).toBe(200)
    return response.text()
  }

  beforeAll(async () => {
    browser = await launchChromium()
    // The server Nuxt built (Nitro's node-server preset).
    app = await startNodeServer('nuxt-demo', '.output/server/index.mjs')
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  beforeEach(async () => {
    await resetApi(app)
    opened = await openPage(browser)
    page = opened.page
    const watched = watchPage(page, /hydrat|mismatch/i)
    hydrationWarnings = watched.messages
    browserApiCalls = watched.apiRequests
  })

  afterEach(async () => {
    const errors = opened?.errors ?? []
    await opened?.context.close()
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([])
    expect(hydrationWarnings).toEqual([])
  })

  const nav = () => page.getByRole('navigation', { name: 'Screens' })
  const userList = () => page.getByTestId('user-list')
  const userButton = (name: string) => userList().getByRole('button', { name, exact: true })
  const detail = () => page.getByRole('form', { name: 'User detail' })
  const button = (name: string, scope: Page | Locator = page) => scope.getByRole('button', { name, exact: true })
  const text = async (locator: Locator) => squash(await locator.textContent())
  const requests = async () => (await page.getByTestId('cache-requests').locator('li').allTextContents()).map(squash).filter((r) => /^u\d+ · /.test(r))

  /** Open `path` and wait until the server's HTML is hydrated (the app marks it once every component is mounted). */
  async function visit(path: string): Promise<void> {
    await page.goto(`${app.url}${path}`)
    await expect.poll(() => page.locator('.app').getAttribute('data-hydrated')).toBe('true')
  }

  it('the server HTML holds the users and the state for the browser, readable without JavaScript', async () => {
    const body = await html('/?user=u3')
    for (const name of USERS) expect(body).toContain(`>${name}</button>`)
    expect(body).toContain('aria-pressed="true">Grace Hopper</button>')
    expect(body).toContain('<input value="Grace Hopper" name="name"')
    expect(body).toContain('<title>Context-Action · Nuxt demo</title>')
    // The stores' snapshot travels in Nuxt's payload.
    const payload = /<script type="application\/json"[^>]*id="__NUXT_DATA__">(.*?)<\/script>/s.exec(body)?.[1] ?? ''
    expect(payload).toContain('"contextAction"')
    expect(payload).toContain('"DemoState"')
    expect(payload).toContain('"Ken Thompson"')

    // The cache screen is rendered on the server too.
    const cache = await html('/cache')
    for (const name of USERS) expect(cache).toContain(`>Open ${name}</button>`)

    // A browser without JavaScript shows both.
    const noScript = await browser.newContext({ javaScriptEnabled: false })
    const bare = await noScript.newPage()
    await bare.goto(`${app.url}/?user=u3`)
    expect((await bare.getByTestId('user-list').getByRole('button').allTextContents()).map(squash)).toEqual(USERS)
    expect(await bare.getByRole('form', { name: 'User detail' }).getByLabel('Name', { exact: true }).inputValue()).toBe('Grace Hopper')
    await noScript.close()
  })

  it('hydrates from the payload: the users are loaded once, by the server, and the browser loads nothing on first paint', async () => {
    const before = await lastRequestId()
    await visit('/')
    expect((await userList().getByRole('button').allTextContents()).map(squash)).toEqual(USERS)
    expect((await requestsSince(before)).sort()).toEqual(['GET /api/settings 200', 'GET /api/users 200'])
    expect(browserApiCalls).toEqual([])

    // The page is live: the next request the API sees is the edit, with no load of the list before it.
    const afterLoad = await lastRequestId()
    await userButton('Ada Lovelace').click()
    await detail().getByLabel('Name', { exact: true }).fill('Ada King')
    await button('Save', detail()).click()
    await expect.poll(() => userButton('Ada King').count()).toBe(1)
    await expect.poll(() => requestsSince(afterLoad)).toEqual(['PUT /api/users/u1 200'])
    expect(browserApiCalls).toEqual(['PUT /api/users/u1'])
    await screenshot(page, 'nuxt-demo', 'master-detail')

    // A new page is a new request: the server renders the saved name.
    expect(await html('/')).toContain('>Ada King</button>')
  })

  it('after hydration, the master-detail screen edits as in the Vite app: the server-selected user, a refused edit, a save', async () => {
    await visit('/?user=u2')
    const name = detail().getByLabel('Name', { exact: true })
    expect([await userButton('Alan Turing').getAttribute('aria-pressed'), await name.inputValue()]).toEqual(['true', 'Alan Turing'])

    await name.fill('')
    await button('Save', detail()).click()
    await expect.poll(() => text(page.getByTestId('md-message'))).toBe('Name cannot be empty')
    expect(await userButton('Alan Turing').count()).toBe(1)

    await name.fill('Alan M. Turing')
    await button('Save', detail()).click()
    await expect.poll(() => userButton('Alan M. Turing').count()).toBe(1)
    await expect.poll(() => text(page.getByTestId('md-message'))).toBe('')
    expect((await apiGet<{ name: string }>(app, '/api/users/u2')).name).toBe('Alan M. Turing')

    // Selecting another user in the browser works on the hydrated stores.
    await userButton('Barbara Liskov').click()
    await expect.poll(() => name.inputValue()).toBe('Barbara Liskov')
    expect(await userButton('Alan M. Turing').getAttribute('aria-pressed')).toBe('false')
  })

  it('cache (reached through the navigation): a first open is a miss, re-opening is a hit, invalidating fetches again', async () => {
    await visit('/')
    await nav().getByRole('link', { name: 'Cache', exact: true }).click()
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Cache synchronisation' }).count()).toBe(1)
    expect(await nav().getByRole('link', { name: 'Cache', exact: true }).getAttribute('aria-current')).toBe('page')
    expect(await text(page.getByTestId('cache-current'))).toBe('No user open')

    await button('Open Ada Lovelace').click()
    await expect.poll(() => text(page.getByTestId('cache-current'))).toContain('ada@example.com')
    await expect.poll(() => requests()).toEqual(['u1 · miss · done'])
    await button('Open Alan Turing').click()
    await expect.poll(() => requests()).toEqual(['u2 · miss · done', 'u1 · miss · done'])
    await button('Open Ada Lovelace').click()
    await expect.poll(() => requests()).toEqual(['u1 · hit · done', 'u2 · miss · done', 'u1 · miss · done'])
    await expect.poll(() => text(page.getByTestId('cache-current'))).toContain('Ada Lovelace')

    await button('Invalidate current').click()
    await expect.poll(async () => (await requests())[0]).toBe('u1 · miss · done · after invalidate')
    await button('Invalidate all').click()
    await expect.poll(async () => (await requests()).length).toBe(5)
    await button('Open Alan Turing').click()
    await expect.poll(async () => (await requests())[0]).toBe('u2 · miss · done')
    // The browser asked for single users only (the cache's misses), never the list again.
    expect(browserApiCalls.filter((call) => call === 'GET /api/users')).toEqual([])
  })

  it('cache (server-rendered): with latency on the panel says which user is loading, and again when an invalidate refetches it', async () => {
    await visit('/cache')
    await setLatency(500)
    const panel = page.getByTestId('cache-current')
    await button('Open Grace Hopper').click()
    await expect.poll(async () => ({ text: await text(panel), busy: await panel.getAttribute('aria-busy') })).toEqual({ text: 'Loading Grace Hopper…', busy: 'true' })
    const shown = async () => [await text(panel.locator('h3')), await text(panel.locator('p'))]
    await expect.poll(shown).toEqual(['Grace Hopper', 'grace@example.com'])

    await button('Invalidate current').click()
    await expect.poll(() => text(panel)).toBe('Grace Hopper was invalidated: loading it again…')
    await expect.poll(shown).toEqual(['Grace Hopper', 'grace@example.com'])
    expect(await requests()).toEqual(['u3 · miss · done · after invalidate', 'u3 · miss · done'])
    await setLatency(0)
    await screenshot(page, 'nuxt-demo', 'cache')
  })

  it("the README's example (/todos, layers/example): rendered on the server, hydrated without a request, interactive", async () => {
    // The todos come from the example's own Nitro route (server/api/todos.ts), loaded by its plugin on the server.
    const before = await lastRequestId()
    const response = await fetch(`${app.url}/todos`)
    // The demo API saw only the demo's own loads: /api/todos is not its route, and was not passed to it.
    expect((await requestsSince(before)).sort()).toEqual(['GET /api/settings 200', 'GET /api/users 200'])
    expect(response.status).toBe(200)
    const main = /<main>(.*?)<\/main>/s.exec(await response.text())?.[1]?.replace(/<!--.*?-->/g, '')
    expect(main).toBe(
      '<label><input checked type="checkbox"> Show done</label><ul>' +
        '<li><label><input type="checkbox" checked> Read the guide</label></li>' +
        '<li><label><input type="checkbox"> Write the plugin</label></li></ul>',
    )

    await visit('/todos')
    const shown = async () => (await page.locator('main li').allTextContents()).map(squash)
    const checked = (name: string) => page.getByRole('checkbox', { name, exact: true }).isChecked()
    // Hydrated from the payload: no mismatch, the browser fetched nothing, and the todos are still there.
    expect(hydrationWarnings).toEqual([])
    expect(browserApiCalls).toEqual([])
    expect(await shown()).toEqual(['Read the guide', 'Write the plugin'])
    expect([await checked('Read the guide'), await checked('Write the plugin')]).toEqual([true, false])

    await page.getByRole('checkbox', { name: 'Show done', exact: true }).uncheck()
    await expect.poll(shown).toEqual(['Write the plugin'])
    // Ticking a todo marks it done: with done todos hidden, it goes too; shown again, both are ticked.
    await page.getByRole('checkbox', { name: 'Write the plugin', exact: true }).click()
    await expect.poll(shown).toEqual([])
    await page.getByRole('checkbox', { name: 'Show done', exact: true }).check()
    await expect.poll(shown).toEqual(['Read the guide', 'Write the plugin'])
    expect([await checked('Read the guide'), await checked('Write the plugin')]).toEqual([true, true])
  })

  it('two requests at once, for different users, each render their own; the next request starts clean', async () => {
    // With latency on, the two server loads overlap in the API.
    await setLatency(400)
    const before = await lastRequestId()
    const [first, second] = await Promise.all([html('/?user=u1'), html('/?user=u5')])
    const loads = (await apiRequests(app)).filter((r) => r.id > before && r.url === '/api/users')
    expect(loads.map((r) => r.status)).toEqual([200, 200])
    // The later one arrived while the API was still answering: they were served concurrently.
    expect(Math.max(...loads.map((r) => r.inFlight))).toBeGreaterThanOrEqual(1)

    const selected = (body: string) => [...body.matchAll(/aria-pressed="true">([^<]+)</g)].map((m) => m[1])
    const nameField = (body: string) => /<input value="([^"]*)" name="name"/.exec(body)?.[1]
    expect([selected(first), nameField(first), selected(second), nameField(second)]).toEqual([['Ada Lovelace'], 'Ada Lovelace', ['Barbara Liskov'], 'Barbara Liskov'])
    // Each page carries the API switches as its own request read them.
    expect(first).toContain('<input type="number" min="0" step="100" value="400">')

    await setLatency(0)
    const third = await html('/')
    expect([selected(third), nameField(third), third.includes('data-testid="detail-empty"')]).toEqual([[], undefined, true])

    // And in the browser, the second page hydrates to its own user.
    await visit('/?user=u5')
    expect(await detail().getByLabel('Name', { exact: true }).inputValue()).toBe('Barbara Liskov')
    expect(browserApiCalls).toEqual([])
  })
})
