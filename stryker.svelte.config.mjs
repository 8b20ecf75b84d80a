// Mutation testing of libs/svelte (`npm run mutation:svelte`; not part of test:all: 5 to 12 minutes on two cores).
// Scope it with `npm run mutation:svelte -- --mutate libs/svelte/src/select.ts`. Settings: tools/stryker-adapter.mjs.
import { adapterMutationConfig } from './tools/stryker-adapter.mjs'

// The components too: Stryker 9.6 instruments a .svelte file's scripts (Provider.svelte and TestHost.svelte get no
// mutant today: their one expression with logic, `(state ?? register) as never`, is inside a TypeScript `as`, where
// Stryker places none).
export default adapterMutationConfig('svelte', { mutate: ['libs/svelte/src/**/*.svelte'] })
