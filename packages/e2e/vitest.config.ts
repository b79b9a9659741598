import { defineConfig } from 'vitest/config';

/**
 * Browser journeys against the real server and the built web app (`npm run test:e2e` at the
 * root builds it first). One file at a time: each journey owns a server and a Chromium.
 */
export default defineConfig({
  test: {
    include: ['src/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
