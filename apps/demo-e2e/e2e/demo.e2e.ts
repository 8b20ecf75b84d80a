// User stories for the demo apps, run against BOTH apps. Everything goes through clicks and typing, and every selector
// comes from the shared UI contract in apps/README.md (texts, roles, labels, test ids): one spec drives both apps.
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  DEMO_USERS,
  apiGet,
  apiSettings,
  launchChromium,
  openPage,
  resetApi,
  screenshot,
  squash,
  startPreview,
  type OpenedPage,
  type RunningApp,
} from '../../../tools/e2e-helpers'

const USERS = DEMO_USERS

describe.each(['vue-demo', 'svelte-demo'] as const)('%s', (appName) => {
  const framework = appName === 'vue-demo' ? 'Vue' : 'Svelte'
  let app: RunningApp
  let browser: Browser
  let opened: OpenedPage
  let page: Page

  beforeAll(async () => {
    browser = await launchChromium()
    app = await startPreview(appName)
  })

  afterAll(async () => {
    await browser?.close()
    await app?.close()
  })

  beforeEach(async () => {
    await resetApi(app)
    opened = await openPage(browser)
    page = opened.page
    await page.goto(`${app.url}/`)
    await expect.poll(() => userButtons().count()).toBe(USERS.length)
  })

  afterEach(async () => {
    const errors = opened?.errors ?? []
    await opened?.context.close()
    // No uncaught exception and no console error on any story; failed API calls are answers, not crashes.
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([])
  })

  // ---- locators from the contract -----------------------------------------------------------------------------

  const nav = () => page.getByRole('navigation', { name: 'Screens' })
  const switches = () => page.getByRole('region', { name: 'API switches' })
  const userList = () => page.getByTestId('user-list')
  const userButtons = () => userList().getByRole('button')
  const userButton = (name: string) => userList().getByRole('button', { name, exact: true })
  const detail = () => page.getByRole('form', { name: 'User detail' })
  const button = (name: string, scope: Page | Locator = page) => scope.getByRole('button', { name, exact: true })
  const text = async (locator: Locator) => squash(await locator.textContent())
  const texts = async (locator: Locator) => (await locator.allTextContents()).map(squash)
  const items = (testId: string) => texts(page.getByTestId(testId).locator('li'))
  /** Each user row as `{button name} {email}` (the button and the span of the contract, read separately). */
  const userRows = () =>
    userList()
      .locator('li')
      .evaluateAll((lis) => lis.map((li) => `${li.querySelector('button')?.textContent?.trim()} ${li.querySelector('span')?.textContent?.trim()}`))
  /** The cache screen's request rows (`{userId} · {source} · {state}`), newest first. */
  const requests = async () => (await items('cache-requests')).filter((r) => /^u\d+ · /.test(r))

  async function go(link: 'Master-detail' | 'Cache' | 'Checkout' | 'Action log', heading: string): Promise<void> {
    await nav().getByRole('link', { name: link, exact: true }).click()
    await expect.poll(() => page.getByRole('heading', { level: 2, name: heading, exact: true }).count()).toBe(1)
    await expect.poll(() => nav().getByRole('link', { name: link, exact: true }).getAttribute('aria-current')).toBe('page')
  }

  /** Type into a numeric API switch and leave the field, then wait until the API holds the value. */
  async function setSwitch(label: 'Latency (ms)' | 'Failure rate', value: number): Promise<void> {
    const input = switches().getByLabel(label, { exact: true })
    await input.fill(String(value))
    await input.press('Tab')
    const key = label === 'Latency (ms)' ? 'latencyMs' : 'failureRate'
    await expect.poll(async () => (await apiSettings(app))[key]).toBe(value)
  }

  async function setFailPayments(on: boolean): Promise<void> {
    const box = switches().getByLabel('Fail payments', { exact: true })
    if (on) await box.check()
    else await box.uncheck()
    await expect.poll(async () => (await apiSettings(app)).failPayments).toBe(on)
  }

  // ---- page, navigation and switches ------------------------------------------------------------------------------

  it('shows the page frame, navigates between the four screens and keeps the API switches visible', async () => {
    expect(await page.title()).toBe(`Context-Action · ${framework} demo`)
    expect(await text(page.getByRole('heading', { level: 1 }))).toBe('Context-Action demo')
    expect(await text(page.getByTestId('framework'))).toBe(framework)
    // Master-detail is the default screen.
    expect(await text(page.getByRole('heading', { level: 2 }))).toBe('Master-detail')
    expect(await nav().getByRole('link', { name: 'Master-detail', exact: true }).getAttribute('aria-current')).toBe('page')
    const hrefs = await Promise.all(
      ['Master-detail', 'Cache', 'Checkout', 'Action log'].map((name) => nav().getByRole('link', { name, exact: true }).getAttribute('href')),
    )
    expect(hrefs).toEqual(['#/master-detail', '#/cache', '#/checkout', '#/log'])

    await go('Cache', 'Cache synchronisation')
    expect(await nav().getByRole('link', { name: 'Master-detail', exact: true }).getAttribute('aria-current')).not.toBe('page')
    expect(await switches().isVisible()).toBe(true)
    await go('Checkout', 'Checkout with rollback')
    await go('Action log', 'Action log')
    expect(await switches().isVisible()).toBe(true)
    await go('Master-detail', 'Master-detail')

    // A deep link opens its screen.
    await page.goto(`${app.url}/#/checkout`)
    await expect.poll(() => page.getByRole('heading', { level: 2, name: 'Checkout with rollback' }).count()).toBe(1)
  })

  it('sends the API switches to the server and Reset demo puts data and switches back', async () => {
    await setSwitch('Latency (ms)', 300)
    await setSwitch('Failure rate', 0.5)
    await setFailPayments(true)
    await setSwitch('Failure rate', 0)
    await setSwitch('Latency (ms)', 0)

    // Change data, then reset it from the UI.
    await userButton('Ada Lovelace').click()
    await detail().getByLabel('Name', { exact: true }).fill('Ada King')
    await button('Save', detail()).click()
    await expect.poll(() => userButton('Ada King').count()).toBe(1)

    await button('Reset demo', switches()).click()
    await expect.poll(() => userButton('Ada Lovelace').count()).toBe(1)
    expect(await userButton('Ada King').count()).toBe(0)
    expect(await apiSettings(app)).toEqual({ latencyMs: 0, failureRate: 0, failPayments: false })
    await expect.poll(() => switches().getByLabel('Fail payments', { exact: true }).isChecked()).toBe(false)
    await expect.poll(() => page.getByTestId('detail-empty').count()).toBe(1)
  })

  // ---- master-detail ----------------------------------------------------------------------------------------------

  it('master-detail: editing the selected user updates the list at once, before the API answers', async () => {
    expect(await text(page.getByTestId('detail-empty'))).toBe('Select a user to edit it.')
    expect(await userRows()).toEqual([
      'Ada Lovelace ada@example.com',
      'Alan Turing alan@example.com',
      'Grace Hopper grace@example.com',
      'Edsger Dijkstra edsger@example.com',
      'Barbara Liskov barbara@example.com',
      'Donald Knuth don@example.com',
      'Margaret Hamilton margaret@example.com',
      'Ken Thompson ken@example.com',
    ])

    await userButton('Ada Lovelace').click()
    await expect.poll(() => userButton('Ada Lovelace').getAttribute('aria-pressed')).toBe('true')
    expect(await userButton('Alan Turing').getAttribute('aria-pressed')).toBe('false')
    expect(await page.getByTestId('detail-empty').count()).toBe(0)
    const name = detail().getByLabel('Name', { exact: true })
    const email = detail().getByLabel('Email', { exact: true })
    expect(await name.inputValue()).toBe('Ada Lovelace')
    expect(await email.inputValue()).toBe('ada@example.com')

    // A slow API makes "at once" visible: the list shows the new name while the save is still pending.
    await setSwitch('Latency (ms)', 1500)
    await name.fill('Ada King')
    await email.fill('ada.king@example.com')
    await button('Save', detail()).click()
    await expect
      .poll(async () => ({
        listed: await userButton('Ada King').count(),
        email: (await userRows()).includes('Ada King ada.king@example.com'),
        saving: await detail().getByRole('button', { name: 'Saving…' }).count(),
      }))
      .toEqual({ listed: 1, email: true, saving: 1 })
    expect(await userButton('Ada Lovelace').count()).toBe(0)

    // Then the API answers and the saved user stays.
    await expect.poll(() => button('Save', detail()).count()).toBe(1)
    expect(await userButton('Ada King').count()).toBe(1)
    expect(await text(page.getByTestId('md-message'))).toBe('')
    expect((await apiGet<{ name: string }>(app, '/api/users/u1')).name).toBe('Ada King')
    await setSwitch('Latency (ms)', 0)
    await screenshot(page, appName, 'master-detail')

    // A reload reads the list from the API again.
    await page.reload()
    await expect.poll(() => userButton('Ada King').count()).toBe(1)
  })

  it('master-detail: an empty name is refused with the abort message and the list is unchanged', async () => {
    await userButton('Alan Turing').click()
    const name = detail().getByLabel('Name', { exact: true })
    await expect.poll(() => name.inputValue()).toBe('Alan Turing')
    expect(await text(page.getByTestId('md-message'))).toBe('')
    const before = await userRows()

    await name.fill('')
    await button('Save', detail()).click()
    await expect.poll(() => text(page.getByTestId('md-message'))).toBe('Name cannot be empty')
    expect(await page.getByTestId('md-message').getAttribute('role')).toBe('alert')
    expect(await userRows()).toEqual(before)
    expect((await apiGet<{ name: string }>(app, '/api/users/u2')).name).toBe('Alan Turing')

    // Fixing the input and saving clears the message.
    await name.fill('Alan M. Turing')
    await button('Save', detail()).click()
    await expect.poll(() => userButton('Alan M. Turing').count()).toBe(1)
    await expect.poll(() => text(page.getByTestId('md-message'))).toBe('')
  })

  it('master-detail: a save the API refuses rolls the list back but keeps the typed edit, and Retry save sends it again', async () => {
    await userButton('Grace Hopper').click()
    const name = detail().getByLabel('Name', { exact: true })
    const email = detail().getByLabel('Email', { exact: true })
    await expect.poll(() => name.inputValue()).toBe('Grace Hopper')
    expect(await button('Retry save', detail()).count()).toBe(0)

    await setSwitch('Failure rate', 1)
    await name.fill('Grace B. Hopper')
    await email.fill('amazing.grace@example.com')
    await button('Save', detail()).click()
    await expect.poll(() => text(page.getByTestId('md-message'))).toBe('Could not save: Injected failure (failure rate 1)')
    // The list is rolled back; the form still holds what was typed, with a way to retry.
    expect(await userButton('Grace Hopper').count()).toBe(1)
    expect(await userButton('Grace B. Hopper').count()).toBe(0)
    expect([await name.inputValue(), await email.inputValue()]).toEqual(['Grace B. Hopper', 'amazing.grace@example.com'])
    expect(await button('Retry save', detail()).count()).toBe(1)

    await setSwitch('Failure rate', 0)
    await button('Retry save', detail()).click()
    await expect.poll(() => userButton('Grace B. Hopper').count()).toBe(1)
    await expect.poll(() => text(page.getByTestId('md-message'))).toBe('')
    expect(await button('Retry save', detail()).count()).toBe(0)
    expect(await apiGet<{ name: string; email: string }>(app, '/api/users/u3')).toMatchObject({ name: 'Grace B. Hopper', email: 'amazing.grace@example.com' })
  })

  // ---- cache synchronisation --------------------------------------------------------------------------------------

  it('cache: a first open is a miss, re-opening is a hit, invalidating fetches again', async () => {
    await go('Cache', 'Cache synchronisation')
    expect(await text(page.getByTestId('cache-current'))).toBe('No user open')
    expect(await requests()).toEqual([])

    await button('Open Ada Lovelace').click()
    // Polled on her email: while she loads, the panel already names her ("Loading Ada Lovelace…").
    await expect.poll(() => text(page.getByTestId('cache-current'))).toContain('ada@example.com')
    expect(await text(page.getByTestId('cache-current'))).toContain('Ada Lovelace')
    await expect.poll(() => requests()).toEqual(['u1 · miss · done'])

    await button('Open Alan Turing').click()
    await expect.poll(() => text(page.getByTestId('cache-current'))).toContain('Alan Turing')
    await expect.poll(() => requests()).toEqual(['u2 · miss · done', 'u1 · miss · done'])

    await button('Open Ada Lovelace').click()
    await expect.poll(() => text(page.getByTestId('cache-current'))).toContain('Ada Lovelace')
    await expect.poll(() => requests()).toEqual(['u1 · hit · done', 'u2 · miss · done', 'u1 · miss · done'])

    // The open user is fetched again on its own, and the request list says why.
    await button('Invalidate current').click()
    await expect.poll(async () => (await requests())[0]).toBe('u1 · miss · done · after invalidate')
    await expect.poll(() => text(page.getByTestId('cache-current'))).toContain('ada@example.com')
    expect(await text(page.getByTestId('cache-hint'))).toContain('the open one is fetched again at once')

    await button('Invalidate all').click()
    await expect.poll(async () => (await requests()).length).toBe(5)
    await expect.poll(async () => (await requests())[0]).toBe('u1 · miss · done · after invalidate')
    // Alan was invalidated too: opening him is a miss again.
    await button('Open Alan Turing').click()
    await expect.poll(async () => (await requests())[0]).toBe('u2 · miss · done')
  })

  it('cache: clicking users fast with latency on ends on the last one and never shows a stale user', async () => {
    await go('Cache', 'Cache synchronisation')
    await setSwitch('Latency (ms)', 800)

    // Record, in the page, every text cache-current shows and when each button was clicked.
    await page.evaluate(() => {
      const w = window as unknown as { __shown: Array<{ t: number; text: string }>; __clicks: Array<{ t: number; label: string }> }
      w.__shown = []
      w.__clicks = []
      const read = () => (document.querySelector('[data-testid="cache-current"]')?.textContent ?? '').replace(/\s+/g, ' ').trim()
      const record = () => {
        const text = read()
        if (w.__shown.length === 0 || w.__shown[w.__shown.length - 1].text !== text) w.__shown.push({ t: performance.now(), text })
      }
      record()
      new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true })
      document.addEventListener(
        'click',
        (event) => {
          const target = (event.target as Element).closest('button')
          if (target) w.__clicks.push({ t: performance.now(), label: (target.textContent ?? '').trim() })
        },
        true,
      )
    })

    const clicked = ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra']
    for (const name of clicked) await button(`Open ${name}`).click()
    const last = clicked[clicked.length - 1]
    const others = USERS.filter((u) => u !== last)

    // Poll until it ends on the last one; every sample on the way shows either no user or the last clicked one.
    const samples: string[] = []
    await expect
      .poll(async () => {
        const shown = await text(page.getByTestId('cache-current'))
        samples.push(shown)
        return shown
      })
      .toContain('edsger@example.com')
    // On the way it said it was loading the last one ("Loading Edsger Dijkstra…"), never another user.
    expect(samples.filter((shown) => others.some((u) => shown.includes(u)))).toEqual([])
    expect(samples.filter((shown) => shown.startsWith('Loading ')).every((shown) => shown === `Loading ${last}…`)).toBe(true)
    // All four requests were made as misses, newest first, and all of them settle.
    await expect.poll(async () => (await requests()).some((r) => r.endsWith('pending'))).toBe(false)
    const rows = await requests()
    expect(rows.map((r) => r.split(' · ').slice(0, 2).join(' · '))).toEqual(['u4 · miss', 'u3 · miss', 'u2 · miss', 'u1 · miss'])
    expect(rows[0]).toBe('u4 · miss · done')
    for (const r of rows.slice(1)) expect(r).toMatch(/ · (done|aborted)$/)

    // Exhaustive check from the page's own record: after the last click nothing but the last user (or nothing) shows.
    const record = await page.evaluate(() => {
      const w = window as unknown as { __shown: Array<{ t: number; text: string }>; __clicks: Array<{ t: number; label: string }> }
      return { shown: w.__shown, clicks: w.__clicks }
    })
    expect(record.clicks.map((c) => c.label)).toEqual(clicked.map((n) => `Open ${n}`))
    const lastClick = record.clicks[record.clicks.length - 1].t
    const afterLast = record.shown.filter((s) => s.t >= lastClick)
    for (const s of afterLast) expect(others.filter((u) => s.text.includes(u)), `cache-current showed "${s.text}" after the last click`).toEqual([])
    expect(afterLast[afterLast.length - 1].text).toContain(last)

    await setSwitch('Latency (ms)', 0)
    await screenshot(page, appName, 'cache')
  })

  it('cache: with failure rate 1 a miss fails, the failed user is not shown and the cache stays intact', async () => {
    await go('Cache', 'Cache synchronisation')
    await button('Open Ada Lovelace').click()
    // Loaded (her email shown), not only loading: she must be cached before the API starts failing.
    await expect.poll(() => text(page.getByTestId('cache-current'))).toContain('ada@example.com')

    await setSwitch('Failure rate', 1)
    await button('Open Grace Hopper').click()
    await expect.poll(async () => (await requests())[0]).toBe('u3 · miss · error')
    // The panel says the load failed; it shows none of Grace's data (and not Ada's either).
    await expect.poll(() => text(page.getByTestId('cache-current'))).toBe('Could not load Grace Hopper')
    expect(await text(page.getByTestId('cache-message'))).toContain('Could not load user u3')

    // Ada is still cached: re-opening her is a hit, needs no request, so the failing API does not matter.
    await button('Open Ada Lovelace').click()
    await expect.poll(async () => (await requests())[0]).toBe('u1 · hit · done')
    await expect.poll(() => text(page.getByTestId('cache-current'))).toContain('ada@example.com')
    expect(await text(page.getByTestId('cache-current'))).toContain('Ada Lovelace')

    // Failure off: Grace loads.
    await setSwitch('Failure rate', 0)
    await button('Open Grace Hopper').click()
    await expect.poll(async () => (await requests())[0]).toBe('u3 · miss · done')
    await expect.poll(() => text(page.getByTestId('cache-current'))).toContain('Grace Hopper')
  })

  it('cache: with latency on the panel says which user is loading, and says so again when an invalidate refetches it', async () => {
    await go('Cache', 'Cache synchronisation')
    await setSwitch('Latency (ms)', 700)
    const panel = page.getByTestId('cache-current')
    await button('Open Grace Hopper').click()
    await expect.poll(async () => ({ text: await text(panel), busy: await panel.getAttribute('aria-busy') })).toEqual({ text: 'Loading Grace Hopper…', busy: 'true' })
    // The name (h3) and the email (p) of the loaded user.
    const shown = async () => [await text(panel.locator('h3')), await text(panel.locator('p'))]
    await expect.poll(shown).toEqual(['Grace Hopper', 'grace@example.com'])
    expect(await panel.getAttribute('aria-busy')).toBe('false')

    await button('Invalidate current').click()
    await expect.poll(() => text(panel)).toBe('Grace Hopper was invalidated: loading it again…')
    await expect.poll(shown).toEqual(['Grace Hopper', 'grace@example.com'])
    expect(await requests()).toEqual(['u3 · miss · done · after invalidate', 'u3 · miss · done'])
    await setSwitch('Latency (ms)', 0)
  })

  // ---- checkout with rollback -------------------------------------------------------------------------------------

  /** Everything the checkout screen shows, read in one go so intermediate states are consistent. */
  const checkoutView = () =>
    page.evaluate(() => {
      const squashed = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim()
      const byId = (id: string) => document.querySelector(`[data-testid="${id}"]`)
      const lis = (id: string) => [...(byId(id)?.querySelectorAll('li') ?? [])].map(squashed)
      const buttons = [...document.querySelectorAll('button')].map(squashed)
      return {
        cart: lis('cart'),
        total: squashed(byId('cart-total')),
        stock: { p1: squashed(byId('stock-p1')), p2: squashed(byId('stock-p2')) },
        orders: lis('orders'),
        message: squashed(byId('checkout-message')),
        checkingOut: buttons.includes('Checking out…'),
      }
    })

  async function logInAndFillCart(): Promise<void> {
    await go('Checkout', 'Checkout with rollback')
    expect(await text(page.getByTestId('session'))).toBe('Not signed in')
    await button('Log in as Ada Lovelace').click()
    await expect.poll(() => text(page.getByTestId('session'))).toBe('Signed in as Ada Lovelace')
    expect(await button('Log out').count()).toBe(1)
    await expect.poll(async () => (await checkoutView()).stock).toEqual({ p1: '5', p2: '10' })
    await button('Add Mechanical keyboard').click()
    await button('Add Wireless mouse').click()
    await button('Add Wireless mouse').click()
    await expect.poll(async () => (await checkoutView()).cart).toEqual(['Mechanical keyboard × 1 Remove Mechanical keyboard', 'Wireless mouse × 2 Remove Wireless mouse'])
    // Prices and totals carry their currency.
    expect((await checkoutView()).total).toBe('Total: €147.00')
    expect(await texts(page.getByTestId('products').locator('tbody tr').first().locator('td'))).toEqual(['Mechanical keyboard', '€89.00', '5', 'Add Mechanical keyboard'])
  }

  it('checkout: with Fail payments on the payment fails and cart, stock and orders are visibly restored; off, the order goes through', async () => {
    await logInAndFillCart()
    expect((await checkoutView()).orders.filter((o) => o.includes(' · '))).toEqual([])

    await setFailPayments(true)
    await setSwitch('Latency (ms)', 1000)
    await button('Checkout').click()

    // While the payment is pending: the optimistic state is on screen (cart emptied, stock taken, order processing).
    await expect
      .poll(async () => {
        const v = await checkoutView()
        return { checkingOut: v.checkingOut, cart: v.cart, stock: v.stock, processing: v.orders.some((o) => /^local-\d+ · processing · €147\.00$/.test(o)) }
      })
      .toEqual({ checkingOut: true, cart: ['Cart is empty'], stock: { p1: '4', p2: '8' }, processing: true })

    // The payment is declined: the reason is shown and everything is put back.
    await expect.poll(async () => (await checkoutView()).message).toContain('Payment declined')
    const restored = await checkoutView()
    expect(restored.cart).toEqual(['Mechanical keyboard × 1 Remove Mechanical keyboard', 'Wireless mouse × 2 Remove Wireless mouse'])
    expect(restored.stock).toEqual({ p1: '5', p2: '10' })
    expect(restored.orders.filter((o) => o.includes(' · '))).toEqual([])
    expect(restored.total).toMatch(/147/)
    expect(restored.checkingOut).toBe(false)
    await screenshot(page, appName, 'checkout')

    // Payments on again: the order is placed, the cart empties, the stock stays taken.
    await setSwitch('Latency (ms)', 0)
    await setFailPayments(false)
    await button('Checkout').click()
    // The order shows as processing at once and turns confirmed when the payment call returns: wait for that.
    await expect.poll(async () => (await checkoutView()).orders.filter((o) => o.includes(' · confirmed · '))).toHaveLength(1)
    const placed = await checkoutView()
    expect(placed.orders.filter((o) => o.includes(' · '))).toHaveLength(1)
    // The confirmed order carries the server's id, not the temporary local- one.
    expect(placed.orders[0]).toMatch(/^o\d+ · confirmed · €147\.00$/)
    expect((await apiGet<Array<{ id: string; status: string }>>(app, '/api/orders')).map((o) => `${o.id} ${o.status}`)).toEqual([
      'o1 cancelled',
      `${placed.orders[0].split(' · ')[0]} confirmed`,
    ])
    expect(placed.cart).toEqual(['Cart is empty'])
    expect(placed.stock).toEqual({ p1: '4', p2: '8' })
    expect(placed.message).toBe('')
  })

  it('checkout: refused adds and checkouts show their reason; remove and log out work', async () => {
    await go('Checkout', 'Checkout with rollback')
    await button('Add Mechanical keyboard').click()
    await expect.poll(async () => (await checkoutView()).message).toBe('User must be logged in')
    expect((await checkoutView()).cart).toEqual(['Cart is empty'])

    await button('Log in as Ada Lovelace').click()
    await expect.poll(() => text(page.getByTestId('session'))).toBe('Signed in as Ada Lovelace')
    await button('Checkout').click()
    await expect.poll(async () => (await checkoutView()).message).toBe('Cart is empty')

    // Only 2 headphones are in stock.
    await button('Add Noise-cancelling headphones').click()
    await button('Add Noise-cancelling headphones').click()
    await expect.poll(async () => (await checkoutView()).cart).toEqual(['Noise-cancelling headphones × 2 Remove Noise-cancelling headphones'])
    await button('Add Noise-cancelling headphones').click()
    await expect.poll(async () => (await checkoutView()).message).toBe('Only 2 items available')
    expect((await checkoutView()).cart).toEqual(['Noise-cancelling headphones × 2 Remove Noise-cancelling headphones'])

    await button('Remove Noise-cancelling headphones').click()
    await expect.poll(async () => (await checkoutView()).cart).toEqual(['Cart is empty'])
    await button('Log out').click()
    await expect.poll(() => text(page.getByTestId('session'))).toBe('Not signed in')
    expect(await button('Log in as Ada Lovelace').count()).toBe(1)
  })

  it('checkout: the saga undoes its completed steps when the payment fails, and runs every step when it does not', async () => {
    await logInAndFillCart()
    await setFailPayments(true)
    // An older checkout failure is replaced by the newer saga error: one message, the newest.
    await button('Checkout').click()
    await expect.poll(async () => (await checkoutView()).message).toBe('Payment failed: Payment declined')
    await button('Process order (saga)').click()
    await expect.poll(async () => (await checkoutView()).message).toBe('Order failed: Payment declined')
    expect((await texts(page.getByRole('alert'))).filter((t) => t.includes('Payment failed'))).toEqual([])
    await expect.poll(() => items('order-steps')).toHaveLength(3)
    const failed = await items('order-steps')
    expect(failed[0]).toMatch(/reserve.*\bdone\b/i)
    expect(failed[1]).toMatch(/pay.*\bfailed\b/i)
    expect(failed[2]).toMatch(/reserve.*\bundone\b/i)
    // The reserved stock was released again (processOrder's abort reason is not part of checkout-message's contract).
    await expect.poll(async () => (await checkoutView()).stock).toEqual({ p1: '5', p2: '10' })

    await setFailPayments(false)
    await button('Process order (saga)').click()
    await expect.poll(() => items('order-steps')).toHaveLength(4)
    const steps = await items('order-steps')
    ;['reserve', 'pay', 'create', 'confirm'].forEach((step, i) => expect(steps[i]).toMatch(new RegExp(`${step}.*\\bdone\\b`, 'i')))
    await expect.poll(async () => (await checkoutView()).orders.filter((o) => o.includes(' · confirmed · '))).toHaveLength(1)
    const view = await checkoutView()
    expect(view.cart).toEqual(['Cart is empty'])
    expect(view.stock).toEqual({ p1: '4', p2: '8' })
  })

  // ---- action log -------------------------------------------------------------------------------------------------

  it('action log: each dispatch with its payload, what each handler did, outcome, abort reason and duration, newest first; Clear log empties it', async () => {
    await userButton('Grace Hopper').click()
    const name = detail().getByLabel('Name', { exact: true })
    await expect.poll(() => name.inputValue()).toBe('Grace Hopper')
    await name.fill(' ')
    await button('Save', detail()).click()
    await expect.poll(() => text(page.getByTestId('md-message'))).toBe('Name cannot be empty')
    await name.fill('Grace Brewster Hopper')
    await button('Save', detail()).click()
    await expect.poll(() => userButton('Grace Brewster Hopper').count()).toBe(1)
    await expect.poll(() => button('Save', detail()).count()).toBe(1)

    await go('Action log', 'Action log')
    const table = page.getByTestId('action-log')
    expect(await texts(table.getByRole('columnheader'))).toEqual(['Action', 'Payload', 'Handlers', 'Outcome', 'Duration'])
    const rows = async () =>
      Promise.all(
        (await table.locator('tr:has(td)').all()).map(async (row) => {
          const [action, payload, handlers, outcome, duration] = await texts(row.locator(':scope > td'))
          // Each handler as "{id} {what it did}", its duration left out.
          const steps = (await texts(row.locator('.steps > li'))).map((step) => step.replace(/ \d+\.\d ms$/, ''))
          return { action, payload, handlers, steps, outcome, duration }
        }),
      )
    await expect.poll(async () => (await rows()).slice(0, 3).map((r) => r.action)).toEqual(['updateSelectedUser', 'updateSelectedUser', 'selectUser'])
    const [saved, refused, selected] = await rows()
    expect([saved.payload, saved.steps, saved.outcome]).toEqual([
      `{"name":"Grace Brewster Hopper","email":"grace@example.com","source":"${framework}"}`,
      ['validateUser ran', 'saveUser ran'],
      'completed',
    ])
    // The validating handler aborted the dispatch and says so; the saving handler never started: skipped.
    expect([refused.payload, refused.steps, refused.outcome]).toEqual([`{"name":" ","email":"grace@example.com","source":"${framework}"}`, ['validateUser aborted it', 'saveUser skipped'], 'aborted Name cannot be empty'])
    expect(await table.locator('tr:has(td)').nth(1).locator('.steps > li').first().locator('.tag').getAttribute('data-state')).toBe('aborted it')
    expect([selected.payload, selected.steps, selected.outcome]).toEqual(['{"userId":"u3"}', ['selectUser ran'], 'completed'])
    for (const row of [saved, refused, selected]) expect(row.duration).toMatch(/^\d+\.\d ms$/)
    // The start-up loads are logged too, further down, with no payload.
    const all = await rows()
    const loadUsers = all.find((r) => r.action === 'loadUsers')
    expect([loadUsers?.payload, loadUsers?.steps]).toEqual(['—', ['fetchUsers ran']])
    expect(all.some((r) => r.action === 'loadProducts')).toBe(true)
    await screenshot(page, appName, 'log')

    await button('Clear log').click()
    await expect.poll(async () => (await rows()).filter((r) => r.action !== undefined && r.action !== '' && r.handlers !== undefined)).toEqual([])

    // New dispatches appear again after clearing.
    await go('Master-detail', 'Master-detail')
    await userButton('Ken Thompson').click()
    await go('Action log', 'Action log')
    await expect.poll(async () => (await rows()).map((r) => r.action)).toEqual(['selectUser'])
  })
  // ---- narrow screens -----------------------------------------------------------------------------------------------

  it.each([390, 360])('narrow screen (%i px): the products table and the cart fit, every Add and Remove button is fully visible', async (width) => {
    await page.setViewportSize({ width, height: 844 })
    await go('Checkout', 'Checkout with rollback')
    await button('Log in as Ada Lovelace').click()
    await expect.poll(() => text(page.getByTestId('session'))).toBe('Signed in as Ada Lovelace')
    for (const name of ['Mechanical keyboard', 'Noise-cancelling headphones', 'Wireless mouse']) await button(`Add ${name}`).click()
    await expect.poll(async () => (await items('cart')).length).toBe(3)

    const layout = await page.evaluate(() => {
      const box = (el: Element) => el.getBoundingClientRect()
      const table = document.querySelector('[data-testid="products"]')!
      const adds = [...table.querySelectorAll('tbody button')].map(box)
      const rows = [...document.querySelectorAll('[data-testid="cart"] > li')].map((li) => {
        const button = li.querySelector('button')!
        return { li: box(li), button: box(button), label: button.textContent?.replace(/\s+/g, ' ').trim() }
      })
      return {
        page: { scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth },
        table: { scroll: table.scrollWidth, client: table.clientWidth },
        adds: adds.map((b) => ({ left: b.left, right: b.right, height: b.height })),
        rows,
      }
    })
    // Nothing scrolls sideways: not the page, not the products table.
    expect(layout.page.scroll).toBeLessThanOrEqual(width)
    expect(layout.table.scroll).toBeLessThanOrEqual(layout.table.client)
    // Every Add button lies inside the viewport, on one line (all the same height).
    expect(layout.adds).toHaveLength(6)
    for (const add of layout.adds) expect(add.left >= 0 && add.right <= width).toBe(true)
    expect(new Set(layout.adds.map((a) => Math.round(a.height))).size).toBe(1)
    // Remove buttons: the same size, at the right end of their row, vertically inside it, whatever the name's length.
    expect(new Set(layout.rows.map((r) => `${Math.round(r.button.width)}x${Math.round(r.button.height)}`)).size).toBe(1)
    for (const row of layout.rows) {
      expect(Math.abs(row.li.right - row.button.right)).toBeLessThan(16)
      expect(row.button.top >= row.li.top && row.button.bottom <= row.li.bottom).toBe(true)
      expect(row.button.right).toBeLessThanOrEqual(width)
    }
    // The names stay in the buttons' accessible names (the contract's selectors still find them).
    expect(await button('Remove Noise-cancelling headphones').count()).toBe(1)
    expect(await button('Add Wireless mouse').isVisible()).toBe(true)
    if (width === 390) {
      await page.getByRole('heading', { level: 3, name: 'Products' }).evaluate((el) => el.scrollIntoView({ block: 'start' }))
      await screenshot(page, appName, 'checkout-390')
    }
  })
})
