// The consumer-check apps in a real browser, the way a user first meets them: under Vite's dev server (`vite`: the
// packages' development build, pre-bundled by Vite's dependency optimizer) and under `vite preview` (the production
// build `vite build` made), and the README's Nuxt and SvelteKit examples under `nuxt dev` / `vite dev` and from their
// built servers. In each, Debian's chromium (playwright-core) uses the README's components as a person would (types,
// clicks) and checks what they show; a console error or warning, an uncaught error or a failed request fails it.
// Used by tools/consumer-check.mjs.
import { join } from 'node:path'
import { freePort, launchChromium, recordApiRequests, startServer } from './browser-kit.mjs'

/**
 * A server of `app` on a free port, once `ready` answers OK: `bin` (an app binary: `vite`, `nuxt`) with `args`, or a
 * built server `node` (a file, told its port by PORT and HOST). `close()` stops it and every process it started.
 */
async function serve(app, { bin = 'vite', args = [], node, ready = '' }) {
  const port = await freePort()
  const command = node ? `node ${node}` : `${bin} ${args.join(' ')}`.trim()
  const listen = ['--host', '127.0.0.1', '--port', String(port), ...(bin === 'vite' ? ['--strictPort'] : [])]
  const url = `http://127.0.0.1:${port}/`
  const server = await startServer({
    what: `consumer-browser: ${command}`,
    file: node ? process.execPath : join(app, 'node_modules', '.bin', bin),
    args: node ? [node] : [...args, ...listen],
    cwd: app,
    env: { FORCE_COLOR: '0', NO_COLOR: '1', HOST: '127.0.0.1', PORT: String(port), NUXT_TELEMETRY_DISABLED: '1' },
    probe: `${url}${ready}`,
    ready: (response) => response.ok,
    // A dev server compiles the page on its first request.
    timeoutMs: 60_000,
  })
  return { url, command, close: server.close }
}

/** Waits (up to 10 s) until `read()` returns `expected`; the error says what it showed instead. */
async function until(what, read, expected) {
  const deadline = Date.now() + 10_000
  let last
  for (;;) {
    last = await read()
    if (last === expected) return
    if (Date.now() > deadline) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(last)}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

/** Fails unless `html` (a page as the server sent it) contains each of `parts`. */
function serverHtml(what, html, parts) {
  const missing = parts.filter((part) => !html.includes(part))
  if (missing.length > 0) throw new Error(`${what}: the server's HTML lacks ${missing.map((m) => JSON.stringify(m)).join(', ')}`)
}

const text = (locator) => locator.evaluateAll((nodes) => nodes.map((node) => node.textContent.replace(/\s+/g, ' ').trim()).join(' | '))

/** The consumer check's own component (#follow): a selector keyed by a prop follows the prop and the store. */
async function followsProp(page) {
  const follow = page.locator('#follow')
  const name = () => text(follow.locator('p'))
  await until('the name a selector keyed by a prop picks', name, 'Ada')
  await follow.getByRole('button', { name: 'Switch user' }).click()
  await until('the name once the prop changed', name, 'Alan')
  await follow.getByRole('button', { name: 'Shout' }).click()
  await until('the name once the store changed', name, 'Alan!')
  await follow.getByRole('button', { name: 'Switch user' }).click()
  await until('the name once the prop changed back', name, 'Ada')
}

/** README.md's App.svelte and libs/svelte/README.md's counter, as a person uses them. */
async function svelteReadme(page, url) {
  await page.goto(url)
  const app = page.locator('#app')
  const greeting = app.locator('p').first()
  const alert = app.getByRole('alert')
  await until('the greeting at first', () => text(greeting), 'Hello, Ada! (ADA)')
  await app.getByRole('button', { name: 'Rename' }).click()
  await until('the alert after renaming to nothing (the handler aborts)', () => text(alert), 'A name is required')
  await app.getByLabel('New name').fill('  Grace ')
  await app.getByRole('button', { name: 'Rename' }).click()
  await until('the greeting after a rename', () => text(greeting), 'Hello, Grace! (GRACE)')
  await until('the field after a rename (the handler clears the draft)', () => app.getByLabel('New name').inputValue(), '')
  await until('the alert after a successful rename', () => text(alert), '')
  const counter = page.locator('#package-example')
  await counter.getByRole('button', { name: 'Increment' }).click()
  await until('the counter after an increment', () => text(counter.locator('p')), 'Count: 1 (doubled: 2)')
  await counter.getByRole('button', { name: 'Reset' }).click()
  await until('the counter after a reset', () => text(counter.locator('p')), 'Count: 0 (doubled: 0)')
}

/** What a person does with the README's components, and what each step must show. */
const scenarios = {
  // README.md's App.vue (a to-do list) and libs/vue/README.md's counter.
  async vue(page, url) {
    await page.goto(url)
    const app = page.locator('#app')
    const input = app.getByPlaceholder('What needs doing?')
    await until('the to-do list at first', () => text(app.locator('p')), '0 to do')
    await input.fill('Buy milk')
    await app.getByRole('button', { name: 'Add' }).click()
    await until('the list after adding a to-do', () => text(app.locator('li')), 'Buy milk')
    await until('the count after adding a to-do', () => text(app.locator('p')), '1 to do')
    await until('the field after adding (the handler clears the draft)', () => input.inputValue(), '')
    const counter = page.locator('#package-example')
    await counter.getByRole('button', { name: 'Increment' }).click()
    await counter.getByRole('button', { name: 'Increment' }).click()
    await until('the counter after two increments', () => text(counter.locator('p')), 'Count: 2')
    await counter.getByRole('button', { name: 'Reset' }).click()
    await until('the counter after a reset', () => text(counter.locator('p')), 'Count: 0')
    await followsProp(page)
  },
  // README.md's App.svelte (a greeting renamed through an action) and libs/svelte/README.md's counter.
  async svelte(page, url) {
    await svelteReadme(page, url)
    await followsProp(page)
  },
  // The same bundled by Rollup with nothing replacing process.env.NODE_ENV: the adapter runs its production build.
  async svelteRollup(page, url) {
    await svelteReadme(page, url)
    const adapterError = () => page.locator('#follow').getAttribute('data-adapter-error')
    await until('the adapter error of a bad context name', adapterError, 'createActionContext: error svelte-1 (https://github.com/context-action/context-action-vue-svelte/blob/main/docs/errors.md#svelte-1)')
  },
  // README.md's Nuxt example (its four files, verbatim) at /todos: rendered by Nitro, hydrated from the payload.
  async nuxt(page, url, apiRequests) {
    serverHtml('/todos', await (await fetch(`${url}todos`)).text(), ['Read the guide', 'Write the plugin'])
    await page.goto(`${url}todos`)
    await page.waitForFunction(() => document.querySelector('#__nuxt')?.__vue_app__ !== undefined)
    const items = page.locator('li')
    await until('the todos after hydration', () => text(items), 'Read the guide | Write the plugin')
    await page.getByLabel('Show done').uncheck()
    await until('the todos with Show done off', () => text(items), 'Write the plugin')
    // A click, not check(): the done todo leaves the list at once (Show done is off), so there is no box left to verify.
    await page.getByLabel('Write the plugin').click()
    await until('the todos once the last one is done', () => text(items), '')
    await page.getByLabel('Show done').check()
    await until('the todos with Show done on again', () => text(items), 'Read the guide | Write the plugin')
    if (apiRequests.length > 0) throw new Error(`the browser fetched what the page carried: ${apiRequests.join(', ')}`)
  },
  // README.md's SvelteKit example (its four files, verbatim): the layout's server load, hydrated from the page data.
  async sveltekit(page, url, apiRequests) {
    serverHtml('/', await (await fetch(url)).text(), ['Ada Lovelace · light'])
    await page.goto(url)
    await page.waitForLoadState('networkidle')
    const profile = page.getByTestId('profile')
    await until('the profile after hydration', () => text(profile), 'Ada Lovelace · light')
    await page.getByRole('button', { name: 'Toggle theme' }).click()
    await until('the profile after toggling the theme', () => text(profile), 'Ada Lovelace · dark')
    if (apiRequests.length > 0) throw new Error(`the browser fetched what the page carried: ${apiRequests.join(', ')}`)
  },
}

/**
 * Runs `kind`'s scenario against the app under each of `servers` (by default `vite`, for development, and `vite
 * preview`, for production; see `serve` for the others; a server's `label` names it in the report); returns a line
 * per server. Needs the app installed and built.
 */
export async function browserCheck(app, kind, servers = [{ args: [] }, { args: ['preview'] }]) {
  const browser = await launchChromium()
  const lines = []
  try {
    for (const spec of servers) {
      const server = await serve(app, spec)
      const started = Date.now()
      const problems = []
      let page
      try {
        if (!spec.node) {
          // A dev server may optimize dependencies it finds on the first load, then reload the page: load it once first.
          const warm = await browser.newPage()
          await warm.goto(`${server.url}${spec.ready ?? ''}`)
          await warm.waitForLoadState('networkidle')
          await warm.close()
        }
        page = await browser.newPage()
        page.on('console', (message) => {
          // A failed request is reported below with its address; the console's line for it names none.
          if (message.text().startsWith('Failed to load resource')) return
          if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`)
        })
        page.on('response', (response) => {
          if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`)
        })
        const apiRequests = recordApiRequests(page)
        page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
        // Each scenario navigates once; a second load is the page reloading by itself (and losing what was typed).
        // (A document load, not `framenavigated`, which a router's history.replaceState fires too.)
        let loads = 0
        page.on('load', () => {
          if (++loads === 2) problems.push(`the page reloaded by itself (${page.url()})`)
        })
        await scenarios[kind](page, server.url, apiRequests)
        if (problems.length > 0) throw new Error('the scenario passed, but not cleanly')
      } catch (error) {
        // What the page reported first is usually the cause (a module that failed to load, an error thrown on mount).
        const reported = problems.length > 0 ? `\nthe page reported:\n${problems.join('\n')}` : ''
        throw new Error(`consumer-browser: ${server.command} in ${app}: ${error.message.split('\n')[0]}${reported}`, { cause: error })
      } finally {
        await page?.close()
        await server.close()
      }
      const what = spec.label ?? (spec.node ? 'the built server' : server.command === 'vite' ? 'vite (dev server)' : server.command)
      lines.push(`${what}: the README's example works in chromium (${((Date.now() - started) / 1000).toFixed(1)} s)`)
    }
  } finally {
    await browser.close()
  }
  return lines
}
