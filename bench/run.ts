// `npm run bench` (or `npm run bench -- --quick`): measures the action against the local emulator
// and the curl + jq baseline, and writes bench/results/<time>.json and .md (Markdown also to
// stdout; progress goes to stderr). Sections: 1. cold trigger (1b per service), 2. polling economy,
// 3. memory, 4. several pipelines in one step against a matrix of steps, 5. what the billing read
// adds at a run's end, 6. a batch of pipelines with history (BENCH_COMPARE_DIST: against another bundle).
// Options: --quick (fewer runs, a 60 s memory run, 10 s batch runs), --runs N (measured trigger
// runs per variant), --memory-seconds N, --batch-sizes 1,5,20, --batch-run-seconds N,
// --only trigger,services,polling,memory,batch,history,billing (a subset of the sections).
// BENCH_DIST=<dir> measures another build's main/ and post/ instead of dist/ (for before/after).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ACTION_MAIN, DIST, NODE, hasGnuTime, kbytes, log, mb, ms, repoRoot, seconds, table } from './common.ts';
import { benchMemory, type MemoryResult, type MemorySample } from './memory.ts';
import {
  AUTO_FORMULA,
  MAX_PER_HOUR,
  SCHEDULES,
  benchPollingRuns,
  computedTable,
  historyTable,
  HISTORY_SCHEDULES,
  delayTarget,
  type RealRun,
} from './polling.ts';
import { benchBatch, renderBatch } from './batch.ts';
import { benchHistory, renderHistory } from './batch-history.ts';
import { benchBilling, renderBilling } from './billing.ts';
import { benchServices, renderServices } from './services.ts';
import { benchTrigger, type TriggerResult } from './trigger.ts';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    runs: { type: 'string' },
    'memory-seconds': { type: 'string' },
    only: { type: 'string' },
    'batch-sizes': { type: 'string' },
    'batch-run-seconds': { type: 'string' },
  },
});
const quick = values.quick;
const runs = Number(values.runs ?? (quick ? 5 : 15));
const warmups = quick ? 1 : 2;
const memoryMs = Number(values['memory-seconds'] ?? (quick ? 60 : 300)) * 1000;
const pollingRunsMs = [8_000, 27_000];
/** A run polled every second (the shortest interval allowed): does memory grow per poll? */
const stressMs = quick ? 60_000 : 150_000;
const batchSizes = (values['batch-sizes'] ?? '1,5,20').split(',').map(Number);
const batchRunMs = Number(values['batch-run-seconds'] ?? (quick ? 10 : 20)) * 1000;
const sections = new Set(
  (values.only ?? 'trigger,services,polling,memory,batch,history,billing').split(',').map((x) => x.trim()),
);

function tryRun(cmd: string, args: string[]): string {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', cwd: repoRoot, stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'n/a';
  }
}

function machineInfo() {
  const cpus = os.cpus();
  const status = tryRun('git', ['status', '--porcelain', '--', 'src', 'dist']);
  return {
    date: new Date().toISOString(),
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    nodePath: path.relative(repoRoot, NODE) || NODE,
    curl: tryRun('curl', ['--version']).split('\n')[0],
    jq: tryRun('jq', ['--version']),
    bash: tryRun('bash', ['-c', 'echo $BASH_VERSION']),
    commit: tryRun('git', ['rev-parse', '--short', 'HEAD']),
    srcOrDistModified: status !== '' && status !== 'n/a',
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    gnuTime: hasGnuTime,
  };
}

const check = (ok: boolean) => (ok ? '✅' : '❌');

function renderMachine(m: ReturnType<typeof machineInfo>): string {
  return [
    `- Date: ${m.date}`,
    `- CPU: ${m.cpu}, ${m.cores} cores; memory ${m.memoryGiB} GiB; ${m.os}; load average at start ${m.loadAverage.join(' / ')}`,
    `- Node ${m.node} (${m.nodePath}); ${m.curl}; ${m.jq}; bash ${m.bash}`,
    `- Commit ${m.commit}${m.srcOrDistModified ? ' (with uncommitted changes in src/ or dist/)' : ''}; mode: ${quick ? 'quick' : 'full'}` +
      (DIST === path.join(repoRoot, 'dist') ? '' : `; build measured: ${DIST}`),
  ].join('\n');
}

function renderTrigger(t: TriggerResult): string {
  const action = t.variants.find((v) => v.id === 'action')!;
  const firstRun = t.variants.find((v) => v.id === 'action-first-run')!;
  const curl = t.variants.find((v) => v.id === 'curl')!;
  const curlLower = t.variants.find((v) => v.id === 'curl-emulator-ca');
  const timeline = (v: (typeof t.variants)[number]) =>
    v.timeline
      ? `spawn → first request ${ms(v.timeline.toFirstRequest)}, first → last request ${ms(v.timeline.requests)}, ` +
        `last request → exit ${ms(v.timeline.afterLastRequest)}`
      : 'n/a';
  const files = (fs: string[]) => (fs.length ? fs.join(', ') : 'none');
  const checkLine = (c: TriggerResult['compileCache']['checks'][number]) =>
    `${c.tmpdir === 'kept' ? 'kept TMPDIR (warm)' : 'empty TMPDIR (first run)'}: read from the cache ${files(c.read)}; ` +
    `written ${files(c.written)}${c.rejected.length ? `; ⚠ rejected ${files(c.rejected)}` : ''}`;
  const written = firstRun.compileCache;
  const out: string[] = [];
  out.push(
    `## 1. Cold trigger (\`wait: false\`, client-secret sign-in)\n`,
    `${t.runs} measured runs per variant after ${t.warmups} warm-up(s), interleaved; wall time from spawn to exit; peak RSS from GNU time (for the script: its largest process, curl or jq). ` +
      `The action keeps Node's compile cache under TMPDIR: each action variant gets its own TMPDIR from the bench, kept for all its runs and warmed by the warm-up run(s); ` +
      `"first run on a machine" gets a new, empty TMPDIR for every run (it compiles the whole bundle and writes the cache before it exits).\n`,
    table(
      ['variant', 'median', 'min', 'max', 'peak RSS (median)', 'requests per run'],
      t.variants.map((v) => [
        v.label,
        ms(v.wall.median),
        ms(v.wall.min),
        ms(v.wall.max),
        mb(v.rssKb.median),
        `${
          Object.entries(v.requests)
            .map(([k, n]) => `${k.split(':')[1]}${n > 1 ? ` ×${n}` : ''}`)
            .join(', ') || 'none'
        }${v.requestsStable ? '' : ' (varied)'}`,
      ]),
    ),
    '',
    `**Action / curl median: ${t.ratio.toFixed(2)}×** (warm compile cache; target ≤ 2×: ${check(t.ratio <= 2)}). ` +
      `Action ${ms(action.wall.median)} vs curl + jq ${ms(curl.wall.median)}` +
      (t.curlStore
        ? `, the script verifying TLS as it does on a runner: with curl's default CA bundle (${t.curlStore.bundle}) plus the emulator's CA, ${t.curlStore.certs} certificates. ` +
          `The action verifies with Node's root store plus the emulator's CA (NODE_EXTRA_CA_CERTS).\n`
        : `; curl named no default CA bundle on this machine, so the script trusts only the emulator's CA.\n`),
    ...(t.lowerBound && curlLower
      ? [
          `**Against the lower bound** (the same script trusting only the emulator's CA, a store no workflow has): ` +
            `${ms(curlLower.wall.median)}; the action takes ${t.lowerBound.ratio.toFixed(2)}× that (target ≤ 2×: ${check(t.lowerBound.ratio <= 2)}), ` +
            `${t.lowerBound.ratioFirstRun.toFixed(2)}× on a first run. The difference between the two baselines is curl loading its CA bundle: ` +
            `${ms((curl.wall.median - curlLower.wall.median) / 2)} per curl process.\n`,
        ]
      : []),
    `**First run on a machine (empty compile cache): ${ms(firstRun.wall.median)}, ${t.ratioFirstRun.toFixed(2)}× curl** ` +
      `(target ≤ 2×: ${check(t.ratioFirstRun <= 2)}); ${ms(firstRun.wall.median - action.wall.median)} more than with a warm cache. ` +
      `Only the compile cache is empty here: dist/ and Node itself are still in the OS page cache, which on a new runner they are not.\n`,
    `Where the action's time goes (medians; the first request comes after Node start-up, loading the bundle and the identity chunk): ` +
      `warm cache: ${timeline(action)}; first run: ${timeline(firstRun)}.\n`,
    `Compile cache: ` +
      (written && written.files > 0
        ? `a first run writes ${written.files} file(s), ${kbytes(written.bytes)}. `
        : '⚠ a first run wrote nothing to its TMPDIR (this build does not use a compile cache). ') +
      `Checked with NODE_DEBUG_NATIVE=COMPILE_CACHE, one run each: ${t.compileCache.checks.map(checkLine).join('; ')}.\n`,
    `Connections opened by one action run: ${t.probe.connections.map((c) => `${c.service} ${c.count}${c.resumed ? ` (${c.resumed} resumed TLS)` : ''}`).join(', ')} (curl: one per request, 2). ` +
      `Node's built-in undici (fetch, FormData) loaded: ${t.probe.builtinUndici ? 'yes' : 'no'}.\n`,
    `Files of dist/ loaded (probe runs, warm compile cache): by a \`wait: false\` run: ${files(t.probe.loadedTrigger)}; ` +
      `with YAML parameters: ${files(t.probe.loadedYaml)}; by a run that stops at input validation: ${files(t.probe.loadedInputError)}.\n`,
    `### Bundle\n`,
    table(
      ['file', 'size', 'holds', 'loaded by'],
      t.bundle.files.map((f) => [f.file, kbytes(f.bytes), f.role, f.loadedBy]),
    ),
    '',
    `dist/main: ${kbytes(t.bundle.totalBytes)} in all, entry ${kbytes(t.bundle.mainBytes)}; a \`wait: false\` run loads ${kbytes(t.bundle.triggerBytes)}` +
      (t.bundle.staleBytes
        ? `; ⚠ plus ${kbytes(t.bundle.staleBytes)} of stale chunks no file of this build refers to (left over from an earlier build: ncc does not empty dist/).\n`
        : '.\n'),
    `Load time of dist/main/index.js (import and evaluate, then stop at input validation), warm compile cache: ${ms(t.load.loadMs)} ` +
      `(median ${ms(t.load.bundle.median, 1)} to exit vs ${ms(t.load.empty.median, 1)} for \`node -e 0\`, ${t.load.runs} runs each); ` +
      `empty compile cache (a new TMPDIR per run): ${ms(t.load.loadMsEmptyCache)} (median ${ms(t.load.bundleEmptyCache.median, 1)} to exit).\n`,
    `### CPU profile of a \`wait: false\` run, warm compile cache (self time, mean of 3 runs; profiling adds overhead)\n`,
    table(
      ['where', 'self time'],
      t.profile.rows.filter((r) => r.ms >= 0.5).map((r) => [r.what, ms(r.ms, 1)]),
    ),
    '',
    `Profile span ${ms(t.profile.totalMs)}.\n`,
    `### Load cost of each heavy dependency, bundled alone with ncc (median over \`node -e 0\`; no compile cache)\n`,
    table(
      ['package', 'bundle', 'load time', 'note'],
      t.deps.map((d) => [d.name, kbytes(d.bytes), ms(d.loadMs), d.note]),
    ),
    '',
  );
  return out.join('\n');
}

function renderPolling(real: RealRun[]): string {
  const rows = computedTable();
  const out: string[] = [];
  out.push(
    `## 2. Polling economy\n`,
    `\`auto\`: the next status read comes after clamp(${AUTO_FORMULA.fraction * 100}% of the run's age, ${AUTO_FORMULA.minMs / 1000} s, ${AUTO_FORMULA.maxMs / 1000} s) (src/schedule.ts). ` +
      `Computed with pollTimes(); "busiest hour" is the most status requests in any 60-minute window; the worst-case detection delay is the gap between the two polls around the run's end (a run that ends just after a poll). ` +
      `Targets: at most ${MAX_PER_HOUR} requests in any hour, delay ≤ max(5 s, 10% of the run's age).\n`,
    table(
      ['run length', ...SCHEDULES.flatMap((s) => [`${s.label}: requests (busiest hour)`, 'worst delay'])],
      rows.map((r) => [
        seconds(r.minutes * 60_000),
        ...SCHEDULES.flatMap((s) => {
          const c = r.cells[s.id];
          return [
            `${c.requests} (${c.busiestHour}) ${check(c.meetsRequests)}`,
            `${seconds(c.worstDelayMs)} ${check(c.meetsDelay)}`,
          ];
        }),
      ]),
    ),
    '',
    `Delay target per row: ${rows.map((r) => `${r.minutes} min → ${seconds(delayTarget(r.minutes * 60_000))}`).join(', ')}.\n`,
    `### With the pipeline's history (v1.1)\n`,
    'Ten past runs within ±3% of the usual duration; `auto` reads densely around the usual end within the 120-reads-an-hour budget (src/run/schedule.ts `denseBand`). Cells: reads for that run (busiest hour), worst-case detection delay (inside: the worst over the whole band).\n',
    table(
      ['usual', 'run ends', 'auto + history', 'v1 auto', 'fixed 5 s', 'fixed 60 s'],
      historyTable().flatMap((r) =>
        (['before', 'inside', 'after'] as const).map((k) => [
          `${r.usualMinutes} min${r.band ? ` (every ${seconds(r.band.everyMs)})` : ''}`,
          k === 'before' ? 'at 50%' : k === 'inside' ? 'inside its band' : 'at 150%',
          ...HISTORY_SCHEDULES.map((id) => {
            const c = r.ends[k][id];
            return `${c.reads} (${c.busiestHour}), ${seconds(c.worstDelayMs)}`;
          }),
        ]),
      ),
    ),
    '',
    `### Checked against real runs on the emulator (\`wait: true\`, \`poll-interval: auto\`)\n`,
    table(
      [
        'run',
        'getRun: measured / predicted',
        'poll ages (s)',
        'max drift',
        'detection delay (predicted)',
        'activity-run queries',
        'token requests',
        'all requests',
      ],
      real.map((r) => [
        `${r.label} (${seconds(r.runMs)})`,
        `${r.polls.length} / ${r.predictedPolls.length} ${check(r.polls.length === r.predictedPolls.length)}`,
        r.polls.length <= 12 ? r.polls.map((p) => (p / 1000).toFixed(2)).join(', ') : `${r.polls.length} polls`,
        ms(r.maxDriftMs),
        `${seconds(r.detectionDelayMs)} (${seconds(r.predictedDelayMs)})`,
        `${r.activityQueries}${r.activityQueriesAfterLastPoll ? ', after the last poll' : ', ⚠ during the wait'}`,
        `${r.tokenRequests} (+${r.discoveryRequests} discovery)`,
        Object.entries(r.requests)
          .map(([k, n]) => `${k.split(':')[1]}${n > 1 ? ` ×${n}` : ''}`)
          .join(', '),
      ]),
    ),
    '',
  );
  return out.join('\n');
}

function renderMemory(runs: MemoryResult[]): string {
  const row = (m: MemoryResult) => {
    const s = m.samples;
    const at = (i: number) => (s[i] ? `${mb(s[i].rssKb)} (${s[i].t.toFixed(0)} s)` : 'n/a');
    const settled = s.find((x) => x.t >= 10) ?? s[0];
    const last = s.at(-1);
    const mid = s.find((x) => x.t >= (last?.t ?? 0) / 2);
    const growth = (a?: MemorySample, b?: MemorySample) =>
      a && b ? `${((b.rssKb - a.rssKb) / 1024).toFixed(1)} MB` : 'n/a';
    return [
      `${seconds(m.runMs)}, ${m.interval === 'auto' ? 'auto' : `every ${seconds(m.interval)}`}: ${m.run.polls.length} getRun`,
      at(0),
      mid ? `${mb(mid.rssKb)} (${mid.t.toFixed(0)} s)` : 'n/a',
      at(s.length - 1),
      mb(m.peakKb),
      growth(settled, mid),
      growth(mid, last),
    ];
  };
  const main = runs[0];
  return [
    `## 3. Memory while waiting\n`,
    `VmRSS of the action's process every ${main.sampleEveryMs / 1000} s; peak = VmHWM (the kernel's high-water mark). ` +
      `The second run polls every second to show whether memory grows per poll. ` +
      `Each run has a TMPDIR of its own, so it starts with an empty compile cache.\n`,
    table(
      ['run', 'first sample', 'middle', 'last', 'peak', 'growth 10 s → middle', 'growth middle → last'],
      runs.map(row),
    ),
    '',
    `First run: ${main.run.polls.length} getRun (predicted ${main.run.predictedPolls.length}), ${main.run.tokenRequests} token request(s), ` +
      `${main.run.activityQueries} activity-run query(ies)${main.run.activityQueriesAfterLastPoll ? ' after the last poll' : ' ⚠ during the wait'}, ` +
      `run end noticed after ${seconds(main.run.detectionDelayMs)} (predicted ${seconds(main.run.predictedDelayMs)}).\n`,
  ].join('\n');
}

if (!existsSync(ACTION_MAIN)) throw new Error('dist/main/index.js is missing: run `npm run build` first.');
if (Number(process.versions.node.split('.')[0]) < 24)
  log(`warning: Node ${process.version}; the action runs on Node 24`);
const machine = machineInfo();
log(`machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Node ${machine.node}`);
const started = performance.now();

const trigger = sections.has('trigger') ? await benchTrigger({ runs, warmups, quick }) : undefined;
const services = sections.has('services') ? await benchServices({ runs, warmups }) : undefined;
// In process and over in seconds: before the long waits, so nothing else shares the cores.
const billing = sections.has('billing') ? benchBilling() : undefined;
// Waiting runs are timed in seconds, not milliseconds: run them side by side, each on its own emulator.
const historyRunsMs = quick ? [60_000, 70_000] : [150_000, 170_000];
const [polling, memory, memoryStress, batch, history] = await Promise.all([
  sections.has('polling') ? benchPollingRuns(pollingRunsMs) : undefined,
  sections.has('memory') ? benchMemory(memoryMs) : undefined,
  sections.has('memory') ? benchMemory(stressMs, 1_000) : undefined,
  sections.has('batch') ? benchBatch({ sizes: batchSizes, runMs: batchRunMs }) : undefined,
  sections.has('history') ? benchHistory(historyRunsMs) : undefined,
]);

const markdown = [
  `# Benchmark: run-adf-pipeline-action\n`,
  renderMachine(machine),
  '',
  trigger ? renderTrigger(trigger) : '',
  services ? renderServices(services) : '',
  polling ? renderPolling(polling) : '',
  memory && memoryStress ? renderMemory([memory, memoryStress]) : '',
  batch ? renderBatch(batch, batchRunMs) : '',
  history ? renderHistory(history, historyRunsMs) : '',
  billing ? renderBilling(billing) : '',
  `_Bench took ${seconds(performance.now() - started)}._\n`,
].join('\n');

const dir = path.join(repoRoot, 'bench/results');
mkdirSync(dir, { recursive: true });
const stamp = machine.date.replace(/[:.]/g, '-');
const base = path.join(dir, `${stamp}${quick ? '-quick' : ''}`);
const json = {
  machine,
  options: {
    quick,
    runs,
    warmups,
    memoryMs,
    stressMs,
    pollingRunsMs,
    batchSizes,
    batchRunMs,
    sections: [...sections],
    dist: DIST,
  },
  trigger,
  services,
  polling: { computed: computedTable(), history: historyTable(), real: polling },
  memory: memory && memoryStress ? [memory, memoryStress] : undefined,
  batch,
  history,
  billing,
};
writeFileSync(`${base}.json`, `${JSON.stringify(json, null, 2)}\n`);
writeFileSync(`${base}.md`, markdown);
process.stdout.write(markdown);
log(`wrote ${path.relative(repoRoot, base)}.json and .md`);
