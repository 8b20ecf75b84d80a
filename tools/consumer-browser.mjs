// The consumer-check apps in a real browser, the way a user first meets them: under Vite's dev server (`vite`: the
// packages' development build, pre-bundled by Vite's dependency optimizer) and under `vite preview` (the production
// build `vite build` made). In each, Debian's chromium (playwright-core) uses the README's components as a person
// would (types, clicks) and checks what they show; a console error or warning, an uncaught error or a failed request
// fails the check.
// Used by tools/consumer-check.mjs.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })

/** `vite ...args` in `app` on a free port, once it answers; `close()` stops it. */
async function serve(app, args) {
  const port = await freePort()
  const command = `vite ${args.join(' ')}`.trim()
  const child = spawn(join(app, 'node_modules', '.bin', 'vite'), [...args, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: app,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  })
  let output = ''
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (output += chunk))
  const exited = new Promise((resolve) => child.once('exit', resolve))
  const close = async () => {
    if (child.exitCode === null) child.kill()
    await exited
  }
  const url = `http://127.0.0.1:${port}/`
  const deadline = Date.now() + 30_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`consumer-browser: ${command} exited (${child.exitCode}):\n${output}`)
    const answered = await fetch(url).then((response) => response.ok, () => false)
    if (answered) return { url, command, close }
    if (Date.now() > deadline) {
      await close()
      throw new Error(`consumer-browser: ${command} did not answer on ${url} within 30 s:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
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

const text = (locator) => locator.evaluateAll((nodes) => nodes.map((node) => node.textContent.replace(/\s+/g, ' ').trim()).join(' | '))

/** What a person does with the README's components, and what each step must show. */
const scenarios = {
  // README.md's App.vue (a to-do list) and libs/vue/README.md's counter.
  async vue(page) {
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
  },
  // README.md's App.svelte (a greeting renamed through an action) and libs/svelte/README.md's counter.
  async svelte(page) {
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
  },
}

/**
 * Runs `kind`'s scenario against the app under `vite` (development) and `vite preview` (production); returns a line
 * per server. Needs the app installed and built (`vite build`).
 */
export async function browserCheck(app, kind) {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(executablePath)) {
    throw new Error(`consumer-browser: no Chromium at ${executablePath}; run "sh tools/ensure-chromium.sh" or set CHROMIUM_PATH`)
  }
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  const lines = []
  try {
    for (const args of [[], ['preview']]) {
      const server = await serve(app, args)
      const started = Date.now()
      const page = await browser.newPage()
      const problems = []
      page.on('console', (message) => {
        // A failed request is reported below with its address; the console's line for it names none.
        if (message.text().startsWith('Failed to load resource')) return
        if (message.type() === 'error' || message.type() === 'warning') problems.push(`console.${message.type()}: ${message.text()}`)
      })
      page.on('response', (response) => {
        if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`)
      })
      page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`))
      try {
        await page.goto(server.url)
        await scenarios[kind](page)
        if (problems.length > 0) throw new Error('the scenario passed, but not cleanly')
      } catch (error) {
        // What the page reported first is usually the cause (a module that failed to load, an error thrown on mount).
        const reported = problems.length > 0 ? `\nthe page reported:\n${problems.join('\n')}` : ''
        throw new Error(`consumer-browser: ${server.command} in ${app}: ${error.message.split('\n')[0]}${reported}`, { cause: error })
      } finally {
        await page.close()
        await server.close()
      }
      lines.push(`${server.command === 'vite' ? 'vite (dev server)' : server.command}: the README's components work in chromium (${((Date.now() - started) / 1000).toFixed(1)} s)`)
    }
  } finally {
    await browser.close()
  }
  return lines
}
