// What the browser tests (tools/e2e-helpers.ts) and the consumer check (tools/consumer-browser.mjs) both need: a free
// loopback port, a server started as a child process and waited for, Debian's chromium, and a page's API requests.
// Plain JavaScript, so the consumer check runs it with Node itself; its types are in browser-kit.d.mts.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { chromium } from 'playwright-core'

/** A port the OS says is free on 127.0.0.1 (for servers that cannot be given port 0 and report theirs). */
export async function freePort() {
  const probe = createServer()
  await new Promise((resolve, reject) => probe.once('error', reject).listen(0, '127.0.0.1', resolve))
  const { port } = probe.address()
  await new Promise((resolve) => probe.close(() => resolve()))
  return port
}

/**
 * Start `file` with `args` in `cwd` (with `env` added to this process's), in a process group of its own so that
 * `close()` also stops what it starts (`nuxt dev` runs its server in a child process), and resolve once `probe`
 * answers in a way `ready` accepts (by default, any answer). An exit or no answer within `timeoutMs` is an error
 * naming `what`, with the server's output.
 */
export async function startServer({ what, file, args = [], cwd, env = {}, probe, ready = () => true, timeoutMs = 30_000 }) {
  const child = spawn(file, args, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (output += chunk))
  const exited = new Promise((resolve) => child.once('exit', () => resolve()))
  const close = async () => {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {
      // Gone already.
    }
    await exited
  }
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode} before answering:\n${output}`)
    // A dev server may take seconds to answer its first request (it compiles the page then).
    const answered = await fetch(probe, { signal: AbortSignal.timeout(10_000) }).then(ready, () => false)
    if (answered) return { output: () => output, close }
    if (Date.now() > deadline) {
      await close()
      throw new Error(`${what} did not answer on ${probe} within ${timeoutMs} ms:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Debian's chromium (or `$CHROMIUM_PATH`), headless. A missing browser is an error, never a skip. */
export async function launchChromium() {
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
  if (!existsSync(executablePath)) {
    throw new Error(
      `no Chromium at ${executablePath}. Browser tests do not skip: run "sh tools/ensure-chromium.sh" ` +
        `(apt-get install chromium) or set CHROMIUM_PATH to a Chromium binary.`,
    )
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}

/** The requests `page` makes to an API under /api/ from now on, as `METHOD /api/path`. */
export function recordApiRequests(page) {
  const requests = []
  page.on('request', (request) => {
    const { pathname } = new URL(request.url())
    if (pathname.startsWith('/api/')) requests.push(`${request.method()} ${pathname}`)
  })
  return requests
}
