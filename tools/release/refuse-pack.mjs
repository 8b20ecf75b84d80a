// `prepack` of a library's workspace folder: that folder's package.json is the workspace's (TypeScript `source`
// condition, `nx` block, scripts), so packing or publishing it would ship the wrong package. The package that ships
// is the folder `dist`, which the build writes with a clean manifest; this stops the mistake with the right command.
import { basename } from 'node:path'

const lib = basename(process.cwd())
console.error(
  `refuse-pack: libs/${lib} is the workspace folder, not the package. Build it and pack its dist instead:\n` +
    `  npx nx run ${lib}:build && npm pack ./libs/${lib}/dist   (or: npx nx release publish --dry-run)`,
)
process.exit(1)
