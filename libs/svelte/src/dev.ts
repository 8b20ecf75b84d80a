// Module-scoped, so it does not clash with @types/node; bundlers replace `process.env.NODE_ENV` (Vite, webpack, and
// esbuild or Rollup with the usual define/replace), as they must for Vue's and React's builds.
declare const process: { env: { NODE_ENV?: string } }

/** True outside production builds, which drop the development error messages. */
export const isDev = process.env.NODE_ENV !== 'production'
