// The Nuxt demo: the Vue demo's master-detail and cache screens, rendered on the server per request, with the
// domain's state carried to the browser in Nuxt's payload (app/plugins/demo.ts) and the demo API served by Nitro
// (server/api/[...path].ts). The README's Nuxt example runs beside it as the layer layers/example (page /todos),
// which Nuxt registers by itself. Offline: no telemetry, no devtools, no fonts or icons fetched.

// The workspace libraries resolve to their TypeScript source (their `source` export condition), as in the Vite apps.
const clientConditions = ['source', 'module', 'browser', 'development|production']
const serverConditions = ['source', 'module', 'node', 'development|production']

export default defineNuxtConfig({
  compatibilityDate: '2026-01-01',
  telemetry: false,
  devtools: { enabled: false },
  css: ['@context-action/demo-theme/demo.css'],
  app: {
    head: {
      title: 'Context-Action · Nuxt demo',
      htmlAttrs: { lang: 'en' },
      link: [{ rel: 'icon', href: 'data:,' }],
    },
  },
  devServer: { host: '127.0.0.1', port: 4203 },
  vite: {
    resolve: { conditions: clientConditions },
    ssr: { resolve: { conditions: serverConditions, externalConditions: serverConditions } },
    // A hydration mismatch is reported with its details in the production build too (the browser tests look for it).
    vue: { features: { prodHydrationMismatchDetails: true } },
  },
  // Type-check against the workspace libraries' source (their `source` condition, so no library needs building first)
  // with the workspace's settings: Nuxt turns on noUncheckedIndexedAccess, which those libraries are not written for.
  // The app's own tests and Vitest config are type-checked too, with the Node settings (paths relative to .nuxt).
  typescript: {
    tsConfig: { compilerOptions: { customConditions: ['source'], noUncheckedIndexedAccess: false } },
    nodeTsConfig: { include: ['../tests/**/*', '../vitest.config.ts'] },
  },
  nitro: {
    typescript: { tsConfig: { compilerOptions: { customConditions: ['source'], noUncheckedIndexedAccess: false } } },
    exportConditions: ['source'],
    // The workspace packages are TypeScript source: bundle them into the server instead of copying them beside it.
    externals: { inline: [/@context-action\//, /\/libs\//, /\/apps\/vue-demo\//] },
  },
})
