// Unit tests only (no emulator, no processes): what `npm run mutate` runs for each mutant.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
