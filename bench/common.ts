// Shared by the bench sections: spawning processes (optionally under GNU time for peak RSS), the
// environment the GitHub runner gives a step, statistics and Markdown tables.
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inputEnv, parseFileCommands, repoRoot } from '../test/support/action-runner.ts';
import type { RecordedRequest } from '../test/emulator/index.ts';

export { repoRoot };
/** BENCH_DIST=<dir with main/ and post/> measures another build (e.g. of an older commit) instead of dist/. */
export const DIST = path.resolve(process.env.BENCH_DIST ?? path.join(repoRoot, 'dist'));
export const ACTION_MAIN = path.join(DIST, 'main/index.js');
export const ACTION_POST = path.join(DIST, 'post/index.js');
/** The Node that runs the bench runs the action too: Node 24 from the `node` devDependency. */
export const NODE = process.execPath;

const GNU_TIME = '/usr/bin/time';
/** Whether GNU time (for peak RSS of a whole process, `-f %M`) is available. */
export const hasGnuTime = (() => {
  if (!existsSync(GNU_TIME)) return false;
  const r = spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' });
  return r.status === 0 && /^\d+\s*$/.test(r.stderr.trim().split('\n').at(-1) ?? '');
})();

export const log = (line: string): void => void process.stderr.write(`[bench] ${line}\n`);

export interface ProcResult {
  exitCode: number | null;
  /** From spawn() to the process closing its output (what a runner waits for). */
  wallMs: number;
  /** Peak RSS in kB (GNU time's %M: the largest single process of the tree). */
  peakRssKb?: number;
  stdout: string;
  stderr: string;
  /** Date.now() just before spawn, to line the process up with the emulator's request log. */
  startedAt: number;
}

export interface ProcOptions {
  env: Record<string, string>;
  cwd?: string;
  /** Wrap in GNU time to get the peak RSS. */
  rss?: boolean;
  onSpawn?: (pid: number) => void;
  timeoutMs?: number;
}

export async function runProcess(cmd: string, args: string[], o: ProcOptions): Promise<ProcResult> {
  let rssFile: string | undefined;
  let file = cmd;
  let argv = args;
  if (o.rss && hasGnuTime) {
    rssFile = path.join(mkdtempSync(path.join(tmpdir(), 'bench-rss-')), 'rss');
    file = GNU_TIME;
    argv = ['-f', '%M', '-o', rssFile, cmd, ...args];
  }
  const startedAt = Date.now();
  const t0 = performance.now();
  const child = spawn(file, argv, { env: o.env, cwd: o.cwd ?? repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid !== undefined) o.onSpawn?.(child.pid);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const limit = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 120_000);
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const wallMs = performance.now() - t0;
  clearTimeout(limit);
  let peakRssKb: number | undefined;
  if (rssFile) {
    const text = existsSync(rssFile) ? readFileSync(rssFile, 'utf8') : '';
    const kb = Number(text.trim().split('\n').at(-1));
    if (Number.isFinite(kb) && kb > 0) peakRssKb = kb;
    rmSync(path.dirname(rssFile), { recursive: true, force: true });
  }
  return { exitCode, wallMs, peakRssKb, stdout, stderr, startedAt };
}

/** A workflow step's files and environment, as the runner sets them up (see test/support/action-runner.ts). */
export class StepDir {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'bench-step-'));
  readonly files = {
    output: path.join(this.dir, 'output'),
    state: path.join(this.dir, 'state'),
    summary: path.join(this.dir, 'summary'),
  };
  readonly workspace = path.join(this.dir, 'workspace');

  constructor() {
    mkdirSync(this.workspace);
    this.reset();
  }

  reset(): void {
    for (const f of Object.values(this.files)) writeFileSync(f, '');
  }

  env(inputs: Record<string, string>, extra: Record<string, string> = {}): Record<string, string> {
    return {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? this.dir,
      RUNNER_TEMP: this.dir,
      GITHUB_WORKSPACE: this.workspace,
      GITHUB_OUTPUT: this.files.output,
      GITHUB_STATE: this.files.state,
      GITHUB_STEP_SUMMARY: this.files.summary,
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      ...inputEnv(inputs),
      ...extra,
    };
  }

  outputs(): Record<string, string> {
    return parseFileCommands(readFileSync(this.files.output, 'utf8'));
  }

  state(): Record<string, string> {
    return parseFileCommands(readFileSync(this.files.state, 'utf8'));
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * TMPDIRs the bench gives the action. The action keeps Node's compile cache in
 * <TMPDIR>/run-adf-pipeline-action-cache-<uid> (src/startup.ts), so what a run finds there decides
 * whether it compiles the bundle or reads the cache: the bench never lets it use the real temp folder.
 */
export class TmpDirs {
  readonly root = mkdtempSync(path.join(tmpdir(), 'bench-tmpdirs-'));
  private count = 0;

  /** One TMPDIR kept for all runs of `name`: the first run writes the cache, later runs read it. */
  persistent(name: string): string {
    const dir = path.join(this.root, `kept-${name.replace(/[^\w.-]/g, '_')}`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    return dir;
  }

  /** A new, empty TMPDIR (the first run on a machine); remove it with discard(). */
  fresh(): string {
    const dir = path.join(this.root, `empty-${this.count++}`);
    mkdirSync(dir, { mode: 0o700 });
    return dir;
  }

  discard(dir: string): void {
    rmSync(dir, { recursive: true, force: true });
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Regular files under `dir` (recursively) and their total size. */
export function dirStats(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  if (!existsSync(dir)) return { files, bytes };
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    files++;
    bytes += statSync(path.join(e.parentPath, e.name)).size;
  }
  return { files, bytes };
}

export interface Summary {
  n: number;
  median: number;
  min: number;
  max: number;
}

export function summarize(xs: number[]): Summary {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const median = s.length === 0 ? NaN : s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { n: s.length, median, min: s[0] ?? NaN, max: s.at(-1) ?? NaN };
}

export const ms = (v: number, digits = 0): string => (Number.isFinite(v) ? `${v.toFixed(digits)} ms` : 'n/a');
export const mb = (kb: number | undefined): string =>
  kb !== undefined && Number.isFinite(kb) ? `${(kb / 1024).toFixed(1)} MB` : 'n/a';
export const kbytes = (bytes: number): string => `${(bytes / 1024).toFixed(0)} kB`;
export const seconds = (v: number): string => {
  if (!Number.isFinite(v)) return 'n/a';
  if (v < 60_000) return `${(v / 1000).toFixed(v < 10_000 && v % 1000 ? 1 : 0)} s`;
  const m = Math.floor(v / 60_000);
  const s = Math.round((v % 60_000) / 1000);
  return s ? `${m} min ${s} s` : `${m} min`;
};

export function table(headers: string[], rows: Array<Array<string | number>>): string {
  const line = (cells: Array<string | number>) =>
    `| ${cells.map((c) => String(c).replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Counts of requests by `service:op`, e.g. { 'entra:token': 1, 'arm:createRun': 1 }. */
export function countOps(requests: RecordedRequest[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of requests) out[`${r.service}:${r.op}`] = (out[`${r.service}:${r.op}`] ?? 0) + 1;
  return out;
}

export const describeOps = (counts: Record<string, number>): string =>
  Object.entries(counts)
    .map(([k, n]) => `${k.split(':')[1]}${n > 1 ? ` ×${n}` : ''}`)
    .join(', ');

export function fail(what: string, r: ProcResult): never {
  throw new Error(`${what} failed (exit ${r.exitCode}):\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`);
}
