// `npm run docs`: regenerates the Inputs and Outputs tables of docs/reference.md from action.yml with
// github-action-readme-generator (it rewrites what lies between the `<!-- start inputs -->` /
// `<!-- end inputs -->` and outputs markers, and nothing else), then formats the page with the
// repository's Prettier settings so that `prettier --check` accepts it.
// `npm run docs -- --check` (part of `npm run lint`) does the same on a copy and fails when the
// committed page differs: the reference can never drift from action.yml.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const page = path.join(root, 'docs', 'reference.md');
const check = process.argv.includes('--check');
const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

/** Writes the generated tables into `target` (a copy of docs/reference.md, or the page itself). */
function generate(target) {
  execFileSync(
    bin('github-action-readme-generator'),
    [
      '--action',
      path.join(root, 'action.yml'),
      '--readme',
      target,
      '--owner',
      'run-adf-pipeline',
      '--repo',
      'run-adf-pipeline-action',
      '--versioning_enabled',
      'false',
      '--prettier',
      'false',
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], shell: process.platform === 'win32' },
  );
  execFileSync(bin('prettier'), ['--log-level', 'warn', '--write', target], {
    cwd: root,
    stdio: 'inherit',
    shell: process.platform === 'win32',
  });
}

if (!check) {
  generate(page);
  console.log(`Wrote ${path.relative(root, page)} from action.yml.`);
} else {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'reference-'));
  try {
    // Inside the repository's tree Prettier would use its settings; the copy needs them too.
    const copy = path.join(dir, 'reference.md');
    copyFileSync(page, copy);
    copyFileSync(path.join(root, '.prettierrc.json'), path.join(dir, '.prettierrc.json'));
    generate(copy);
    if (readFileSync(copy, 'utf8') !== readFileSync(page, 'utf8')) {
      console.error('docs/reference.md is out of date with action.yml: run `npm run docs` and commit it.');
      process.exit(1);
    }
    console.log('docs/reference.md matches action.yml.');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
