// Browser-test helpers: an app's built preview server started in-process on a free loopback port (or a built Node
// server as a child process), Debian's chromium driven by playwright-core (never a downloaded browser), the demo API's
// reset/settings/request log, and screenshots.
import { existsSync, mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { preview, type PreviewServer } from 'vite'
import { freePort, launchChromium, recordApiRequests, startServer } from './browser-kit.mjs'

export { freePort, launchChromium }

export const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const screenshotDir = join(workspaceRoot, 'apps/demo-e2e/test-output/screenshots')
export const viewport = { width: 1200, height: 800 } as const

/** The demo API's users after a reset, in the order the screens list them. */
export const DEMO_USERS = ['Ada Lovelace', 'Alan Turing', 'Grace Hopper', 'Edsger Dijkstra', 'Barbara Liskov', 'Donald Knuth', 'Margaret Hamilton', 'Ken Thompson']

export interface RunningApp {
  name: string
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string
  server: PreviewServer
  close(): Promise<void>
}

/** Serve `apps/<name>/dist` with Vite's preview server (and the app's `demoApiPlugin()`) on 127.0.0.1, port chosen by the OS. */
export async function startPreview(name: string): Promise<RunningApp> {
  const root = join(workspaceRoot, 'apps', name)
  if (!existsSync(join(root, 'dist', 'index.html'))) {
    throw new Error(`e2e: ${name} is not built (${join(root, 'dist', 'index.html')} is missing); run "npx nx run ${name}:build" or "npx nx run demo-e2e:e2e"`)
  }
  // configLoader 'runner': the configs import workspace packages that export TypeScript source.
  const server = await preview({ root, configLoader: 'runner', logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: true, open: false } })
  const address = server.httpServer.address() as AddressInfo | string | null
  if (address === null || typeof address === 'string') {
    await server.close()
    throw new Error(`e2e: the preview server for ${name} has no TCP address`)
  }
  return { name, url: `http://127.0.0.1:${address.port}`, server, close: () => server.close() }
}

/** What the demo API helpers need of a running app: its base URL. */
export interface AppUrl {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string
}

export interface RunningServer extends AppUrl {
  name: string
  /** What the server printed so far (stdout and stderr). */
  output(): string
  close(): Promise<void>
}

/**
 * Start a built Node server (`node apps/<name>/<entry>`, as SvelteKit's adapter-node writes it) with `PORT` and `HOST`
 * on a free loopback port, resolved once it answers HTTP. A missing build or a server that exits is an error with
 * its output.
 */
export async function startNodeServer(name: string, entry: string, timeoutMs = 30_000): Promise<RunningServer> {
  const root = join(workspaceRoot, 'apps', name)
  const file = join(root, entry)
  if (!existsSync(file)) throw new Error(`e2e: ${name} is not built (${file} is missing); run "npx nx run ${name}:build" or "npx nx run demo-e2e:e2e"`)
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const server = await startServer({
    what: `e2e: ${name}'s server`,
    file: process.execPath,
    args: [file],
    cwd: root,
    env: { HOST: '127.0.0.1', PORT: String(port) },
    probe: `${url}/`,
    timeoutMs,
  })
  return { name, url, ...server }
}

/**
 * What a server-rendered page does in the browser, recorded from now on: console messages matching `about` (hydration
 * warnings) and the requests it makes to the demo API, as `METHOD /api/path`.
 */
export function watchPage(page: Page, about: RegExp): { messages: string[]; apiRequests: string[] } {
  const messages: string[] = []
  page.on('console', (message) => {
    if (about.test(message.text())) messages.push(`${message.type()}: ${message.text()}`)
  })
  return { messages, apiRequests: recordApiRequests(page) }
}

export interface OpenedPage {
  context: BrowserContext
  page: Page
  /** Uncaught page errors and console errors seen so far. */
  errors: string[]
}

/** A fresh context (no shared state) with the screenshot viewport, collecting page errors. */
export async function openPage(browser: Browser): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport })
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console.error: ${message.text()}`)
  })
  return { context, page, errors }
}

/** Put the app's demo API back to its seed data and initial switches (`POST /api/reset`). */
export async function resetApi(app: AppUrl): Promise<void> {
  const response = await fetch(`${app.url}/api/reset`, { method: 'POST', headers: { 'content-type': 'application/json' } })
  if (!response.ok) throw new Error(`e2e: POST ${app.url}/api/reset answered ${response.status}`)
}

export interface ApiSettings {
  latencyMs: number
  failureRate: number
  failPayments: boolean
}

/** The switches as the server holds them (`GET /api/settings`), to check that the UI's switches reached the API. */
export async function apiSettings(app: AppUrl): Promise<ApiSettings> {
  const response = await fetch(`${app.url}/api/settings`)
  if (!response.ok) throw new Error(`e2e: GET ${app.url}/api/settings answered ${response.status}`)
  return (await response.json()) as ApiSettings
}

/** A JSON GET against the app's demo API. */
export async function apiGet<T>(app: AppUrl, path: string): Promise<T> {
  const response = await fetch(`${app.url}${path}`)
  if (!response.ok) throw new Error(`e2e: GET ${app.url}${path} answered ${response.status}`)
  return (await response.json()) as T
}

/** One request the demo API answered (`GET /api/requests`, oldest first). */
export interface ApiRequestRecord {
  id: number
  method: string
  url: string
  status: number
  /** How many other requests the API was answering when this one arrived. */
  inFlight: number
}

/** The demo API's request log. */
export const apiRequests = (app: AppUrl): Promise<ApiRequestRecord[]> => apiGet<ApiRequestRecord[]>(app, '/api/requests')

/** Save the viewport to `apps/demo-e2e/test-output/screenshots/<app>-<screen>.png`; returns the path. */
export async function screenshot(page: Page, app: string, screen: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true })
  const path = join(screenshotDir, `${app}-${screen}.png`)
  // No focus ring from the last typed-in field in the picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
  await page.screenshot({ path, fullPage: false, animations: 'disabled', caret: 'hide' })
  return path
}

/** Text with whitespace runs collapsed, as a reader sees it. */
export const squash = (text: string | null | undefined): string => (text ?? '').replace(/\s+/g, ' ').trim()
