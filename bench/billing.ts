// Section 5 of `npm run bench` (alone: `npm run bench -- --only billing`): what the billing read
// adds at a run's end (issue 20), for a run of 10, 100 and 1,000 activity runs: the HTTP pages it
// reads (ADF pages hold 100 activity runs, as observed) and its wall time, in process against the
// emulator (real HTTPS, the real Data Factory client). Two cases, as the lifecycle has them
// (src/run/details.ts): a batch's succeeded run, whose activity runs nothing else reads, and a
// single run, whose summary has read every activity run already (passed in as `known`).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { NODE, repoRoot, table } from './common.ts';

export interface BillingRow {
  activityRuns: number;
  /** Nothing read before (a batch's succeeded run). */
  alone: { pages: number; complete: boolean; medianMs: number; maxMs: number };
  /** Every row known already (a single run, after its summary's read). */
  known: { pages: number; medianMs: number };
}

const REPEATS = 7;

export function benchBilling(): BillingRow[] {
  const out = execFileSync(
    NODE,
    [
      '--experimental-transform-types',
      '--no-warnings',
      '--import',
      './bench/src-hooks.ts',
      path.join('bench', 'billing-measure.ts'),
    ],
    { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as BillingRow[];
}

export function renderBilling(rows: BillingRow[]): string {
  return [
    `## 5. Billing at a run's end (\`billing: true\`)\n`,
    `The billing read of one ended run (src/cost/read-billing.ts) in process against the emulator, real HTTPS, ${REPEATS} repeats after a warm-up (median, max). ` +
      `"alone": a batch's succeeded run, whose activity runs nothing else reads; "summary's rows known": a single run, whose job summary read every activity run already. ` +
      `Pages hold 100 activity runs (as ADF's do); caps 20 pages per run, 100 per step.\n`,
    table(
      ['activity runs', 'pages (alone)', 'complete', 'median', 'max', "pages (summary's rows known)", 'median'],
      rows.map((r) => [
        String(r.activityRuns),
        String(r.alone.pages),
        r.alone.complete ? 'yes' : 'no',
        `${r.alone.medianMs.toFixed(1)} ms`,
        `${r.alone.maxMs.toFixed(1)} ms`,
        String(r.known.pages),
        `${r.known.medianMs.toFixed(2)} ms`,
      ]),
    ),
    '',
  ].join('\n');
}
