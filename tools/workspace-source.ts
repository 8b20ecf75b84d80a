import { defaultClientConditions, defaultServerConditions } from 'vite'

/**
 * Vite/Vitest settings that resolve the workspace libraries to their TypeScript source (the `source` export
 * condition, which tsconfig.base.json's `customConditions` also uses) instead of their `dist` build.
 */
export const workspaceSource = {
  resolve: { conditions: ['source', ...defaultClientConditions] },
  ssr: { resolve: { conditions: ['source', ...defaultServerConditions] } },
}
