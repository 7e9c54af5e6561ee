// 1. Cold trigger: the whole process of a `wait: false` run (client-secret sign-in, createRun)
// against the emulator, side by side with the curl + jq script most workflows use today, plus
// where the action's start-up time goes (bundle size and load time, a CPU profile, the load cost
// of each heavy dependency bundled alone).
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startWorld, type World } from '../test/support/scenario.ts';
import type { RecordedRequest } from '../test/emulator/index.ts';
import {
  ACTION_MAIN,
  ACTION_POST,
  DIST,
  NODE,
  StepDir,
  countOps,
  fail,
  log,
  repoRoot,
  runProcess,
  summarize,
  type ProcResult,
  type Summary,
} from './common.ts';
import type { ProbeReport } from './probe.ts';

const BASELINE = path.join(repoRoot, 'bench/baseline/trigger.sh');
const PROBE = path.join(repoRoot, 'bench/probe.ts');
const PARAMETERS_JSON = '{"batchSize": 100, "fullRefresh": true}';
const PARAMETERS_YAML = 'batchSize: 100\nfullRefresh: true';
/** Prints ms since process start at exit: the load-time measurements use it. */
const EXIT_TIMER = `data:text/javascript,${encodeURIComponent(
  "process.on('exit', () => process.stderr.write('BENCH_T=' + performance.now() + '\\n'));",
)}`;

export interface Variant {
  id: string;
  label: string;
  runs: ProcResult[];
  wall: Summary;
  rssKb: Summary;
  /** Requests the emulator received per run (identical in every run, else the last one's and a flag). */
  requests: Record<string, number>;
  requestsStable: boolean;
  /** Action variants: spawn → first request, first → last request, last request → exit (medians). */
  timeline?: { toFirstRequest: number; requests: number; afterLastRequest: number };
}

export interface TriggerResult {
  runs: number;
  warmups: number;
  variants: Variant[];
  ratio: number;
  probe: {
    connections: Array<{ service: string; count: number; resumed: number }>;
    loadedTrigger: string[];
    loadedInputError: string[];
  };
  bundle: { files: Array<{ file: string; bytes: number; role: string }>; mainBytes: number; totalBytes: number };
  load: { bundle: Summary; empty: Summary; loadMs: number; runs: number };
  profile: { totalMs: number; rows: Array<{ what: string; ms: number }> };
  deps: Array<{ name: string; bytes: number; loadMs: number; note: string }>;
}

function chunkRole(file: string, text: string): string {
  if (file === 'index.js') return 'entry: inputs, ARM client (core-rest-pipeline), @actions/core, yaml, our code';
  if (text.includes('ClientSecretCredential')) return 'lazy: @azure/identity + MSAL, loaded at the first token';
  if (text.includes('xdg-open')) return 'lazy: `open` (interactive browser sign-in; never loaded by the action)';
  return 'lazy chunk';
}

function bundleFiles(): TriggerResult['bundle'] {
  const dir = path.dirname(ACTION_MAIN);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({
      file: `dist/main/${f}`,
      bytes: statSync(path.join(dir, f)).size,
      role: chunkRole(f, readFileSync(path.join(dir, f), 'utf8')),
    }))
    .sort((a, b) => (a.file.endsWith('/index.js') ? -1 : b.file.endsWith('/index.js') ? 1 : b.bytes - a.bytes));
  const mainBytes = files.find((f) => f.file.endsWith('/index.js'))?.bytes ?? 0;
  return { files, mainBytes, totalBytes: files.reduce((s, f) => s + f.bytes, 0) };
}

const sameCounts = (a: Record<string, number>, b: Record<string, number>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

interface Runner {
  id: string;
  label: string;
  run(): Promise<{ r: ProcResult; requests: RecordedRequest[] }>;
}

function makeRunners(w: World, postState: () => Record<string, string>): Runner[] {
  const action = (id: string, label: string, extra: Record<string, string>): Runner => ({
    id,
    label,
    async run() {
      const step = new StepDir();
      w.emu.clearRequests();
      const inputs = { ...w.base, ...w.secretAuth, 'pipeline-name': 'daily-load', wait: 'false', ...extra };
      const r = await runProcess(NODE, [ACTION_MAIN], { env: step.env(inputs, w.caEnv), rss: true });
      if (r.exitCode !== 0 || !step.outputs()['run-id']) fail(`action (${label})`, r);
      const requests = [...w.emu.requests];
      step.remove();
      return { r, requests };
    },
  });
  /** The same two requests without the action: token (client credentials), then createRun. */
  const script = (id: string, label: string, cmd: string, args: string[]): Runner => ({
    id,
    label,
    async run() {
      w.emu.clearRequests();
      const step = new StepDir();
      const env = {
        PATH: process.env.PATH ?? '',
        GITHUB_OUTPUT: step.files.output,
        AUTHORITY_HOST: w.emu.entraUrl,
        TENANT_ID: w.seed.tenantId,
        CLIENT_ID: w.seed.clientId,
        CLIENT_SECRET: w.seed.clientSecret,
        ARM_ENDPOINT: w.emu.armUrl,
        SUBSCRIPTION_ID: w.seed.subscriptionId,
        RESOURCE_GROUP: w.seed.resourceGroup,
        FACTORY_NAME: w.seed.factoryName,
        PIPELINE_NAME: 'daily-load',
        PARAMETERS: PARAMETERS_JSON,
        CA_FILE: w.emu.caFile,
        NODE_EXTRA_CA_CERTS: w.emu.caFile,
      };
      const r = await runProcess(cmd, args, { env, rss: true });
      const runId = step.outputs()['run-id'];
      if (r.exitCode !== 0 || !runId || runId === 'null') fail(label, r);
      step.remove();
      return { r, requests: [...w.emu.requests] };
    },
  });
  return [
    action('action', 'action (defaults: validate-parameters, JSON parameters)', { parameters: PARAMETERS_JSON }),
    script('curl', 'baseline: bench/baseline/trigger.sh (curl + jq)', 'bash', [BASELINE]),
    action('action-no-validate', 'action, validate-parameters: false', {
      parameters: PARAMETERS_JSON,
      'validate-parameters': 'false',
    }),
    action('action-yaml', 'action, parameters written as YAML', { parameters: PARAMETERS_YAML }),
    script('node-https', 'reference: bare Node script, node:https (trigger-https.mjs)', NODE, [
      path.join(repoRoot, 'bench/baseline/trigger-https.mjs'),
    ]),
    script('node-fetch', 'reference: bare Node script, fetch() (trigger-fetch.mjs)', NODE, [
      path.join(repoRoot, 'bench/baseline/trigger-fetch.mjs'),
    ]),
    {
      id: 'post',
      label: 'post step (job end; nothing to clean up)',
      async run() {
        w.emu.clearRequests();
        const step = new StepDir();
        const stateEnv = Object.fromEntries(Object.entries(postState()).map(([k, v]) => [`STATE_${k}`, v]));
        const inputs = { ...w.base, ...w.secretAuth, 'pipeline-name': 'daily-load', wait: 'false' };
        const r = await runProcess(NODE, [ACTION_POST], {
          env: step.env(inputs, { ...w.caEnv, ...stateEnv }),
          rss: true,
        });
        if (r.exitCode !== 0) fail('post step', r);
        step.remove();
        return { r, requests: [...w.emu.requests] };
      },
    },
  ];
}

async function probeRun(w: World, inputs: Record<string, string> | undefined): Promise<ProbeReport> {
  const step = new StepDir();
  const out = path.join(step.dir, 'probe.json');
  const env = inputs
    ? step.env(inputs, { ...w.caEnv, BENCH_PROBE_OUT: out })
    : { PATH: process.env.PATH ?? '', BENCH_PROBE_OUT: out };
  const r = await runProcess(NODE, ['--import', PROBE, ACTION_MAIN], { env });
  if (inputs && r.exitCode !== 0) fail('probe run', r);
  const report = JSON.parse(readFileSync(out, 'utf8')) as ProbeReport;
  step.remove();
  return report;
}

const distFiles = (urls: string[]) =>
  urls
    .filter((u) => u.startsWith(`${pathToFileURL(DIST).href}/`))
    .map((u) => `dist/${path.relative(DIST, fileURLToPath(u))}`);

async function exitTime(args: string[], env: Record<string, string>): Promise<number> {
  const r = await runProcess(NODE, ['--import', EXIT_TIMER, ...args], { env });
  const m = /BENCH_T=([\d.]+)/.exec(r.stderr);
  if (!m) fail(`timing ${args.join(' ')}`, r);
  return Number(m[1]);
}

/** Time to load (import and evaluate) the bundle: a run with no inputs stops at input validation. */
async function loadTime(runs: number): Promise<TriggerResult['load']> {
  const env = { PATH: process.env.PATH ?? '' };
  const bundle: number[] = [];
  const empty: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const b = await exitTime([ACTION_MAIN], env);
    const e = await exitTime(['-e', '0'], env);
    if (i > 0) {
      bundle.push(b);
      empty.push(e);
    }
  }
  const s = { bundle: summarize(bundle), empty: summarize(empty) };
  return { ...s, loadMs: s.bundle.median - s.empty.median, runs };
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function classify(url: string, fn: string, identityChunk: string | undefined): string {
  if (fn === 'compileSourceTextModule') return 'V8 compiling the ES module source of dist/ (entry + chunks)';
  if (fn === '(garbage collector)') return 'garbage collection';
  if (fn === '(idle)') return 'idle (waiting for the network)';
  if (fn === '(program)') return 'V8/Node native work (program)';
  if (url === pathToFileURL(ACTION_MAIN).href)
    return 'dist/main/index.js (our code, core-rest-pipeline, @actions/core, yaml)';
  if (identityChunk && url.endsWith(identityChunk)) return `dist/main/${identityChunk} (@azure/identity + MSAL)`;
  if (url.includes('deps/undici'))
    return "Node's built-in fetch (undici), loaded by `typeof FormData` in core-rest-pipeline";
  if (fn === 'compileForInternalLoader') return 'Node compiling its built-in modules (http, tls, crypto, …)';
  if (/node:(_tls|tls|https?|_http|net|internal\/tls|internal\/net)/.test(url) || /tls\/|_http_/.test(url))
    return 'Node TLS, HTTP and sockets';
  return 'other Node internals';
}

async function profileRun(w: World, identityChunk: string | undefined): Promise<TriggerResult['profile']> {
  const step = new StepDir();
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-prof-'));
  const inputs = {
    ...w.base,
    ...w.secretAuth,
    'pipeline-name': 'daily-load',
    wait: 'false',
    parameters: PARAMETERS_JSON,
  };
  const rows = new Map<string, number>();
  let totalMs = 0;
  const rounds = 3;
  for (let i = 0; i < rounds; i++) {
    const out = path.join(dir, String(i));
    const r = await runProcess(NODE, ['--cpu-prof', '--cpu-prof-dir', out, '--cpu-prof-interval', '100', ACTION_MAIN], {
      env: step.env(inputs, w.caEnv),
    });
    if (r.exitCode !== 0) fail('profiled run', r);
    const file = readdirSync(out).find((f) => f.endsWith('.cpuprofile'))!;
    const prof = JSON.parse(readFileSync(path.join(out, file), 'utf8')) as CpuProfile;
    const self = new Map<number, number>();
    prof.samples.forEach((id, k) => self.set(id, (self.get(id) ?? 0) + prof.timeDeltas[k]));
    for (const n of prof.nodes) {
      const key = classify(n.callFrame.url, n.callFrame.functionName, identityChunk);
      rows.set(key, (rows.get(key) ?? 0) + (self.get(n.id) ?? 0) / 1000 / rounds);
    }
    totalMs += (prof.endTime - prof.startTime) / 1000 / rounds;
  }
  rmSync(dir, { recursive: true, force: true });
  step.remove();
  return {
    totalMs,
    rows: [...rows].map(([what, ms]) => ({ what, ms })).sort((a, b) => b.ms - a.ms),
  };
}

const DEPS: Array<{ name: string; code: string; note: string }> = [
  {
    name: '@actions/core',
    code: "import * as core from '@actions/core';\ncore.getInput('x');\n",
    note: 'as published: pulls in @actions/http-client and undici',
  },
  {
    name: 'undici (ProxyAgent)',
    code: "import { ProxyAgent } from 'undici';\nif (!ProxyAgent) process.exit(1);\n",
    note: 'what @actions/http-client imports; replaced by a stub in dist/ (src/stubs/undici.ts)',
  },
  {
    name: '@azure/core-rest-pipeline',
    code: "import { createDefaultHttpClient, createPipelineFromOptions } from '@azure/core-rest-pipeline';\ncreatePipelineFromOptions({});\ncreateDefaultHttpClient();\n",
    note: 'the ARM client; needed on every path that calls Azure',
  },
  {
    name: '@azure/identity',
    code: "import { ClientSecretCredential } from '@azure/identity';\nnew ClientSecretCredential('t', 'c', 's');\n",
    note: 'lazy chunk in dist/, loaded at the first token',
  },
  {
    name: "Node's FormData/fetch globals",
    code: "if (typeof FormData === 'undefined') process.exit(1);\n",
    note: "first touch evaluates Node's built-in undici; core-rest-pipeline's formDataPolicy does it on every first request",
  },
  {
    name: 'yaml',
    code: "import { parse } from 'yaml';\nparse('a: 1');\n",
    note: 'parameters that are not JSON',
  },
];

/** Bundles each dependency alone with ncc (as dist/ is built) and times loading it. */
async function depCosts(runs: number): Promise<TriggerResult['deps']> {
  const root = mkdtempSync(path.join(tmpdir(), 'bench-deps-'));
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  writeFileSync(path.join(root, 'package.json'), '{ "type": "module", "private": true }\n');
  const ncc = path.join(repoRoot, 'node_modules/@vercel/ncc/dist/ncc/cli.js');
  const built: Array<{ name: string; entry: string; bytes: number; note: string }> = [];
  for (const [i, d] of DEPS.entries()) {
    const dir = path.join(root, `d${i}`);
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'entry.mjs'), d.code);
    const r = await runProcess(
      NODE,
      [ncc, 'build', path.join(dir, 'entry.mjs'), '-o', path.join(dir, 'out'), '--target', 'es2022'],
      {
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? root },
        cwd: root,
      },
    );
    if (r.exitCode !== 0) fail(`ncc build of ${d.name}`, r);
    const out = path.join(dir, 'out');
    const bytes = readdirSync(out)
      .filter((f) => f.endsWith('.mjs') || f.endsWith('.js'))
      .reduce((s, f) => s + statSync(path.join(out, f)).size, 0);
    built.push({ name: d.name, entry: path.join(out, 'index.mjs'), bytes, note: d.note });
  }
  const env = { PATH: process.env.PATH ?? '' };
  const times = new Map<string, number[]>();
  for (let i = 0; i < runs + 1; i++) {
    for (const b of [...built, { name: '(empty)', entry: '' }]) {
      const t = await exitTime(b.entry ? [b.entry] : ['-e', '0'], env);
      if (i > 0) times.set(b.name, [...(times.get(b.name) ?? []), t]);
    }
  }
  rmSync(root, { recursive: true, force: true });
  const empty = summarize(times.get('(empty)')!).median;
  return built.map((b) => ({
    name: b.name,
    bytes: b.bytes,
    loadMs: summarize(times.get(b.name)!).median - empty,
    note: b.note,
  }));
}

function servicePorts(w: World): Record<string, string> {
  const port = (u: string) => new URL(u).port;
  return { [port(w.emu.entraUrl)]: 'Entra ID', [port(w.emu.armUrl)]: 'ARM', [port(w.emu.oidcUrl)]: 'GitHub OIDC' };
}

export async function benchTrigger(o: { runs: number; warmups: number; quick: boolean }): Promise<TriggerResult> {
  const w = await startWorld();
  try {
    let state: Record<string, string> = {};
    const runners = makeRunners(w, () => state);
    // The post step needs a main step's saved state: take it from one run.
    {
      const step = new StepDir();
      const inputs = { ...w.base, ...w.secretAuth, 'pipeline-name': 'daily-load', wait: 'false' };
      const r = await runProcess(NODE, [ACTION_MAIN], { env: step.env(inputs, w.caEnv) });
      if (r.exitCode !== 0) fail('action (state for the post step)', r);
      state = step.state();
      step.remove();
    }

    log(`cold trigger: ${o.warmups} warm-up + ${o.runs} measured runs of ${runners.length} variants, interleaved`);
    const results = new Map<string, Array<{ r: ProcResult; requests: RecordedRequest[] }>>();
    for (let i = 0; i < o.warmups + o.runs; i++) {
      for (const runner of runners) {
        const res = await runner.run();
        if (i >= o.warmups) results.set(runner.id, [...(results.get(runner.id) ?? []), res]);
      }
    }

    const variants: Variant[] = runners.map((runner) => {
      const rs = results.get(runner.id)!;
      const counts = rs.map((x) => countOps(x.requests));
      const v: Variant = {
        id: runner.id,
        label: runner.label,
        runs: rs.map((x) => ({ ...x.r, stdout: '', stderr: '' })),
        wall: summarize(rs.map((x) => x.r.wallMs)),
        rssKb: summarize(rs.map((x) => x.r.peakRssKb ?? NaN).filter(Number.isFinite)),
        requests: counts.at(-1)!,
        requestsStable: counts.every((c) => sameCounts(c, counts[0])),
      };
      if (runner.id.startsWith('action')) {
        const t = rs.map((x) => {
          const first = x.requests[0]?.at ?? NaN;
          const last = x.requests.at(-1)?.at ?? NaN;
          return { a: first - x.r.startedAt, b: last - first, c: x.r.startedAt + x.r.wallMs - last };
        });
        v.timeline = {
          toFirstRequest: summarize(t.map((x) => x.a)).median,
          requests: summarize(t.map((x) => x.b)).median,
          afterLastRequest: summarize(t.map((x) => x.c)).median,
        };
      }
      return v;
    });
    const action = variants.find((v) => v.id === 'action')!;
    const curl = variants.find((v) => v.id === 'curl')!;

    log('probe runs: connections and loaded chunks');
    const ports = servicePorts(w);
    const triggerProbe = await probeRun(w, {
      ...w.base,
      ...w.secretAuth,
      'pipeline-name': 'daily-load',
      wait: 'false',
      parameters: PARAMETERS_JSON,
    });
    const inputErrorProbe = await probeRun(w, undefined);
    const byService = new Map<string, { count: number; resumed: number }>();
    for (const c of triggerProbe.connections) {
      const name = ports[String(c.port)] ?? `port ${c.port}`;
      const e = byService.get(name) ?? { count: 0, resumed: 0 };
      e.count++;
      if (c.resumed) e.resumed++;
      byService.set(name, e);
    }

    log('bundle load time');
    const load = await loadTime(o.quick ? 7 : 15);
    const bundle = bundleFiles();
    const identityChunk = bundle.files
      .find((f) => f.role.includes('@azure/identity'))
      ?.file.split('/')
      .at(-1);
    log('CPU profile of a wait: false run');
    const profile = await profileRun(w, identityChunk);
    log('load cost of each heavy dependency (bundled alone with ncc)');
    const deps = await depCosts(o.quick ? 5 : 9);

    return {
      runs: o.runs,
      warmups: o.warmups,
      variants,
      ratio: action.wall.median / curl.wall.median,
      probe: {
        connections: [...byService].map(([service, e]) => ({ service, ...e })),
        loadedTrigger: distFiles(triggerProbe.loaded),
        loadedInputError: distFiles(inputErrorProbe.loaded),
      },
      bundle,
      load,
      profile,
      deps,
    };
  } finally {
    await w.emu.close();
  }
}
