// What `npm run mutate` runs for each mutant: the in-process tests of src/run/ (all of them for every
// mutant: stryker.config.json explains why there is no per-test filtering).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/run/**/*.test.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
