// Runs the built action exactly as the GitHub runner does: a node process on dist/, inputs as
// INPUT_<NAME> variables (hyphens kept, action.yml defaults applied), the GITHUB_OUTPUT, GITHUB_STATE
// and GITHUB_STEP_SUMMARY files, the post step with STATE_<name> variables, and cancellation as
// SIGINT, then SIGTERM 7.5 s later, then SIGKILL 2.5 s after that.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

interface ActionYml {
  inputs: Record<string, { default?: string; required?: boolean }>;
  runs: { using: string; main: string; post?: string };
}
const actionYml = parseYaml(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as ActionYml;

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title?: string;
  message: string;
}

export interface StepResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  annotations: Annotation[];
  /** The message given to core.setFailed (the last ::error without a title). */
  failure?: string;
  /**
   * Everything a user could see: the log (without the ::add-mask:: commands, which the runner
   * consumes), outputs, state and summary. Search it for secrets.
   */
  all: string;
  /** Values the step registered as secrets with ::add-mask::. */
  masked: string[];
  durationMs: number;
  /** Date.now() when the process was spawned. */
  startedAt: number;
  /** Date.now() when the harness sent each signal (absent: not sent). */
  signalsSentAt: Partial<Record<'SIGINT' | 'SIGTERM' | 'SIGKILL', number>>;
}

export interface Cancellation {
  /** Send SIGINT when stdout first contains this text… */
  whenStdout?: string | RegExp;
  /** …or this many ms after the start. */
  afterMs?: number;
  /** …or as soon as this holds (checked every 20 ms), e.g. once the emulator has received a request. */
  when?: () => boolean;
  /** Send SIGKILL instead of the runner's SIGINT/SIGTERM sequence (simulates a dead runner). */
  kill?: boolean;
  /** Start with SIGTERM (no SIGINT), then SIGKILL after `sigkillAfterMs`: a runner or an OS that only terminates. */
  sigtermOnly?: boolean;
  /** Delay between SIGINT and SIGTERM, and SIGTERM and SIGKILL (the runner's 7.5 s and 2.5 s). */
  sigtermAfterMs?: number;
  sigkillAfterMs?: number;
}

export interface StepOptions {
  inputs: Record<string, string>;
  env?: Record<string, string | undefined>;
  entry?: 'main' | 'post';
  /** STATE_ variables for the post step (from a previous main's GITHUB_STATE). */
  state?: Record<string, string>;
  cancel?: Cancellation;
  /** A hard limit for the test itself. */
  timeoutMs?: number;
  /** Working directory files, e.g. a parameters file: relative path → content. */
  workspaceFiles?: Record<string, string>;
  workspace?: string;
}

export function inputEnv(inputs: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(actionYml.inputs)) {
    // The runner evaluates `${{ … }}` defaults (github-token); a test gives such inputs itself.
    if (spec.default !== undefined && !String(spec.default).includes('${{'))
      env[`INPUT_${name.toUpperCase()}`] = String(spec.default);
  }
  for (const [name, value] of Object.entries(inputs)) {
    if (!(name in actionYml.inputs)) throw new Error(`test uses an input action.yml does not declare: ${name}`);
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  return env;
}

/** Parses the file-command format used by GITHUB_OUTPUT and GITHUB_STATE (name<<delimiter). */
export function parseFileCommands(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]);
      out[name] = value.join('\n');
    } else if (line.includes('=')) {
      const at = line.indexOf('=');
      out[line.slice(0, at)] = line.slice(at + 1);
    }
  }
  return out;
}

const unescapeData = (s: string) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProp = (s: string) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');

export function parseAnnotations(stdout: string): Annotation[] {
  const out: Annotation[] = [];
  for (const line of stdout.split(/\r?\n/)) {
    const m = /^::(error|warning|notice)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!m) continue;
    const props: Record<string, string> = {};
    for (const kv of (m[2] ?? '').split(',').filter(Boolean)) {
      const at = kv.indexOf('=');
      props[kv.slice(0, at)] = unescapeProp(kv.slice(at + 1));
    }
    out.push({ level: m[1] as Annotation['level'], title: props.title, message: unescapeData(m[3]) });
  }
  return out;
}

export async function runStep(o: StepOptions): Promise<StepResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'adf-step-'));
  const files = {
    output: path.join(dir, 'output'),
    state: path.join(dir, 'state'),
    summary: path.join(dir, 'summary'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const workspace = o.workspace ?? path.join(dir, 'workspace');
  mkdirSync(workspace, { recursive: true });
  for (const [rel, content] of Object.entries(o.workspaceFiles ?? {}))
    writeFileSync(path.join(workspace, rel), content);

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    RUNNER_TEMP: dir,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    ...inputEnv(o.inputs),
  };
  for (const [k, v] of Object.entries(o.state ?? {})) env[`STATE_${k}`] = v;
  for (const [k, v] of Object.entries(o.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = v;
  }
  // ACTION_BUNDLE_ROOT runs another checkout's bundle (an earlier release) with these tests: how a
  // new test is seen failing against the code it is meant to catch.
  const root = process.env.ACTION_BUNDLE_ROOT ?? repoRoot;
  const script = path.join(root, o.entry === 'post' ? actionYml.runs.post! : actionYml.runs.main);
  const started = Date.now();
  const child = spawn(process.execPath, [script], { env, cwd: workspace, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  const timers: NodeJS.Timeout[] = [];
  let cancelled = false;
  const signalsSentAt: StepResult['signalsSentAt'] = {};
  const signal = (name: 'SIGINT' | 'SIGTERM' | 'SIGKILL') => {
    signalsSentAt[name] = Date.now();
    child.kill(name);
  };
  const running = () => child.exitCode === null && child.signalCode === null;
  const cancel = () => {
    if (cancelled || !o.cancel) return;
    cancelled = true;
    if (o.cancel.kill) {
      signal('SIGKILL');
      return;
    }
    if (o.cancel.sigtermOnly) {
      signal('SIGTERM');
      timers.push(
        setTimeout(() => {
          if (running()) signal('SIGKILL');
        }, o.cancel.sigkillAfterMs ?? 2_500),
      );
      return;
    }
    signal('SIGINT');
    timers.push(
      setTimeout(() => {
        if (running()) signal('SIGTERM');
        timers.push(
          setTimeout(() => {
            if (running()) signal('SIGKILL');
          }, o.cancel?.sigkillAfterMs ?? 2_500),
        );
      }, o.cancel.sigtermAfterMs ?? 7_500),
    );
  };
  child.stdout.on('data', (d) => {
    stdout += d;
    const w = o.cancel?.whenStdout;
    if (w && (typeof w === 'string' ? stdout.includes(w) : w.test(stdout))) cancel();
  });
  child.stderr.on('data', (d) => (stderr += d));
  if (o.cancel?.afterMs !== undefined) timers.push(setTimeout(cancel, o.cancel.afterMs));
  const when = o.cancel?.when;
  if (when) {
    const poll = setInterval(() => {
      if (when()) {
        clearInterval(poll);
        cancel();
      }
    }, 20);
    child.on('close', () => clearInterval(poll));
  }
  const limit = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 120_000);
  const [exitCode, exitSignal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (code, sig) => resolve([code, sig])),
  );
  clearTimeout(limit);
  timers.forEach(clearTimeout);

  const annotations = parseAnnotations(stdout);
  const errors = annotations.filter((a) => a.level === 'error' && !a.title);
  return {
    exitCode,
    signal: exitSignal,
    stdout,
    stderr,
    outputs: parseFileCommands(readFileSync(files.output, 'utf8')),
    state: parseFileCommands(readFileSync(files.state, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
    annotations,
    failure: errors.at(-1)?.message,
    masked: stdout
      .split(/\r?\n/)
      .filter((l) => l.startsWith('::add-mask::'))
      .map((l) => unescapeData(l.slice('::add-mask::'.length))),
    all: `${unescapeData(
      stdout
        .split(/\r?\n/)
        .filter((l) => !l.startsWith('::add-mask::'))
        .join('\n'),
    )}\n${stderr}\n${readFileSync(files.output, 'utf8')}\n${readFileSync(files.state, 'utf8')}\n${readFileSync(files.summary, 'utf8')}`,
    durationMs: Date.now() - started,
    startedAt: started,
    signalsSentAt,
  };
}

/** Main, then the post step with main's saved state, as the runner does at the end of the job. */
export async function runStepWithPost(o: StepOptions): Promise<{ main: StepResult; post: StepResult }> {
  const main = await runStep(o);
  const post = await runStep({ ...o, entry: 'post', cancel: undefined, state: main.state });
  return { main, post };
}
