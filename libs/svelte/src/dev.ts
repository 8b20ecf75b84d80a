// Whether this is a development build, which keeps the full error messages and checks. The package imports this as
// `#dev`, which its package.json "imports" map to a module by export condition, as the core's build is chosen: Vite,
// Vitest, webpack and Rspack set `development` or `production` and get dev-on.ts or dev-off.ts, whose constants and
// empty functions let a minifier drop what production does not run. This module is the fallback, for a resolver that
// sets neither (Rollup, esbuild, Node): Svelte's own switch (esm-env), which needs no bundler to replace
// `process.env.NODE_ENV` (a bare `process` would throw where nothing replaces it: a Rollup app without
// @rollup/plugin-replace).
import { DEV } from 'esm-env'
import { checkProviderProps as check } from './dev-on.js'

export const isDev: boolean = DEV

/** `Provider`'s props checked in development (see dev-on.ts). */
export function checkProviderProps(props: () => [context: unknown, state: unknown, register: unknown]): void {
  if (DEV) check(props)
}
