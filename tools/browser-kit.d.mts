import type { Browser, Page } from 'playwright-core'

/** A port the OS says is free on 127.0.0.1. */
export function freePort(): Promise<number>

export interface ServerOptions {
  /** Names the server in errors, e.g. "e2e: nuxt-demo's server". */
  what: string
  file: string
  args?: string[]
  cwd: string
  env?: Record<string, string>
  /** The URL polled until `ready` accepts its response. */
  probe: string
  /** Whether a response means the server is ready; by default any answer does. */
  ready?: (response: Response) => boolean
  timeoutMs?: number
}

export interface StartedServer {
  /** What the server printed so far (stdout and stderr). */
  output(): string
  /** Stops the server and every process it started. */
  close(): Promise<void>
}

export function startServer(options: ServerOptions): Promise<StartedServer>

/** Debian's chromium (or `$CHROMIUM_PATH`), headless. */
export function launchChromium(): Promise<Browser>

/** The requests `page` makes to an API under /api/ from now on, as `METHOD /api/path`. */
export function recordApiRequests(page: Page): string[]
