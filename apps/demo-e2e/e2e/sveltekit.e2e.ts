// The SvelteKit demo, server-rendered: the built adapter-node server (`node dist/index.js`) as a child process, its raw
// HTML read without JavaScript, then hydrated in Debian's chromium. The demo API's request log (GET /api/requests)
// shows what was loaded, by whom and whether requests overlapped; the browser's own requests are watched too.
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  DEMO_USERS,
  apiGet,
  apiRequests,
  apiSettings,
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

describe('sveltekit-demo (server-rendered, adapter-node)', () => {
  let app: RunningServer
  let browser: Browser
  let opened: OpenedPage
  let page: Page
  /** Console messages about hydration, and the /api requests the browser made, for the current page. */
  let hydrationMessages: string[]
  let browserApiRequests: string[]

  beforeAll(async () => {
    browser = await launchChromium()
    app = await startNodeServer('sveltekit-demo', 'dist/index.js')
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  beforeEach(async () => {
    await resetApi(app)
    opened = await openPage(browser)
    page = opened.page
    const watched = watchPage(page, /hydrat/i)
    hydrationMessages = watched.messages
    browserApiRequests = watched.apiRequests
    // Keep what the HTML parser built, once the server's HTML is parsed (when SvelteKit's start script arrives, before
    // it has loaded anything): the app's elements, its text and its field values. After hydration they must be the
    // same: a production build neither warns about a mismatch nor keeps a mismatched part, it re-renders it.
    await opened.context.addInitScript(() => {
      const w = window as unknown as { __ssr?: { elements: Element[]; text: string; values: string[] } }
      const observer = new MutationObserver(() => {
        const started = [...document.querySelectorAll('body script')].some((s) => s.textContent?.includes('__sveltekit_'))
        const root = document.querySelector('.app')
        if (!started || root === null) return
        observer.disconnect()
        const values = [...root.querySelectorAll('input')].map((input) => (input.type === 'checkbox' ? String(input.checked) : input.value))
        w.__ssr = { elements: [...root.querySelectorAll('*')], text: root.textContent ?? '', values }
      })
      observer.observe(document, { childList: true, subtree: true })
    })
  })

  afterEach(async () => {
    const errors = opened?.errors ?? []
    await opened?.context.close()
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([])
    expect(hydrationMessages).toEqual([])
  })

  // ---- helpers ----------------------------------------------------------------------------------------------------

  const userList = () => page.getByTestId('user-list')
  const userButton = (name: string) => userList().getByRole('button', { name, exact: true })
  const detail = () => page.getByRole('form', { name: 'User detail' })
  const button = (name: string, scope: Page | Locator = page) => scope.getByRole('button', { name, exact: true })
  const text = async (locator: Locator) => squash(await locator.textContent())
  const requestRows = async () => (await page.getByTestId('cache-requests').locator('li').allTextContents()).map(squash).filter((r) => /^u\d+ · /.test(r))

  /** Open `path`, wait until the layout has mounted in the browser, and check that hydration kept the server's page. */
  async function open(path: string): Promise<void> {
    await page.goto(`${app.url}${path}`)
    await page.locator('[data-hydrated="true"]').waitFor()
    expect(await hydrationDiff(), `hydrating ${path}`).toEqual([])
  }

  /** How the hydrated page differs from the parsed server HTML: elements replaced, added or removed, text, field values. */
  const hydrationDiff = () =>
    page.evaluate(() => {
      const ssr = (window as unknown as { __ssr?: { elements: Element[]; text: string; values: string[] } }).__ssr
      const root = document.querySelector('.app')
      if (ssr === undefined || root === null) return ['the server HTML was not captured']
      const elements = [...root.querySelectorAll('*')]
      const values = [...root.querySelectorAll('input')].map((input) => (input.type === 'checkbox' ? String(input.checked) : input.value))
      const problems: string[] = []
      const replaced = elements.filter((element) => !ssr.elements.includes(element)).map((element) => `new <${element.localName}>: ${element.textContent}`)
      const removed = ssr.elements.filter((element) => !element.isConnected).map((element) => `removed <${element.localName}>: ${element.textContent}`)
      problems.push(...replaced, ...removed)
      if (root.textContent !== ssr.text) problems.push(`text changed: ${ssr.text} -> ${root.textContent}`)
      if (values.join('|') !== ssr.values.join('|')) problems.push(`field values changed: ${ssr.values} -> ${values}`)
      return problems
    })

  async function putSettings(settings: { latencyMs?: number; failureRate?: number }): Promise<void> {
    const response = await fetch(`${app.url}/api/settings`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(settings) })
    if (!response.ok) throw new Error(`e2e: PUT /api/settings answered ${response.status}`)
  }

  /** Requests of the log after the first `from`, as `METHOD url`. */
  const logSince = async (from: number) => (await apiRequests(app)).slice(from).map((r) => `${r.method} ${r.url}`)

  // ---- server rendering -------------------------------------------------------------------------------------------

  it('the server HTML holds the users, the selected user and the snapshot, without JavaScript', async () => {
    const html = await (await fetch(`${app.url}/?user=u3`)).text()
    for (const name of USERS) expect(html).toContain(`>${name}</button>`)
    expect(html).toContain('aria-pressed="true">Grace Hopper</button>')
    expect(html).toContain('value="Grace Hopper"')
    expect(html).toContain('value="grace@example.com"')
    expect(html).toContain('<title>Context-Action · SvelteKit demo</title>')
    // The page data carries the snapshot the client hydrates from.
    expect(html).toMatch(/state:\{users:\[\{id:"u1",name:"Ada Lovelace"/)

    // A browser with JavaScript off shows the same page.
    const noJs = await browser.newContext({ javaScriptEnabled: false })
    try {
      const plain = await noJs.newPage()
      await plain.goto(`${app.url}/?user=u3`)
      expect(await plain.getByTestId('user-list').getByRole('button').allTextContents()).toEqual(USERS)
      expect(await plain.getByRole('form', { name: 'User detail' }).getByLabel('Name', { exact: true }).inputValue()).toBe('Grace Hopper')
      expect(squash(await plain.getByTestId('framework').textContent())).toBe('SvelteKit')
    } finally {
      await noJs.close()
    }
  })

  it('hydrates without a mismatch, and the first paint loads nothing again: the server loaded users and settings once', async () => {
    const before = (await apiRequests(app)).length
    await open('/?user=u2')
    await page.waitForLoadState('networkidle')
    expect(await userButton('Alan Turing').getAttribute('aria-pressed')).toBe('true')
    expect(await detail().getByLabel('Name', { exact: true }).inputValue()).toBe('Alan Turing')
    // The server's load made these (in either order); the browser made no API request at all.
    expect((await logSince(before)).sort()).toEqual(['GET /api/settings', 'GET /api/users'])
    expect(browserApiRequests).toEqual([])
    // The switches start from the server's settings too.
    expect(await page.getByRole('region', { name: 'API switches' }).getByLabel('Latency (ms)', { exact: true }).inputValue()).toBe('0')
  })

  // ---- after hydration: the Vite app's behaviour ------------------------------------------------------------------

  it('master-detail: editing after hydration updates the list at once; a refused edit shows the reason; a reload renders the saved user on the server', async () => {
    await open('/')
    expect(await text(page.getByTestId('detail-empty'))).toBe('Select a user to edit it.')
    await userButton('Ada Lovelace').click()
    await expect.poll(() => userButton('Ada Lovelace').getAttribute('aria-pressed')).toBe('true')
    const name = detail().getByLabel('Name', { exact: true })
    const email = detail().getByLabel('Email', { exact: true })
    expect([await name.inputValue(), await email.inputValue()]).toEqual(['Ada Lovelace', 'ada@example.com'])

    // A slow API makes "at once" visible: the list shows the new name while the save is pending.
    await putSettings({ latencyMs: 1500 })
    await name.fill('Ada King')
    await email.fill('ada.king@example.com')
    await button('Save', detail()).click()
    await expect
      .poll(async () => ({ listed: await userButton('Ada King').count(), saving: await detail().getByRole('button', { name: 'Saving…' }).count() }))
      .toEqual({ listed: 1, saving: 1 })
    await expect.poll(() => button('Save', detail()).count()).toBe(1)
    expect((await apiGet<{ name: string }>(app, '/api/users/u1')).name).toBe('Ada King')
    await putSettings({ latencyMs: 0 })

    await name.fill('')
    await button('Save', detail()).click()
    await expect.poll(() => text(page.getByTestId('md-message'))).toBe('Name cannot be empty')
    expect(await userButton('Ada King').count()).toBe(1)
    await screenshot(page, 'sveltekit-demo', 'master-detail')

    // A new request renders from the API on the server, with fresh stores: the saved name, nothing selected.
    const html = await (await fetch(`${app.url}/`)).text()
    expect([html.includes('>Ada King</button>'), html.includes('>Ada Lovelace</button>'), html.includes('data-testid="detail-empty"')]).toEqual([true, false, true])
  })

  it('cache: navigating to it loads no users again; a first open is a miss, re-opening a hit, invalidating fetches again; a failed miss leaves the cache intact', async () => {
    await open('/')
    const before = (await apiRequests(app)).length
    await page.getByRole('navigation', { name: 'Screens' }).getByRole('link', { name: 'Cache', exact: true }).click()
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Cache synchronisation' }).count()).toBe(1)
    expect(page.url()).toBe(`${app.url}/cache`)
    expect(await page.getByRole('link', { name: 'Cache', exact: true }).getAttribute('aria-current')).toBe('page')
    expect(await text(page.getByTestId('cache-current'))).toBe('No user open')

    await button('Open Ada Lovelace').click()
    await expect.poll(() => text(page.getByTestId('cache-current'))).toContain('ada@example.com')
    await button('Open Alan Turing').click()
    await expect.poll(() => text(page.getByTestId('cache-current'))).toContain('Alan Turing')
    await button('Open Ada Lovelace').click()
    await expect.poll(() => requestRows()).toEqual(['u1 · hit · done', 'u2 · miss · done', 'u1 · miss · done'])
    await button('Invalidate current').click()
    await expect.poll(async () => (await requestRows())[0]).toBe('u1 · miss · done · after invalidate')

    await putSettings({ failureRate: 1 })
    await button('Open Grace Hopper').click()
    await expect.poll(async () => (await requestRows())[0]).toBe('u3 · miss · error')
    await expect.poll(() => text(page.getByTestId('cache-current'))).toBe('Could not load Grace Hopper')
    await button('Open Ada Lovelace').click()
    await expect.poll(async () => (await requestRows())[0]).toBe('u1 · hit · done')
    await putSettings({ failureRate: 0 })
    await screenshot(page, 'sveltekit-demo', 'cache')

    // The client-side navigation ran no server load: the users were not fetched again, only the opened users were.
    const made = await logSince(before)
    expect(made.filter((r) => r === 'GET /api/users')).toEqual([])
    expect(made.filter((r) => r.startsWith('GET /api/users/'))).toEqual(['GET /api/users/u1', 'GET /api/users/u2', 'GET /api/users/u1', 'GET /api/users/u3'])
  })

  it('a deep link to the cache screen is rendered on the server with its buttons', async () => {
    const html = await (await fetch(`${app.url}/cache`)).text()
    for (const name of USERS) expect(html).toContain(`>Open ${name}</button>`)
    await open('/cache')
    expect(await page.getByRole('link', { name: 'Cache', exact: true }).getAttribute('aria-current')).toBe('page')
    await button('Open Ken Thompson').click()
    await expect.poll(() => text(page.getByTestId('cache-current'))).toContain('ken@example.com')
  })

  it("the guide's example (/example): rendered on the server from the request's cookie, hydrated without a request, interactive", async () => {
    const html = await (await fetch(`${app.url}/example`, { headers: { cookie: 'theme=dark' } })).text()
    expect(html).toContain('<p data-testid="profile">Ada Lovelace · dark</p>')

    const before = (await apiRequests(app)).length
    await open('/example')
    await page.waitForLoadState('networkidle')
    expect(squash(await page.getByTestId('profile').textContent())).toBe('Ada Lovelace · light')
    expect((await logSince(before)).sort()).toEqual(['GET /api/settings', 'GET /api/users', 'GET /api/users/u1'])
    expect(browserApiRequests).toEqual([])
    await button('Toggle theme').click()
    await expect.poll(async () => squash(await page.getByTestId('profile').textContent())).toBe('Ada Lovelace · dark')
  })

  // ---- per-request isolation --------------------------------------------------------------------------------------

  it('concurrent requests with different users each render their own, while their loads overlap', async () => {
    // With latency on, every request's load waits at the API, so all of them are in flight together.
    await putSettings({ latencyMs: 400 })
    const before = (await apiRequests(app)).length
    const ids = USERS.map((_, i) => `u${i + 1}`)
    const pages = await Promise.all(ids.map(async (id) => (await fetch(`${app.url}/?user=${id}`)).text()))
    await putSettings({ latencyMs: 0 })

    const selected = pages.map((html) => [...html.matchAll(/aria-pressed="true">([^<]+)</g)].map((m) => m[1]))
    const detailNames = pages.map((html) => /<form aria-label="User detail"><label>Name <input value="([^"]*)"/.exec(html)?.[1])
    expect(selected).toEqual(USERS.map((name) => [name]))
    expect(detailNames).toEqual(USERS)
    // The users were loaded once per request, and the loads overlapped: most arrived while others were in flight.
    const loads = (await apiRequests(app)).slice(before).filter((r) => r.url === '/api/users')
    expect(loads).toHaveLength(USERS.length)
    expect(loads.filter((r) => r.inFlight > 0).length).toBeGreaterThan(0)

    // Nothing survives a request: one without a selection right after shows none.
    const after = await (await fetch(`${app.url}/`)).text()
    expect([after.includes('aria-pressed="true"'), after.includes('data-testid="detail-empty"')]).toEqual([false, true])
    expect((await apiSettings(app)).latencyMs).toBe(0)
  })
})
