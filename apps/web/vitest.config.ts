import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { conditions: ['@touchline/source'] },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    environment: 'node',
  },
})
