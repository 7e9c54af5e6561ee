// `npm run local-action [-- PIPELINE]`: runs the action from source (src/main.ts, then the post
// step src/post.ts) with GitHub's @github/local-action against the bundled emulator, with the
// environment of test/emulator/local-action.env filled in from the emulator's URLs and identities.
// `npm run local-action -- --env FILE`: the same against a real factory, with FILE (a copy of
// .env.example) as it is; no emulator. See docs/local.md.
//
// Either way it exports NODE_EXTRA_CA_CERTS for the child (Node reads it only at start-up, so the
// line in the env file alone is not enough), writes the job summary to a file it names at the end,
// and exits non-zero when the step fails: local-action itself exits 0 after a core.setFailed, so
// any `::error` line it prints counts as a failure here.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { env: { type: 'string' } },
});
const work = mkdtempSync(path.join(os.tmpdir(), 'local-action-'));
const defaultSummaryFile = path.join(root, '.tmp', 'local-action-summary.md');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let emulator: ChildProcess | undefined;
let emulatorExited = false;

/** KEY=VALUE lines as dotenv reads them (comments and blank lines skipped, one level of quotes). */
function parseEnv(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^([^#=\s][^=]*)=(.*)$/.exec(line);
    if (m) env[m[1]!.trim()] = m[2]!.trim().replace(/^(['"])(.*)\1$/, '$2');
  }
  return env;
}

interface Setup {
  /** The env file local-action loads. */
  envFile: string;
  /** Environment of the local-action process (local-action lets the env file override it). */
  childEnv: Record<string, string>;
  summaryFile: string;
  /** Shown before the run. */
  banner: string;
}

/** Starts the emulator and fills in the emulator template, into a temporary file (never .env). */
async function emulatorSetup(pipeline: string): Promise<Setup> {
  const emulatorEnvFile = path.join(work, 'emulator.env');
  emulator = spawn(process.execPath, ['test/emulator/cli.ts', '--write-env', emulatorEnvFile], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  emulator.on('exit', () => (emulatorExited = true));
  for (let i = 0; i < 120 && !(existsSync(emulatorEnvFile) && readFileSync(emulatorEnvFile, 'utf8')); i++) {
    if (emulatorExited) throw new Error('The emulator exited before it was ready.');
    await sleep(250);
  }
  if (!existsSync(emulatorEnvFile)) throw new Error('The emulator did not start within 30 s.');
  const values: Record<string, string> = {
    ...parseEnv(readFileSync(emulatorEnvFile, 'utf8')),
    PIPELINE_NAME: pipeline,
    // The emulator's daily-load declares these; other pipelines get none (as in `npm run demo`).
    PARAMETERS:
      pipeline === 'daily-load'
        ? `'${JSON.stringify({ batchSize: 250, fullRefresh: false, tables: ['customers', 'orders'] })}'`
        : '',
    SUMMARY_FILE: defaultSummaryFile,
  };
  const template = readFileSync(path.join(root, 'test/emulator/local-action.env'), 'utf8');
  const missing = new Set<string>();
  const dotenv = template
    .split('\n')
    .map((line) =>
      line.startsWith('#')
        ? line
        : line.replace(/\$\{([A-Z_]+)\}/g, (_, name: string) => {
            if (!(name in values)) missing.add(name);
            return values[name] ?? '';
          }),
    )
    .join('\n');
  if (missing.size) {
    throw new Error(`test/emulator/local-action.env names values nobody provides: ${[...missing].join(', ')}`);
  }
  const envFile = path.join(work, 'local-action.env');
  writeFileSync(envFile, dotenv);
  return {
    envFile,
    childEnv: { NODE_EXTRA_CA_CERTS: values.NODE_EXTRA_CA_CERTS! },
    summaryFile: defaultSummaryFile,
    banner: `Emulator up (ARM ${values.ARM_URL}); running pipeline '${pipeline}'.`,
  };
}

/** A real factory: the user's env file as it is; the summary goes where it says, or to .tmp/. */
function realSetup(file: string): Setup {
  const envFile = path.resolve(file);
  if (!existsSync(envFile)) {
    throw new Error(`${file} does not exist: copy .env.example to ${file} and fill it in (see docs/local.md).`);
  }
  const env = parseEnv(readFileSync(envFile, 'utf8'));
  if (!env['INPUT_PIPELINE-NAME'] && !env.INPUT_PIPELINES && !env['INPUT_RUN-ID']) {
    throw new Error(`${file} names no pipeline: set INPUT_PIPELINE-NAME (see .env.example).`);
  }
  const summaryFile = env.GITHUB_STEP_SUMMARY ? path.resolve(root, env.GITHUB_STEP_SUMMARY) : defaultSummaryFile;
  const childEnv: Record<string, string> = { GITHUB_STEP_SUMMARY: summaryFile };
  if (env.NODE_EXTRA_CA_CERTS) childEnv.NODE_EXTRA_CA_CERTS = env.NODE_EXTRA_CA_CERTS;
  const target = env.INPUT_WORKSPACE
    ? `workspace '${env.INPUT_WORKSPACE}'`
    : `factory '${env['INPUT_FACTORY-NAME'] ?? ''}'`;
  const signIn = env.INPUT_AUTH ?? 'auto';
  return {
    envFile,
    childEnv,
    summaryFile,
    banner: `Running against ${target} with ${path.relative(root, envFile) || file} (auth: ${signIn}).`,
  };
}

async function main(): Promise<number> {
  if (options.env !== undefined && positionals.length) {
    throw new Error('Give either a pipeline of the emulator or --env FILE, not both.');
  }
  const setup =
    options.env !== undefined ? realSetup(options.env) : await emulatorSetup(positionals[0] ?? 'daily-load');
  mkdirSync(path.dirname(setup.summaryFile), { recursive: true });
  writeFileSync(setup.summaryFile, '');
  console.log(setup.banner);

  const bin = path.join(root, 'node_modules/@github/local-action/bin/local-action.js');
  const args = [bin, 'run', '.', 'src/main.ts', setup.envFile, '--post', 'src/post.ts'];
  console.log(`$ local-action ${args.slice(1).join(' ')}`);
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...setup.childEnv },
    stdio: ['ignore', 'pipe', 'inherit'],
    // Its own process group, so that it can be stopped as a whole (POSIX; on Windows the child alone).
    detached: process.platform !== 'win32',
  });
  const stop = (signal: NodeJS.Signals) =>
    process.platform === 'win32' ? child.kill(signal) : process.kill(-child.pid!, signal);
  // Ctrl+C reaches only this process (the child has its own process group): pass it on, so the
  // action cancels its run as it does when a workflow is cancelled.
  let interrupted = false;
  process.on('SIGINT', () => {
    interrupted = true;
    console.log('\nCtrl+C: passing SIGINT to the action, which cancels its run.');
    stop('SIGINT');
  });
  let errors = 0;
  let finished = false;
  let stoppedByUs = false;
  let pending = '';
  const onLine = (line: string) => {
    // eslint-disable-next-line no-control-regex
    const plain = line.replace(/\x1b\[[0-9;]*m/g, '');
    if (/^::error[ :]/.test(plain)) errors++;
    if (!finished && plain.trim() === 'Action Outputs') {
      finished = true;
      // local-action has run main and post and prints the outputs last. The action's process may
      // then stay alive on an open handle (in a workflow, src/index.ts ends with process.exit()).
      setTimeout(() => {
        if (child.exitCode === null && child.signalCode === null) {
          stoppedByUs = true;
          stop('SIGTERM');
        }
      }, 2000).unref();
    }
  };
  child.stdout!.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop()!;
    lines.forEach(onLine);
  });
  // A real run may take as long as its timeout; the emulator's runs take seconds.
  const limitMs = options.env !== undefined ? 24 * 3600_000 : 180_000;
  const deadline = setTimeout(() => stop('SIGKILL'), limitMs);
  // local-action's bin starts the action in a process of its own, which writes to the same pipe: the
  // pipe closes when both are done (the bin alone dies at once on a Ctrl+C).
  const closed = new Promise((resolve) => child.stdout!.on('close', resolve));
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  await closed;
  clearTimeout(deadline);
  if (pending) onLine(pending);

  const summary = existsSync(setup.summaryFile) ? readFileSync(setup.summaryFile, 'utf8') : '';
  console.log(`\nJob summary (${summary.length} characters): ${setup.summaryFile}`);
  if (interrupted) {
    console.error('Interrupted: the log above says what became of the run.');
    return 130;
  }
  if (!finished) {
    console.error(`local-action did not finish (exit code ${code}).`);
    return 1;
  }
  if (code !== 0 && !stoppedByUs) {
    console.error(`local-action exited with code ${code}.`);
    return 1;
  }
  if (errors > 0) {
    console.error(`The action failed: it reported ${errors} error(s). Exit code 1.`);
    return 1;
  }
  console.log('The action succeeded (main and post).');
  return 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
} finally {
  if (emulator) {
    emulator.kill('SIGTERM');
    await new Promise((resolve) => (emulatorExited ? resolve(undefined) : emulator!.on('exit', resolve)));
  }
  rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
