import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The soak test has its own run (npm run test:soak, after npm test in .ci/run).
    exclude: [...configDefaults.exclude, 'test/e2e/soak.e2e.test.ts', '.stryker-tmp/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: e2e files spawn real processes against real servers; keep the load predictable.
    maxWorkers: 2,
  },
});
