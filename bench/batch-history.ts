// Section 6 of `npm run bench` (alone: `npm run bench -- --only history`): a batch of two pipelines
// whose recent runs say how long they usually take. The one lifecycle gives every run of a batch the
// single run's schedule: its usual duration and the dense band of reads near it. Measured on the
// emulator: status reads and how long after the last run's end the step noticed it (detection
// latency). With BENCH_COMPARE_DIST=<another dist/> the same scenario runs against that bundle too,
// e.g. the v1.1 bundle, whose batch ignored history:
//   git worktree add /tmp/v11 2d9067c && BENCH_COMPARE_DIST=/tmp/v11/dist npm run bench -- --only history
import path from 'node:path';
import { startWorld, type World } from '../test/support/scenario.ts';
import { DIST, NODE, StepDir, log, runProcess, table } from './common.ts';
import { addBenchPipeline } from './polling.ts';

export interface HistoryCell {
  bundle: string;
  /** getRun and queryPipelineRuns (PipelineName In): the wait's status reads. */
  status: number;
  /** queryPipelineRuns for the pipelines' recent successful runs (their usual duration). */
  history: number;
  /** From the last run's end (as the emulator scripted it) to the step's exit. */
  latencyMs: number;
  wallMs: number;
  ok: boolean;
}

/** Ten past runs within ±3 % of the run's length: the band the wait reads densely. */
const pastRuns = (ms: number) => Array.from({ length: 10 }, (_, i) => Math.round(ms * (0.97 + (i % 7) * 0.01)));

async function once(w: World, bundle: string, runsMs: number[]): Promise<HistoryCell> {
  const names = runsMs.map((_, i) => `bench-history-${i + 1}`);
  w.emu.clearRequests();
  const step = new StepDir();
  const before = w.emu.runs.length;
  const inputs = {
    ...w.base,
    ...w.secretAuth,
    'poll-interval': 'auto',
    pipelines: names.map((n) => `- ${n}`).join('\n'),
  };
  const r = await runProcess(NODE, [path.join(bundle, 'main/index.js')], {
    env: step.env(inputs, { ...w.caEnv, TMPDIR: step.dir }),
    timeoutMs: Math.max(...runsMs) + 180_000,
  });
  step.remove();
  const runs = w.emu.runs.slice(before);
  const lastEnd = Math.max(...runs.map((x) => x.createdAt + x.endOffset));
  const reqs = [...w.emu.requests];
  const queries = reqs.filter((q) => q.service === 'arm' && q.op === 'queryPipelineRuns');
  const isHistory = (q: (typeof reqs)[number]) =>
    JSON.stringify((q.body as { filters?: unknown }).filters ?? []).includes('"Status"');
  return {
    bundle,
    status:
      reqs.filter((q) => q.service === 'arm' && q.op === 'getRun').length + queries.filter((q) => !isHistory(q)).length,
    history: queries.filter(isHistory).length,
    latencyMs: r.startedAt + r.wallMs - lastEnd,
    wallMs: r.wallMs,
    ok: r.exitCode === 0,
  };
}

export async function benchHistory(runsMs: number[]): Promise<HistoryCell[]> {
  const w = await startWorld();
  try {
    runsMs.forEach((ms, i) => {
      addBenchPipeline(w, `bench-history-${i + 1}`, ms);
      w.emu.seedHistory(`bench-history-${i + 1}`, pastRuns(ms));
    });
    const bundles = [DIST, ...(process.env.BENCH_COMPARE_DIST ? [path.resolve(process.env.BENCH_COMPARE_DIST)] : [])];
    const cells: HistoryCell[] = [];
    for (const bundle of bundles) {
      log(`history: a batch of ${runsMs.length} with history, ${bundle}`);
      cells.push(await once(w, bundle, runsMs));
    }
    return cells;
  } finally {
    await w.emu.close();
  }
}

export function renderHistory(cells: HistoryCell[], runsMs: number[]): string {
  const lines = [`## 6. A batch of pipelines with history`, ''];
  lines.push(
    `Two pipelines in one step (\`pipelines\`, \`poll-interval: auto\`), runs of ${runsMs.map((m) => `${m / 1000} s`).join(' and ')}, each with ten past runs within 3 % of that. "status reads" counts getRun and the batch's status queries; "history" the queries for the pipelines' recent successful runs; "noticed after" is the time from the last run's end to the step's exit.`,
    '',
  );
  lines.push(
    table(
      ['bundle', 'status reads', 'history queries', 'noticed after', 'wall time', 'succeeded'],
      cells.map((c) => [
        path.relative(process.cwd(), c.bundle) || c.bundle,
        c.status,
        c.history,
        `${(c.latencyMs / 1000).toFixed(1)} s`,
        `${(c.wallMs / 1000).toFixed(1)} s`,
        c.ok ? '✅' : '❌',
      ]),
    ),
    '',
  );
  return lines.join('\n');
}
