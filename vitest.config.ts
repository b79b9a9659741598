import { defineConfig } from 'vitest/config';

/**
 * Three projects: `unit` (pure code, *.test.ts), `integration` (HTTP + a real database,
 * *.int.test.ts; run once per engine by scripts/test.mjs) and the Playwright journeys, which
 * live in packages/e2e with their own config.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'packages/*/src/**/*.test.tsx'],
          exclude: ['**/*.int.test.ts', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['packages/*/src/**/*.int.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
