// `npm run release [-- VERSION] [--dry-run] [--major] [--remote NAME]`: tags a release and pushes
// the tag; .github/workflows/release.yml then checks dist/, publishes the GitHub release and
// moves the major tag (v1). Asks for the version when none is given (the default is the one in
// package.json) and refuses one that is not semver, not above the latest release tag, or not the
// version in package.json (bump package.json and src/runtime/version.ts first: a unit test keeps them
// equal). Also refuses a dirty work tree or a dist/ that differs from a fresh build.
// --major also moves and pushes the major tag from here (for when the workflow cannot run);
// --dry-run checks everything and prints the git commands instead of running them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    'dry-run': { type: 'boolean', default: false },
    major: { type: 'boolean', default: false },
    remote: { type: 'string', default: 'origin' },
  },
});
const dryRun = values['dry-run'];
const SEMVER = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

const git = (...args) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
const fail = (message) => {
  console.error(`release: ${message}`);
  process.exit(1);
};
const run = (...args) => {
  console.log(`$ git ${args.join(' ')}`);
  if (!dryRun) execFileSync('git', args, { cwd: root, stdio: 'inherit' });
};

/** Negative, zero or positive as a < b, a == b, a > b (semver precedence, pre-releases simplified). */
function compare(a, b) {
  const [, ...pa] = SEMVER.exec(a);
  const [, ...pb] = SEMVER.exec(b);
  for (let i = 0; i < 3; i++) if (Number(pa[i]) !== Number(pb[i])) return Number(pa[i]) - Number(pb[i]);
  if (pa[3] === pb[3]) return 0;
  if (pa[3] === undefined) return 1; // 1.0.0 > 1.0.0-rc.1
  if (pb[3] === undefined) return -1;
  return pa[3].localeCompare(pb[3], 'en', { numeric: true });
}

const pkgVersion = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version;
const tags = git('tag', '--list', 'v*.*.*')
  .split('\n')
  .filter((t) => SEMVER.test(t))
  .sort(compare);
const latest = tags.at(-1);
console.log(`Latest release tag: ${latest ?? '(none)'}; package.json version: ${pkgVersion}.`);

let answer = positionals[0];
if (!answer) {
  if (!process.stdin.isTTY) fail('no version given (npm run release -- 1.2.3) and no terminal to ask on.');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  answer = (await rl.question(`New version [${pkgVersion}]: `)).trim() || pkgVersion;
  rl.close();
}
if (!SEMVER.test(answer)) fail(`'${answer}' is not a semantic version such as 1.2.3 or 1.3.0-rc.1.`);
const version = answer.replace(/^v/, '');
const tag = `v${version}`;
const major = `v${version.split('.')[0]}`;
const prerelease = version.includes('-');

if (tags.includes(tag)) fail(`${tag} exists already.`);
if (latest && compare(version, latest) <= 0) fail(`${tag} is not above the latest release, ${latest}.`);
if (version !== pkgVersion) {
  fail(
    `package.json says ${pkgVersion}, not ${version}. Bump "version" in package.json and ACTION_VERSION in ` +
      'src/runtime/version.ts, run `npm run build`, get that merged, then release.',
  );
}
if (git('status', '--porcelain')) fail('the work tree has uncommitted changes.');

console.log('Building dist/ to check that it matches the commit...');
execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const stale = git('status', '--porcelain', '--', 'dist');
if (stale) {
  execFileSync('git', ['checkout', '--', 'dist'], { cwd: root });
  execFileSync('git', ['clean', '-fdq', '--', 'dist'], { cwd: root });
  fail(`dist/ differs from a fresh build of src/:\n${stale}\nCommit the rebuilt dist/ first.`);
}

const head = git('rev-parse', '--short', 'HEAD');
console.log(`Releasing ${tag} at ${head} (${git('rev-parse', '--abbrev-ref', 'HEAD')})${dryRun ? ' (dry run)' : ''}.`);
run('tag', '--annotate', tag, '--message', tag);
run('push', values.remote, `refs/tags/${tag}`);
if (values.major && !prerelease) {
  run('tag', '--force', major, `${tag}^{commit}`);
  run('push', '--force', values.remote, `refs/tags/${major}`);
}
console.log(
  prerelease
    ? `The release workflow publishes ${tag} as a pre-release; ${major} stays where it is.`
    : `The release workflow publishes ${tag} and moves ${major} to it once dist/ checks out` +
        `${values.major ? ` (${major} was moved from here too)` : ''}.`,
);
