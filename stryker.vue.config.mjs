// Mutation testing of libs/vue (`npm run mutation:vue`; not part of test:all: 12 to 21 minutes on two cores).
// Scope it with `npm run mutation:vue -- --mutate libs/vue/src/follow.ts`. Settings: tools/stryker-adapter.mjs.
import { adapterMutationConfig } from './tools/stryker-adapter.mjs'

export default adapterMutationConfig('vue')
