import { defineConfig } from 'vitest/config'

/**
 * Browser tests: a real server and real Chromium per file, so one file at a time on one
 * worker, with timeouts that allow for a cold browser start on a busy machine.
 */
export default defineConfig({
  resolve: { conditions: ['@touchline/source'] },
  test: {
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
    retry: 0,
  },
})
