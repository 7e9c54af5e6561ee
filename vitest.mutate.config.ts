// What `npm run mutate` runs for each mutant: the in-process tests of src/run/ and src/report/, and
// of main.run() and post.run() (all of them for every mutant: stryker.config.json explains why
// there is no per-test filtering). Left out: tests on real timers that take seconds, the rendering
// checks that load Mermaid or a DOM (seconds of imports per mutant; report.test.ts asserts the same
// Markdown as text), and the failing tests of known defects (Stryker needs a green suite to start).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/run/**/*.test.ts', 'test/unit/report/**/*.test.ts', 'test/unit/main/**/*.test.ts'],
    exclude: [
      'test/unit/run/watch-hang.test.ts',
      'test/unit/report/gantt-mermaid.test.ts',
      'test/unit/report/summary-rendered.test.ts',
      'test/unit/report/defects.test.ts',
      'test/unit/main/defects.test.ts',
    ],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
