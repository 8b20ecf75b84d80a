// The side-by-side page: a Vue tree and a Svelte tree over ONE domain instance. What one tree does, the other shows.
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { apiSettings, launchChromium, openPage, resetApi, screenshot, squash, startPreview, type OpenedPage, type RunningApp } from '../../../tools/e2e-helpers'

describe('side-by-side', () => {
  let app: RunningApp
  let browser: Browser
  let opened: OpenedPage
  let page: Page

  beforeAll(async () => {
    browser = await launchChromium()
    app = await startPreview('side-by-side')
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
    await expect.poll(() => vue().getByTestId('user-list').getByRole('button').count()).toBe(8)
    await expect.poll(() => svelte().getByTestId('user-list').getByRole('button').count()).toBe(8)
  })

  afterEach(async () => {
    const errors = opened?.errors ?? []
    await opened?.context.close()
    expect(errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([])
  })

  const vue = () => page.getByRole('region', { name: 'Vue', exact: true })
  const svelte = () => page.getByRole('region', { name: 'Svelte', exact: true })
  const userButton = (tree: Locator, name: string) => tree.getByTestId('user-list').getByRole('button', { name, exact: true })
  const nameInput = (tree: Locator) => tree.getByRole('form', { name: 'User detail' }).getByLabel('Name', { exact: true })
  const save = (tree: Locator) => tree.getByRole('form', { name: 'User detail' }).getByRole('button', { name: 'Save', exact: true })
  const button = (tree: Locator, name: string) => tree.getByRole('button', { name, exact: true })
  const text = async (locator: Locator) => squash(await locator.textContent())
  const items = async (locator: Locator) => (await locator.locator('li').allTextContents()).map(squash)

  it('shows both trees and the panel explaining what is shared', async () => {
    expect(await page.title()).toBe('Context-Action · Vue and Svelte side by side')
    const panel = page.getByRole('complementary', { name: 'What is shared' })
    expect(await panel.isVisible()).toBe(true)
    expect(await text(panel)).toContain('One domain instance')
    expect(await vue().getByRole('heading', { level: 2, name: 'Master-detail' }).count()).toBe(1)
    expect(await svelte().getByRole('heading', { level: 2, name: 'Master-detail' }).count()).toBe(1)
    expect(await vue().getByRole('heading', { level: 2, name: 'Checkout with rollback' }).count()).toBe(1)
    expect(await svelte().getByRole('heading', { level: 2, name: 'Checkout with rollback' }).count()).toBe(1)
  })

  it('an edit in the Vue tree shows up in the Svelte tree at once', async () => {
    await userButton(vue(), 'Ada Lovelace').click()
    // The selection is a shared store: the Svelte tree selects and shows the same user.
    await expect.poll(() => userButton(svelte(), 'Ada Lovelace').getAttribute('aria-pressed')).toBe('true')
    await expect.poll(() => nameInput(svelte()).inputValue()).toBe('Ada Lovelace')

    await nameInput(vue()).fill('Ada Byron')
    await save(vue()).click()
    await expect.poll(() => userButton(svelte(), 'Ada Byron').count()).toBe(1)
    expect(await userButton(svelte(), 'Ada Lovelace').count()).toBe(0)
    await expect.poll(() => nameInput(svelte()).inputValue()).toBe('Ada Byron')
    await expect.poll(() => userButton(vue(), 'Ada Byron').count()).toBe(1)
  })

  it('an edit in the Svelte tree shows up in the Vue tree at once; its abort message shows in both, labelled in the Vue tree', async () => {
    await userButton(svelte(), 'Alan Turing').click()
    await expect.poll(() => userButton(vue(), 'Alan Turing').getAttribute('aria-pressed')).toBe('true')
    await expect.poll(() => nameInput(svelte()).inputValue()).toBe('Alan Turing')

    await nameInput(svelte()).fill('Alan M. Turing')
    await save(svelte()).click()
    await expect.poll(() => userButton(vue(), 'Alan M. Turing').count()).toBe(1)
    await expect.poll(() => nameInput(vue()).inputValue()).toBe('Alan M. Turing')

    // One register: the abort message of a Svelte dispatch shows in both trees; the Vue tree, whose form holds a valid
    // name, says which tree raised it.
    await nameInput(svelte()).fill('')
    await save(svelte()).click()
    await expect.poll(() => text(svelte().getByTestId('md-message'))).toBe('Name cannot be empty')
    await expect.poll(() => text(vue().getByTestId('md-message'))).toBe('Name cannot be empty (from the Svelte tree)')
    expect(await nameInput(vue()).inputValue()).toBe('Alan M. Turing')
    expect(await userButton(vue(), 'Alan M. Turing').count()).toBe(1)

    // And the other way round.
    await nameInput(vue()).fill('')
    await save(vue()).click()
    await expect.poll(() => text(vue().getByTestId('md-message'))).toBe('Name cannot be empty')
    await expect.poll(() => text(svelte().getByTestId('md-message'))).toBe('Name cannot be empty (from the Vue tree)')
  })

  it('a dispatch in one tree updates the other: log in, add to cart, check out', async () => {
    await button(vue(), 'Log in as Ada Lovelace').click()
    await expect.poll(() => text(svelte().getByTestId('session'))).toBe('Signed in as Ada Lovelace')

    await button(svelte(), 'Add Mechanical keyboard').click()
    await expect.poll(() => items(vue().getByTestId('cart'))).toEqual(['Mechanical keyboard × 1 Remove Mechanical keyboard'])
    expect(await text(vue().getByTestId('stock-p1'))).toBe('5')

    await button(vue(), 'Checkout').click()
    await expect.poll(async () => (await items(svelte().getByTestId('orders'))).filter((o) => o.includes(' · confirmed · '))).toHaveLength(1)
    await expect.poll(() => items(svelte().getByTestId('cart'))).toEqual(['Cart is empty'])
    expect(await text(svelte().getByTestId('stock-p1'))).toBe('4')

    // Leave something visible in both trees for the screenshot.
    await userButton(svelte(), 'Grace Hopper').click()
    await nameInput(svelte()).fill('Grace B. Hopper')
    await save(svelte()).click()
    await expect.poll(() => userButton(vue(), 'Grace B. Hopper').count()).toBe(1)
    await button(vue(), 'Add Wireless mouse').click()
    await expect.poll(() => items(svelte().getByTestId('cart'))).toEqual(['Wireless mouse × 1 Remove Wireless mouse'])
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, 'side-by-side', 'page')
  })
  it('the page has the API switches: with Fail payments on, a checkout from one tree rolls back in both', async () => {
    const switches = page.getByRole('region', { name: 'API switches' })
    expect(await switches.count()).toBe(1)
    await button(vue(), 'Log in as Ada Lovelace').click()
    await expect.poll(() => text(svelte().getByTestId('session'))).toBe('Signed in as Ada Lovelace')
    await button(vue(), 'Add Mechanical keyboard').click()
    await expect.poll(() => items(svelte().getByTestId('cart'))).toEqual(['Mechanical keyboard × 1 Remove Mechanical keyboard'])

    await switches.getByLabel('Fail payments', { exact: true }).check()
    const latency = switches.getByLabel('Latency (ms)', { exact: true })
    await latency.fill('800')
    await latency.press('Tab')
    await expect.poll(async () => await apiSettings(app)).toEqual({ latencyMs: 800, failureRate: 0, failPayments: true })

    await button(svelte(), 'Checkout').click()
    // While the payment is pending both trees show the optimistic state: cart empty, stock taken, order processing.
    await expect
      .poll(async () => ({
        vueCart: await items(vue().getByTestId('cart')),
        vueStock: await text(vue().getByTestId('stock-p1')),
        vueOrders: (await items(vue().getByTestId('orders'))).map((o) => o.split(' · ')[1]),
      }))
      .toEqual({ vueCart: ['Cart is empty'], vueStock: '4', vueOrders: ['processing'] })
    // Then it is declined and both trees are rolled back; the message says which tree checked out.
    await expect.poll(() => text(svelte().getByTestId('checkout-message'))).toBe('Payment failed: Payment declined')
    await expect.poll(() => text(vue().getByTestId('checkout-message'))).toBe('Payment failed: Payment declined (from the Svelte tree)')
    for (const tree of [vue(), svelte()]) {
      expect(await items(tree.getByTestId('cart'))).toEqual(['Mechanical keyboard × 1 Remove Mechanical keyboard'])
      expect(await text(tree.getByTestId('stock-p1'))).toBe('5')
      expect(await items(tree.getByTestId('orders'))).toEqual([])
    }
  })
})
