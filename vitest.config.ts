import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: e2e files spawn real processes against real servers; keep the load predictable.
    maxWorkers: 2,
  },
});
