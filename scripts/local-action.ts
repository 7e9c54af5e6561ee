// `npm run local-action [-- PIPELINE]`: runs the action from source (src/main.ts, then the post
// step src/post.ts) with GitHub's @github/local-action against the bundled local ADF emulator.
// Writes .env from .env.example with the emulator's URLs and identities, exports
// NODE_EXTRA_CA_CERTS for the child (Node reads it only at start-up, so the .env line alone is not
// enough), and exits non-zero when the action fails: local-action itself exits 0 after a
// core.setFailed, so any `::error` line it prints counts as a failure here.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pipeline = process.argv[2] ?? 'daily-load';
const work = mkdtempSync(path.join(os.tmpdir(), 'local-action-'));
const emulatorEnvFile = path.join(work, 'emulator.env');
const summaryFile = path.join(root, '.tmp', 'local-action-summary.md');
const dotenvFile = path.join(root, '.env');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function parseEnv(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const m = /^([^#=\s][^=]*)=(.*)$/.exec(line);
    if (m) env[m[1]] = m[2];
  }
  return env;
}

const emulator = spawn(process.execPath, ['test/emulator/cli.ts', '--write-env', emulatorEnvFile], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
let emulatorExited = false;
emulator.on('exit', () => (emulatorExited = true));

async function main(): Promise<number> {
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
    SUMMARY_FILE: summaryFile,
  };
  const template = readFileSync(path.join(root, '.env.example'), 'utf8');
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
  if (missing.size) throw new Error(`.env.example names values nobody provides: ${[...missing].join(', ')}`);
  writeFileSync(dotenvFile, dotenv);
  mkdirSync(path.dirname(summaryFile), { recursive: true });
  writeFileSync(summaryFile, '');
  console.log(
    `Emulator up (ARM ${values.ARM_URL}); wrote ${path.relative(root, dotenvFile)} for pipeline '${pipeline}'.`,
  );

  const bin = path.join(root, 'node_modules/@github/local-action/bin/local-action.js');
  const args = [bin, 'run', '.', 'src/main.ts', '.env', '--post', 'src/post.ts'];
  console.log(`$ NODE_EXTRA_CA_CERTS=${values.NODE_EXTRA_CA_CERTS} local-action ${args.slice(1).join(' ')}`);
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, NODE_EXTRA_CA_CERTS: values.NODE_EXTRA_CA_CERTS },
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true, // its own process group, so that it can be stopped as a whole
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
          process.kill(-child.pid!, 'SIGTERM');
        }
      }, 2000).unref();
    }
  };
  child.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop()!;
    lines.forEach(onLine);
  });
  const deadline = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 180_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  clearTimeout(deadline);
  if (pending) onLine(pending);

  const summary = readFileSync(summaryFile, 'utf8');
  console.log(`\nJob summary (${summary.length} characters) is in ${path.relative(root, summaryFile)}.`);
  if (!finished) {
    console.error(`local-action did not finish (exit code ${code}).`);
    return 1;
  }
  if (code !== 0 && !stoppedByUs) {
    console.error(`local-action exited with code ${code}.`);
    return 1;
  }
  if (errors > 0) {
    console.error(`The action failed: it reported ${errors} error(s).`);
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
  emulator.kill('SIGTERM');
  await new Promise((resolve) => (emulatorExited ? resolve(undefined) : emulator.on('exit', resolve)));
  rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
