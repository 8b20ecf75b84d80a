import { defineConfig } from 'vitest/config'
import { productionCode, readCodes } from '../../tools/error-codes.mjs'

const isSource = (id: string) => /[\\/]libs[\\/]core[\\/]src[\\/].*\.ts$/.test(id) && !/\.(test|test-d)\.ts$/.test(id) && !/[\\/]__tests__[\\/]/.test(id)

// The whole suite runs twice: against the development build (the sources as they are) and against the production
// build (the same modules with numbers for messages, tools/error-codes.mjs), where message text is not asserted.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'development',
          environment: 'node',
          include: ['src/**/*.test.ts'],
          typecheck: { enabled: true, include: ['src/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
        },
      },
      {
        extends: true,
        plugins: [
          {
            name: 'core-production',
            enforce: 'pre',
            transform(code: string, id: string) {
              return isSource(id) ? productionCode(code, id, readCodes()) : undefined
            },
          },
        ],
        test: {
          name: 'production',
          environment: 'node',
          include: ['src/**/*.test.ts'],
          setupFiles: ['src/__tests__/production-setup.ts'],
          env: { CORE_BUILD: 'production' },
        },
      },
    ],
  },
})
