// 1. Cold trigger: the whole process of a `wait: false` run (client-secret sign-in, createRun)
// against the emulator, side by side with the curl + jq script most workflows use today, plus
// where the action's start-up time goes (bundle size and load time, a CPU profile, the load cost
// of each heavy dependency bundled alone).
// The action keeps Node's compile cache under TMPDIR (src/runtime/startup.ts), so every action run here gets
// a TMPDIR from the bench, never the real temp folder: one kept per variant (warmed by the warm-up
// runs), or a new, empty one per run for "first run on a machine".
import {
  existsSync,
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
  TmpDirs,
  countOps,
  dirStats,
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
const FIRST_RUN_LABEL = 'action, first run on a machine (empty compile cache)';
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
  /**
   * Action variants: the TMPDIR the runs got (`kept`: one per variant, warmed by the warm-up runs;
   * `empty`: a new one per run) and what it held after a run (medians).
   */
  compileCache?: { tmpdir: 'kept' | 'empty'; files: number; bytes: number };
}

/** One run with NODE_DEBUG_NATIVE=COMPILE_CACHE: which files of dist/ came from the cache. */
export interface CacheCheck {
  tmpdir: 'kept' | 'empty';
  /** dist/ files whose V8 code cache was read and accepted */
  read: string[];
  /** dist/ files whose code cache was rejected (e.g. stale) */
  rejected: string[];
  /** dist/ files whose code cache this run wrote */
  written: string[];
}

export interface BundleFile {
  file: string;
  bytes: number;
  /** What the file holds, recognised from its text (see chunkContents). */
  role: string;
  contents: string[];
  /** Not referenced by this build's entry: left over from an earlier build (ncc does not empty dist/). */
  stale: boolean;
  /** Which probe runs loaded it. */
  loadedBy: string;
}

export interface TriggerResult {
  runs: number;
  warmups: number;
  variants: Variant[];
  /** Headline: action (defaults, warm compile cache) / curl + jq, medians. */
  ratio: number;
  /** The action's first run on a machine (empty compile cache) / curl + jq, medians. */
  ratioFirstRun: number;
  /** The ratios against the curl script trusting only the emulator's CA (absent if that is the headline). */
  lowerBound?: { ratio: number; ratioFirstRun: number };
  /** curl's default CA bundle the realistic baseline trusts (absent: curl named none; the headline is then the lower bound). */
  curlStore?: { bundle: string; certs: number };
  compileCache: { checks: CacheCheck[] };
  probe: {
    connections: Array<{ service: string; count: number; resumed: number }>;
    loadedTrigger: string[];
    loadedInputError: string[];
    loadedYaml: string[];
    /** Whether a `wait: false` run made Node load its built-in undici (fetch, FormData). */
    builtinUndici: boolean;
  };
  bundle: {
    files: BundleFile[];
    mainBytes: number;
    /** All files but stale ones. */
    totalBytes: number;
    staleBytes: number;
    /** Loaded by a `wait: false` run with JSON parameters. */
    triggerBytes: number;
  };
  load: {
    /** Warm compile cache. */
    bundle: Summary;
    /** A new, empty TMPDIR per run (the action compiles everything and writes the cache). */
    bundleEmptyCache: Summary;
    empty: Summary;
    loadMs: number;
    loadMsEmptyCache: number;
    runs: number;
  };
  profile: { totalMs: number; rows: Array<{ what: string; ms: number }> };
  deps: Array<{ name: string; bytes: number; loadMs: number; note: string }>;
}

/** node_modules packages as the bench reports them; the rest (small helpers) are not named. */
const PACKAGE_GROUPS: Array<[RegExp, string]> = [
  [/^@actions\/(core|http-client|io|exec)$/, '@actions/core'],
  [/^(@azure\/core-rest-pipeline|@typespec\/ts-http-runtime)$/, '@azure/core-rest-pipeline'],
  [/^@azure\/(identity|msal-node|msal-common)$/, '@azure/identity + MSAL'],
  [/^(open|default-browser|default-browser-id|wsl-utils|is-wsl|is-docker|bundle-name|run-applescript)$/, '`open`'],
  [/^yaml$/, 'yaml'],
  [/^(jsonwebtoken|jws|jwa)$/, 'jsonwebtoken'],
  [/^semver$/, 'semver'],
  [/^undici$/, 'undici'],
];
/** Modules webpack did not concatenate leave no path comment: these are recognised by what they define. */
const MARKERS: Array<[RegExp, string]> = [
  [/\bexports\.getMultilineInput\s*=/, '@actions/core'],
  [/\bclass YAMLMap\b|\bexports\.parseDocument\s*=/, 'yaml'],
  [/\bclass ConfidentialClientApplication\b/, '@azure/identity + MSAL'],
  [/\bJsonWebTokenError\b/, 'jsonwebtoken'],
  [/\bSEMVER_SPEC_VERSION\b/, 'semver'],
  [/xdg-open/, '`open`'],
  [/src\/runtime\/stubs\/jsonwebtoken\.ts/, 'jsonwebtoken stub (src/runtime/stubs/jsonwebtoken.ts)'],
  [/src\/runtime\/stubs\/undici\.ts/, 'undici stub (src/runtime/stubs/undici.ts)'],
];
const CONTENT_ORDER = [
  'webpack runtime',
  'start-up (src/runtime/startup.ts)',
  'our code (src/)',
  '@azure/core-rest-pipeline',
  '@actions/core',
  'yaml',
  '@azure/identity + MSAL',
  'jsonwebtoken',
  'semver',
  'jsonwebtoken stub (src/runtime/stubs/jsonwebtoken.ts)',
  '`open`',
  'undici',
  'undici stub (src/runtime/stubs/undici.ts)',
];

/** What a file of dist/ holds, from the module paths webpack writes into it and a few markers. */
export function chunkContents(file: string, text: string): string[] {
  // References to modules of other chunks name them too: drop those lines.
  const own = text.replace(/^.*\/\/ EXTERNAL MODULE: .*$/gm, '');
  const found = new Set<string>();
  const others = new Set<string>();
  if (file === 'index.js' && own.includes('__webpack_modules__')) found.add('webpack runtime');
  for (const m of own.matchAll(/^;\/\/ CONCATENATED MODULE: \.\/(.+)$/gm)) {
    const p = m[1];
    const pkg = /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(p)?.[1];
    if (pkg) {
      const group = PACKAGE_GROUPS.find(([re]) => re.test(pkg))?.[1];
      if (group) found.add(group);
      else others.add(pkg);
    } else if (p === 'src/runtime/startup.ts') found.add('start-up (src/runtime/startup.ts)');
    else if (p.startsWith('src/') && !p.startsWith('src/runtime/stubs/')) found.add('our code (src/)');
  }
  for (const [re, what] of MARKERS) if (re.test(own)) found.add(what);
  const contents = CONTENT_ORDER.filter((c) => found.has(c));
  if (contents.length === 0 && others.size > 0) return [...others].slice(0, 3);
  return contents;
}

function chunkRole(file: string, contents: string[], stale: boolean): string {
  const what = contents.length ? contents.join(' + ') : 'not recognised';
  const notes: string[] = [];
  if (contents.includes('@azure/core-rest-pipeline')) notes.push('ARM client');
  if (contents.length === 1 && contents[0] === 'yaml') notes.push('only for parameters that are not JSON');
  if (contents.includes('@azure/identity + MSAL')) notes.push('sign-in');
  if (contents.includes('`open`')) notes.push('interactive browser sign-in; never loaded by the action');
  if (contents.includes('jsonwebtoken stub (src/runtime/stubs/jsonwebtoken.ts)')) notes.push("msal-node's lazy import");
  const role = `${what}${notes.length ? ` (${notes.join('; ')})` : ''}`;
  if (stale) return `stale, not referenced by this build (left over from an earlier build): ${role}`;
  return file === 'index.js' ? `entry: ${role}` : role;
}

/** Chunk files the entry reaches through webpack's chunk loading (`__webpack_require__.e(id)`). */
function reachableChunks(texts: Map<string, string>): Set<string> | undefined {
  const entry = texts.get('index.js') ?? '';
  const suffix = /return "" \+ chunkId \+ "([^"]+)"/.exec(entry)?.[1] ?? '.index.js';
  const refs = (t: string) =>
    [...t.matchAll(/_require__\.e\(\s*(?:\/\*[^*]*\*\/\s*)?(\d+)\s*\)/g)].map((m) => `${m[1]}${suffix}`);
  if (![...texts.values()].some((t) => refs(t).length > 0)) return undefined;
  const seen = new Set(['index.js']);
  const queue = ['index.js'];
  while (queue.length) {
    for (const f of refs(texts.get(queue.pop()!) ?? '')) {
      if (!seen.has(f) && texts.has(f)) {
        seen.add(f);
        queue.push(f);
      }
    }
  }
  return seen;
}

function bundleFiles(loaded: { inputError: string[]; trigger: string[]; yaml: string[] }): TriggerResult['bundle'] {
  const dir = path.dirname(ACTION_MAIN);
  const texts = new Map(
    readdirSync(dir)
      .filter((f) => f.endsWith('.js'))
      .map((f) => [f, readFileSync(path.join(dir, f), 'utf8')] as const),
  );
  const reachable = reachableChunks(texts);
  const anyLoaded = new Set([...loaded.inputError, ...loaded.trigger, ...loaded.yaml]);
  const files = [...texts].map(([f, text]): BundleFile => {
    const file = `dist/main/${f}`;
    const stale = reachable !== undefined && !reachable.has(f) && !anyLoaded.has(file);
    const contents = chunkContents(f, text);
    const loadedBy = loaded.inputError.includes(file)
      ? 'every run (start-up)'
      : loaded.trigger.includes(file)
        ? 'sign-in (`wait: false` run)'
        : loaded.yaml.includes(file)
          ? 'YAML parameters'
          : stale
            ? 'never (stale)'
            : 'none of these runs';
    return {
      file,
      bytes: statSync(path.join(dir, f)).size,
      role: chunkRole(f, contents, stale),
      contents,
      stale,
      loadedBy,
    };
  });
  const rank = (f: BundleFile) => (f.file.endsWith('/index.js') ? 0 : f.stale ? 2 : 1);
  files.sort((a, b) => rank(a) - rank(b) || b.bytes - a.bytes);
  const sum = (fs: BundleFile[]) => fs.reduce((s, f) => s + f.bytes, 0);
  return {
    files,
    mainBytes: files.find((f) => f.file.endsWith('/index.js'))?.bytes ?? 0,
    totalBytes: sum(files.filter((f) => !f.stale)),
    staleBytes: sum(files.filter((f) => f.stale)),
    triggerBytes: sum(files.filter((f) => loaded.trigger.includes(f.file))),
  };
}

/** A short name for each file of dist/main, for the CPU profile: its file name and what it holds. */
function profileLabels(bundle: TriggerResult['bundle']): Map<string, string> {
  return new Map(
    bundle.files.map((f) => {
      const what = f.contents.length ? f.contents.join(' + ') : 'not recognised';
      return [pathToFileURL(path.join(DIST, path.relative('dist', f.file))).href, `${f.file} (${what})`];
    }),
  );
}

const sameCounts = (a: Record<string, number>, b: Record<string, number>) =>
  JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

interface RunnerResult {
  r: ProcResult;
  requests: RecordedRequest[];
  /** What the run's TMPDIR held afterwards (action runs). */
  cache?: { files: number; bytes: number };
}

interface Runner {
  id: string;
  label: string;
  run(): Promise<RunnerResult>;
}

const triggerInputs = (w: World, extra: Record<string, string> = {}) => ({
  ...w.base,
  ...w.secretAuth,
  'pipeline-name': 'daily-load',
  wait: 'false',
  ...extra,
});

/** Runs the action once in `tmp` (a TMPDIR) with the given inputs; fails the bench if it fails. */
async function actionOnce(w: World, what: string, tmp: string, extra: Record<string, string>): Promise<void> {
  const step = new StepDir();
  const r = await runProcess(NODE, [ACTION_MAIN], {
    env: step.env(triggerInputs(w, extra), { ...w.caEnv, TMPDIR: tmp }),
  });
  step.remove();
  if (r.exitCode !== 0) fail(what, r);
}

/**
 * The CA file curl verifies servers with when it is given none: what the classic how-to's script
 * runs with on a runner. Read from curl's own verbose output; undefined if curl does not say.
 */
export async function curlDefaultCaFile(probeUrl: string): Promise<string | undefined> {
  const r = await runProcess('curl', ['-sv', '-o', '/dev/null', '--max-time', '5', probeUrl], {
    env: { PATH: process.env.PATH ?? '' },
  });
  const file = /CAfile: (\S+)/.exec(r.stderr)?.[1];
  return file && existsSync(file) ? file : undefined;
}

/**
 * The two trust stores the curl baseline runs with. `realistic`: curl's default CA bundle plus
 * the emulator's CA, which is what the script verifies against on a runner (there the emulator's
 * CA is Entra's and ARM's public roots), and the same as the action gets (Node's root store plus
 * NODE_EXTRA_CA_CERTS). `emulatorOnly`: the emulator's CA alone, a store no real workflow has; it
 * spares curl loading the bundle, which OpenSSL 3.0 does slowly in every curl process.
 */
export interface CurlStores {
  realistic?: { file: string; bundle: string; certs: number };
  emulatorOnly: string;
}

export async function curlStores(w: World, dir: string): Promise<CurlStores> {
  const bundle = await curlDefaultCaFile(w.emu.entraUrl);
  if (!bundle) return { emulatorOnly: w.emu.caFile };
  const text = `${readFileSync(bundle, 'utf8').trimEnd()}\n${w.emu.caPem}`;
  const file = path.join(dir, 'curl-default-store-plus-emulator-ca.pem');
  writeFileSync(file, text);
  return {
    realistic: { file, bundle, certs: text.match(/-----BEGIN CERTIFICATE-----/g)?.length ?? 0 },
    emulatorOnly: w.emu.caFile,
  };
}

function makeRunners(w: World, tmp: TmpDirs, postState: () => Record<string, string>, stores: CurlStores): Runner[] {
  /**
   * `kept`: one TMPDIR for all runs of the variant, so the warm-up runs fill the compile cache and
   * the measured runs read it. `empty`: a new TMPDIR per run, as on a fresh machine: the action
   * compiles the whole bundle and writes the cache before it exits.
   */
  const action = (id: string, label: string, extra: Record<string, string>, cache: 'kept' | 'empty'): Runner => {
    const kept = cache === 'kept' ? tmp.persistent(id) : undefined;
    return {
      id,
      label,
      async run() {
        const dir = kept ?? tmp.fresh();
        const step = new StepDir();
        w.emu.clearRequests();
        const r = await runProcess(NODE, [ACTION_MAIN], {
          env: step.env(triggerInputs(w, extra), { ...w.caEnv, TMPDIR: dir }),
          rss: true,
        });
        if (r.exitCode !== 0 || !step.outputs()['run-id']) fail(`action (${label})`, r);
        const requests = [...w.emu.requests];
        step.remove();
        const stats = dirStats(dir);
        if (!kept) tmp.discard(dir);
        return { r, requests, cache: stats };
      },
    };
  };
  /** The same two requests without the action: token (client credentials), then createRun. */
  const script = (id: string, label: string, cmd: string, args: string[], caFile = w.emu.caFile): Runner => ({
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
        CA_FILE: caFile,
        NODE_EXTRA_CA_CERTS: w.emu.caFile,
      };
      const r = await runProcess(cmd, args, { env, rss: true });
      const runId = step.outputs()['run-id'];
      if (r.exitCode !== 0 || !runId || runId === 'null') fail(label, r);
      step.remove();
      return { r, requests: [...w.emu.requests] };
    },
  });
  const postTmp = tmp.persistent('post');
  return [
    action(
      'action',
      'action (defaults: validate-parameters, JSON parameters; warm compile cache)',
      { parameters: PARAMETERS_JSON },
      'kept',
    ),
    action('action-first-run', FIRST_RUN_LABEL, { parameters: PARAMETERS_JSON }, 'empty'),
    ...(stores.realistic
      ? [
          script(
            'curl',
            `baseline: bench/baseline/trigger.sh (curl + jq), trusting curl's default CA bundle + the emulator's CA (as on a runner)`,
            'bash',
            [BASELINE],
            stores.realistic.file,
          ),
        ]
      : []),
    script(
      stores.realistic ? 'curl-emulator-ca' : 'curl',
      `baseline${stores.realistic ? ', lower bound' : ''}: the same script trusting only the emulator's CA`,
      'bash',
      [BASELINE],
      stores.emulatorOnly,
    ),
    action(
      'action-no-validate',
      'action, validate-parameters: false',
      { parameters: PARAMETERS_JSON, 'validate-parameters': 'false' },
      'kept',
    ),
    action('action-yaml', 'action, parameters written as YAML', { parameters: PARAMETERS_YAML }, 'kept'),
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
        const r = await runProcess(NODE, [ACTION_POST], {
          env: step.env(triggerInputs(w), { ...w.caEnv, ...stateEnv, TMPDIR: postTmp }),
          rss: true,
        });
        if (r.exitCode !== 0) fail('post step', r);
        step.remove();
        return { r, requests: [...w.emu.requests], cache: dirStats(postTmp) };
      },
    },
  ];
}

/** One run with Node's compile-cache debug log: which files of dist/ were read from or written to the cache. */
async function cacheCheck(w: World, tmp: string, kind: CacheCheck['tmpdir']): Promise<CacheCheck> {
  const step = new StepDir();
  const r = await runProcess(NODE, [ACTION_MAIN], {
    env: step.env(triggerInputs(w, { parameters: PARAMETERS_JSON }), {
      ...w.caEnv,
      TMPDIR: tmp,
      NODE_DEBUG_NATIVE: 'COMPILE_CACHE',
    }),
  });
  step.remove();
  if (r.exitCode !== 0) fail(`compile-cache check (${kind} TMPDIR)`, r);
  const log = `${r.stdout}\n${r.stderr}`;
  const files = (re: RegExp) => [...new Set(distFiles([...log.matchAll(re)].map((m) => m[1])))];
  return {
    tmpdir: kind,
    read: files(/V8 code cache for \S+ (\S+) was accepted/g),
    rejected: files(/V8 code cache for \S+ (\S+) was rejected/g),
    written: files(/writing cache for \S+ (\S+) to temporary file .*?\.\.\.\s*success/g),
  };
}

async function probeRun(w: World, inputs: Record<string, string> | undefined, tmp: string): Promise<ProbeReport> {
  const step = new StepDir();
  const out = path.join(step.dir, 'probe.json');
  const env = inputs
    ? step.env(inputs, { ...w.caEnv, BENCH_PROBE_OUT: out, TMPDIR: tmp })
    : { PATH: process.env.PATH ?? '', BENCH_PROBE_OUT: out, TMPDIR: tmp };
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

/**
 * Time to load (import and evaluate) the bundle: a run with no inputs stops at input validation.
 * With the compile cache in `warmTmp` (warmed before), and with a new, empty TMPDIR per run.
 */
async function loadTime(runs: number, tmp: TmpDirs, warmTmp: string): Promise<TriggerResult['load']> {
  const env = (dir: string) => ({ PATH: process.env.PATH ?? '', TMPDIR: dir });
  const bundle: number[] = [];
  const cold: number[] = [];
  const empty: number[] = [];
  for (let i = 0; i < runs + 1; i++) {
    const b = await exitTime([ACTION_MAIN], env(warmTmp));
    const fresh = tmp.fresh();
    const c = await exitTime([ACTION_MAIN], env(fresh));
    tmp.discard(fresh);
    const e = await exitTime(['-e', '0'], env(warmTmp));
    if (i > 0) {
      bundle.push(b);
      cold.push(c);
      empty.push(e);
    }
  }
  const s = { bundle: summarize(bundle), bundleEmptyCache: summarize(cold), empty: summarize(empty) };
  return {
    ...s,
    loadMs: s.bundle.median - s.empty.median,
    loadMsEmptyCache: s.bundleEmptyCache.median - s.empty.median,
    runs,
  };
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** The row of the CPU-profile table a sample belongs to; `labels` names each file of dist/main. */
function classify(url: string, fn: string, labels: Map<string, string>): string {
  if (fn === 'compileSourceTextModule')
    return 'V8 compiling the ES modules of dist/ (with the cache: checking and deserializing code)';
  if (fn === '(garbage collector)') return 'garbage collection';
  if (fn === '(idle)') return 'idle (waiting for the network)';
  if (fn === '(program)') return 'V8/Node native work (program)';
  const label = labels.get(url);
  if (label) return label;
  if (url.startsWith(`${pathToFileURL(DIST).href}/`))
    return `dist/${path.relative(DIST, fileURLToPath(url))} (not in dist/main)`;
  if (url.includes('deps/undici')) return "Node's built-in fetch (undici)";
  if (fn === 'compileForInternalLoader') return 'Node compiling its built-in modules (http, tls, crypto, …)';
  if (/node:(_tls|tls|https?|_http|net|internal\/tls|internal\/net)/.test(url) || /tls\/|_http_/.test(url))
    return 'Node TLS, HTTP and sockets';
  return 'other Node internals';
}

async function profileRun(w: World, tmp: string, labels: Map<string, string>): Promise<TriggerResult['profile']> {
  const step = new StepDir();
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-prof-'));
  const rows = new Map<string, number>();
  let totalMs = 0;
  const rounds = 3;
  for (let i = 0; i < rounds; i++) {
    const out = path.join(dir, String(i));
    const r = await runProcess(NODE, ['--cpu-prof', '--cpu-prof-dir', out, '--cpu-prof-interval', '100', ACTION_MAIN], {
      env: step.env(triggerInputs(w, { parameters: PARAMETERS_JSON }), { ...w.caEnv, TMPDIR: tmp }),
    });
    if (r.exitCode !== 0) fail('profiled run', r);
    const file = readdirSync(out).find((f) => f.endsWith('.cpuprofile'))!;
    const prof = JSON.parse(readFileSync(path.join(out, file), 'utf8')) as CpuProfile;
    const self = new Map<number, number>();
    prof.samples.forEach((id, k) => self.set(id, (self.get(id) ?? 0) + prof.timeDeltas[k]));
    for (const n of prof.nodes) {
      const ms = (self.get(n.id) ?? 0) / 1000 / rounds;
      if (ms === 0) continue;
      const key = classify(n.callFrame.url, n.callFrame.functionName, labels);
      rows.set(key, (rows.get(key) ?? 0) + ms);
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
    note: 'what @actions/http-client imports; replaced by a stub in dist/ (src/runtime/stubs/undici.ts)',
  },
  {
    name: '@azure/core-rest-pipeline',
    code: "import { createDefaultHttpClient, createPipelineFromOptions } from '@azure/core-rest-pipeline';\ncreatePipelineFromOptions({});\ncreateDefaultHttpClient();\n",
    note: 'the ARM client; needed on every path that calls Azure',
  },
  {
    name: '@azure/identity',
    code: "import { ClientSecretCredential } from '@azure/identity';\nnew ClientSecretCredential('t', 'c', 's');\n",
    note: 'as published, with jsonwebtoken + semver; in dist/ a lazy chunk (with the jsonwebtoken stub), loaded at the first token',
  },
  {
    name: 'jsonwebtoken + semver',
    code: "import jwt from 'jsonwebtoken';\nif (typeof jwt.sign !== 'function') process.exit(1);\n",
    note: 'msal-node imports it only to sign certificate assertions, which this action never does: replaced by a stub in dist/ (src/runtime/stubs/jsonwebtoken.ts); semver comes in with it',
  },
  {
    name: "Node's FormData/fetch globals",
    code: "if (typeof FormData === 'undefined') process.exit(1);\n",
    note: "first touch evaluates Node's built-in undici; core-rest-pipeline's formDataPolicy does it at the first request, so the action deletes the global at start-up (src/runtime/startup.ts)",
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
  const tmp = new TmpDirs();
  try {
    let state: Record<string, string> = {};
    const stores = await curlStores(w, tmp.root);
    const runners = makeRunners(w, tmp, () => state, stores);
    // The post step needs a main step's saved state: take it from one run (in a TMPDIR of its own).
    {
      const step = new StepDir();
      const dir = tmp.fresh();
      const r = await runProcess(NODE, [ACTION_MAIN], { env: step.env(triggerInputs(w), { ...w.caEnv, TMPDIR: dir }) });
      if (r.exitCode !== 0) fail('action (state for the post step)', r);
      state = step.state();
      step.remove();
      tmp.discard(dir);
    }

    log(`cold trigger: ${o.warmups} warm-up + ${o.runs} measured runs of ${runners.length} variants, interleaved`);
    const results = new Map<string, RunnerResult[]>();
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
      const caches = rs.flatMap((x) => (x.cache ? [x.cache] : []));
      if (caches.length) {
        v.compileCache = {
          tmpdir: runner.id === 'action-first-run' ? 'empty' : 'kept',
          files: summarize(caches.map((c) => c.files)).median,
          bytes: summarize(caches.map((c) => c.bytes)).median,
        };
      }
      return v;
    });
    const action = variants.find((v) => v.id === 'action')!;
    const firstRun = variants.find((v) => v.id === 'action-first-run')!;
    const curl = variants.find((v) => v.id === 'curl')!;
    const curlLower = variants.find((v) => v.id === 'curl-emulator-ca');

    log('compile-cache check: one run each with a kept and an empty TMPDIR');
    const fresh = tmp.fresh();
    const checks = [await cacheCheck(w, tmp.persistent('action'), 'kept'), await cacheCheck(w, fresh, 'empty')];
    tmp.discard(fresh);

    // Probe, load-time and profile runs share one TMPDIR, warmed here: they measure a warm cache.
    const measureTmp = tmp.persistent('measure');
    await actionOnce(w, 'warm-up (JSON parameters)', measureTmp, { parameters: PARAMETERS_JSON });
    await actionOnce(w, 'warm-up (YAML parameters)', measureTmp, { parameters: PARAMETERS_YAML });

    log('probe runs: connections and loaded chunks');
    const ports = servicePorts(w);
    const triggerProbe = await probeRun(w, triggerInputs(w, { parameters: PARAMETERS_JSON }), measureTmp);
    const yamlProbe = await probeRun(w, triggerInputs(w, { parameters: PARAMETERS_YAML }), measureTmp);
    const inputErrorProbe = await probeRun(w, undefined, measureTmp);
    const byService = new Map<string, { count: number; resumed: number }>();
    for (const c of triggerProbe.connections) {
      const name = ports[String(c.port)] ?? `port ${c.port}`;
      const e = byService.get(name) ?? { count: 0, resumed: 0 };
      e.count++;
      if (c.resumed) e.resumed++;
      byService.set(name, e);
    }
    const loaded = {
      trigger: distFiles(triggerProbe.loaded),
      inputError: distFiles(inputErrorProbe.loaded),
      yaml: distFiles(yamlProbe.loaded),
    };

    log('bundle load time');
    const load = await loadTime(o.quick ? 7 : 15, tmp, measureTmp);
    const bundle = bundleFiles(loaded);
    log('CPU profile of a wait: false run');
    const profile = await profileRun(w, measureTmp, profileLabels(bundle));
    log('load cost of each heavy dependency (bundled alone with ncc)');
    const deps = await depCosts(o.quick ? 5 : 9);

    return {
      runs: o.runs,
      warmups: o.warmups,
      variants,
      ratio: action.wall.median / curl.wall.median,
      ratioFirstRun: firstRun.wall.median / curl.wall.median,
      lowerBound: curlLower && {
        ratio: action.wall.median / curlLower.wall.median,
        ratioFirstRun: firstRun.wall.median / curlLower.wall.median,
      },
      curlStore: stores.realistic ? { bundle: stores.realistic.bundle, certs: stores.realistic.certs } : undefined,
      compileCache: { checks },
      probe: {
        connections: [...byService].map(([service, e]) => ({ service, ...e })),
        loadedTrigger: loaded.trigger,
        loadedInputError: loaded.inputError,
        loadedYaml: loaded.yaml,
        builtinUndici: triggerProbe.builtinUndici,
      },
      bundle,
      load,
      profile,
      deps,
    };
  } finally {
    await w.emu.close();
    tmp.remove();
  }
}
