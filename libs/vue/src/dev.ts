// Module-scoped, so it does not clash with @types/node; bundlers replace `process.env.NODE_ENV` as they do for Vue.
declare const process: { env: { NODE_ENV?: string } }

/** True outside production builds: values are wrapped read-only so an in-place write warns. */
export const isDev = process.env.NODE_ENV !== 'production'
