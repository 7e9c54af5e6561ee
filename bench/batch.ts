// Section 4 of `npm run bench` (alone: `npm run bench -- --only batch`, or `npm run bench:batch`):
// several pipelines in one step (`pipelines`) against the same pipelines as a matrix of steps (one
// process each), for 1, 5 and 20 pipelines: status requests, all ARM reads, sign-ins and wall time,
// measured on the emulator; then what a one-hour wait costs with `poll-interval: auto`
// (src/run/schedule.ts) and the share of ARM's read budget it takes (token bucket of 250 reads,
// refilled at 25/s per principal and subscription).
import { pollTimes } from '../src/run/schedule.ts';
import type { RecordedRequest } from '../test/emulator/index.ts';
import { startWorld } from '../test/support/scenario.ts';
import { ACTION_MAIN, NODE, StepDir, log, runProcess, table } from './common.ts';
import { addBenchPipeline } from './polling.ts';

const REFILL_PER_S = 25;
const BUCKET = 250;

export interface BatchCell {
  n: number;
  mode: 'one step' | 'matrix';
  status: number;
  reads: number;
  tokens: number;
  wallMs: number;
  peakReadsPerS: number;
  ok: boolean;
}

const isRead = (q: RecordedRequest) =>
  q.service === 'arm' && (q.method === 'GET' || q.op === 'queryPipelineRuns' || q.op === 'queryActivityRuns');

function peakPerSecond(reqs: RecordedRequest[]): number {
  const at = reqs.map((q) => q.at).sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < at.length; i++) {
    while (j < at.length && at[j]! < at[i]! + 1_000) j++;
    best = Math.max(best, j - i);
  }
  return best;
}

export interface BatchOptions {
  sizes: number[];
  runMs: number;
}

export async function benchBatch({ sizes, runMs }: BatchOptions): Promise<BatchCell[]> {
  const w = await startWorld();
  const cells: BatchCell[] = [];
  try {
    const max = Math.max(...sizes);
    for (let i = 0; i < max; i++) addBenchPipeline(w, `bench-batch-${i + 1}`, runMs);
    const base = { ...w.base, ...w.secretAuth, 'poll-interval': 'auto' };
    for (const n of sizes) {
      const names = Array.from({ length: n }, (_, i) => `bench-batch-${i + 1}`);
      for (const mode of ['one step', 'matrix'] as const) {
        log(`batch: ${n} pipeline(s), ${mode}`);
        w.emu.clearRequests();
        const steps =
          mode === 'one step'
            ? [{ pipelines: names.map((x) => `- ${x}`).join('\n') }]
            : names.map((x) => ({ 'pipeline-name': x }));
        const t0 = performance.now();
        const results = await Promise.all(
          steps.map(async (inputs) => {
            const step = new StepDir();
            const r = await runProcess(NODE, [ACTION_MAIN], {
              env: step.env({ ...base, ...inputs }, { ...w.caEnv, TMPDIR: step.dir }),
              timeoutMs: runMs + 120_000,
            });
            step.remove();
            return r;
          }),
        );
        const wallMs = performance.now() - t0;
        const reqs = [...w.emu.requests];
        cells.push({
          n,
          mode,
          status: reqs.filter((q) => q.service === 'arm' && (q.op === 'getRun' || q.op === 'queryPipelineRuns')).length,
          reads: reqs.filter(isRead).length,
          tokens: reqs.filter((q) => q.op === 'token').length,
          wallMs,
          peakReadsPerS: peakPerSecond(reqs.filter(isRead)),
          ok: results.every((r) => r.exitCode === 0),
        });
      }
    }
  } finally {
    await w.emu.close();
  }
  return cells;
}

const HOUR = 3_600_000;

export function renderBatch(cells: BatchCell[], runMs: number): string {
  const perHour = pollTimes('auto', HOUR).length;
  const lines: string[] = [];
  lines.push(`## 4. Several pipelines: one step against a matrix of steps`, '');
  lines.push(
    `Measured on the emulator: ${runMs / 1000} s runs, \`poll-interval: auto\`, all started at once. "status" counts getRun and queryPipelineRuns; "ARM reads" every GET and run query (definitions, status, activity runs); "sign-ins" token requests.`,
    '',
  );
  lines.push(
    table(
      [
        'pipelines',
        'how',
        'status requests',
        'ARM reads',
        'peak reads in 1 s',
        'sign-ins',
        'wall time',
        'all succeeded',
      ],
      cells.map((c) => [
        c.n,
        c.mode,
        c.status,
        c.reads,
        c.peakReadsPerS,
        c.tokens,
        `${(c.wallMs / 1000).toFixed(1)} s`,
        c.ok ? '✅' : '❌',
      ]),
    ),
  );
  lines.push('');
  lines.push(
    `A one-hour wait with \`auto\` polls ${perHour} times. ARM refills ${REFILL_PER_S} reads/s (${REFILL_PER_S * 3600} an hour) into a bucket of ${BUCKET}, per principal and subscription:`,
    '',
  );
  lines.push(
    table(
      ['pipelines', 'one step: status reads/h', 'share of the refill', 'matrix: status reads/h', 'share of the refill'],
      [1, 5, 20, 100].map((n) => [
        n,
        perHour,
        `${((perHour / (REFILL_PER_S * 3600)) * 100).toFixed(2)} %`,
        perHour * n,
        `${(((perHour * n) / (REFILL_PER_S * 3600)) * 100).toFixed(2)} %`,
      ]),
    ),
  );
  lines.push('');
  return lines.join('\n');
}
