// The soak test (`npm run test:soak`): long and mostly waiting, so it runs after `npm test` in
// .ci/run instead of on the default run's critical path.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/soak.e2e.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
