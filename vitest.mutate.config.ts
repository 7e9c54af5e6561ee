// What `npm run mutate` runs for each mutant: the in-process tests of src/run/ and src/report/, and
// of main.run() and post.run() (all of them for every mutant: stryker.config.json explains why
// there is no per-test filtering). Tests on real timers that take seconds are left out.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/run/**/*.test.ts', 'test/unit/report/**/*.test.ts', 'test/unit/main/**/*.test.ts'],
    exclude: ['test/unit/run/watch-hang.test.ts', 'test/unit/report/defects.test.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
