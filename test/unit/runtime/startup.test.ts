import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  compileCacheDir,
  describeStartup,
  unsafeCacheDir,
  type CompileCacheStatus,
} from '../../../src/runtime/startup.js';

const stats = (o: { dir?: boolean; link?: boolean; uid?: number; mode?: number }) => ({
  isDirectory: () => o.dir ?? true,
  isSymbolicLink: () => o.link ?? false,
  uid: o.uid ?? 1001,
  mode: o.mode ?? 0o40700,
});

describe('compileCacheDir', () => {
  it('is one folder per OS user under the temp folder', () => {
    expect(compileCacheDir('/tmp', 1001)).toBe(path.join('/tmp', 'run-adf-pipeline-action-cache-1001'));
    expect(compileCacheDir('/tmp', 0)).toBe(path.join('/tmp', 'run-adf-pipeline-action-cache-0'));
  });

  it('has no user suffix where the OS has no user IDs (Windows: the temp folder is per user)', () => {
    expect(compileCacheDir('C:\\Temp', null)).toBe(path.join('C:\\Temp', 'run-adf-pipeline-action-cache'));
  });
});

describe('unsafeCacheDir', () => {
  it('accepts our own private directory', () => {
    expect(unsafeCacheDir(stats({}), 1001)).toBeUndefined();
  });

  it('refuses a symbolic link (someone could point it anywhere)', () => {
    expect(unsafeCacheDir(stats({ link: true }), 1001)).toBe('it is a symbolic link');
  });

  it('refuses a file', () => {
    expect(unsafeCacheDir(stats({ dir: false }), 1001)).toBe('it is not a directory');
  });

  it("refuses another user's directory", () => {
    expect(unsafeCacheDir(stats({ uid: 0 }), 1001)).toBe('it belongs to user 0, not to us (1001)');
  });

  it.each([0o40777, 0o40770, 0o40707, 0o40750, 0o40705, 0o40720])(
    'refuses mode %o: others could write or read compiled code',
    (mode) => {
      expect(unsafeCacheDir(stats({ mode }), 1001)).toMatch(/lets other users in \(must be 700\)$/);
    },
  );

  it('skips owner and mode checks where there are no user IDs', () => {
    expect(unsafeCacheDir(stats({ uid: 0, mode: 0o40777 }), null)).toBeUndefined();
    expect(unsafeCacheDir(stats({ link: true }), null)).toBe('it is a symbolic link');
  });
});

describe('describeStartup', () => {
  it('says where the cache is, or why there is none', () => {
    const on: CompileCacheStatus = { enabled: true, dir: '/tmp/c', detail: 'enabled' };
    expect(describeStartup(on)).toBe('Compile cache: on, in /tmp/c (enabled).');
    const off: CompileCacheStatus = {
      enabled: false,
      dir: '/tmp/c',
      detail: 'not using /tmp/c: it is a symbolic link',
    };
    expect(describeStartup(off)).toBe('Compile cache: off (not using /tmp/c: it is a symbolic link).');
  });
});

// enableCompileCache changes the whole process, so each case runs in a fresh Node (the same
// Node 24 as the tests; it loads the TypeScript source directly).
describe('enableCompileCache in a fresh process', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'startup-test-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const startup = pathToFileURL(path.resolve('src/runtime/startup.ts')).href;

  function enable(dir: string, env: Record<string, string> = {}): CompileCacheStatus {
    const code = `import { enableCompileCache } from ${JSON.stringify(startup)};
      const s = enableCompileCache(${JSON.stringify(dir)});
      await import(${JSON.stringify(pathToFileURL(path.resolve('src/inputs/duration.ts')).href)});
      console.log(JSON.stringify(s));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as CompileCacheStatus;
  }

  it('creates a private directory and fills it with compiled code at exit', () => {
    const dir = path.join(root, 'fresh', 'cache');
    const s = enable(dir);
    expect(s).toMatchObject({ enabled: true, dir, detail: 'enabled' });
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    // Node keeps one sub-folder per Node version; the module loaded after enabling is in it.
    const [sub] = readdirSync(dir);
    expect(readdirSync(path.join(dir, sub)).length).toBeGreaterThan(0);
  });

  it('refuses a directory other users can write, and writes nothing there', () => {
    const dir = path.join(root, 'open');
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    const s = enable(dir);
    expect(s.enabled).toBe(false);
    expect(s.detail).toBe(`not using ${dir}: its mode 777 lets other users in (must be 700)`);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a symbolic link to a directory', () => {
    const target = path.join(root, 'target');
    mkdirSync(target, { mode: 0o700 });
    const link = path.join(root, 'link');
    symlinkSync(target, link);
    const s = enable(link);
    expect(s.enabled).toBe(false);
    expect(s.detail).toBe(`not using ${link}: it is a symbolic link`);
    expect(readdirSync(target)).toEqual([]);
  });

  it('NODE_DISABLE_COMPILE_CACHE=1 turns it off', () => {
    const dir = path.join(root, 'disabled');
    const s = enable(dir, { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(s.enabled).toBe(false);
    expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
  });

  it('a path that cannot be a directory only turns the cache off', () => {
    const s = enable('/dev/null/cache');
    expect(s.enabled).toBe(false);
    expect(s.detail).toMatch(/ENOTDIR|not a directory/i);
  });
});
