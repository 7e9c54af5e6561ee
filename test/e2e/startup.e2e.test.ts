// Start-up work of issue 5, seen from outside: the compile cache the entry points turn on, and the
// connections the action opens (early, shared, and through a proxy when one is configured).
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCacheDir } from '../../src/runtime/startup.js';
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy.ts';
import { startWorld, type World } from '../support/scenario.ts';
import { expectSuccess, log, step } from './helpers.ts';

let w: World;
const tmpRoot = mkdtempSync(path.join(tmpdir(), 'startup-e2e-'));
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => {
  await w?.emu.close();
  rmSync(tmpRoot, { recursive: true, force: true });
});

const uid = process.getuid?.() ?? null;
const cacheDirIn = (tmp: string) => compileCacheDir(tmp, uid);
const trigger = () => ({ ...w.base, ...w.secretAuth, 'pipeline-name': 'quick', wait: 'false' });
const debugLine = (stdout: string) => stdout.split('\n').find((l) => l.startsWith('::debug::Compile cache:'));

describe('compile cache', () => {
  it('the first run on a machine fills a private cache, later runs use it', async () => {
    const tmp = mkdtempSync(path.join(tmpRoot, 'fresh-'));
    const dir = cacheDirIn(tmp);
    const env = { ...w.caEnv, TMPDIR: tmp, RUNNER_DEBUG: '1' };

    const first = await step(w, { inputs: trigger(), env });
    expectSuccess(first.r);
    expect(debugLine(first.r.stdout)).toBe(`::debug::Compile cache: on, in ${dir} (enabled).`);
    if (uid !== null) expect(statSync(dir).mode & 0o777).toBe(0o700);
    // One folder per Node version, holding one entry per compiled file of dist/ (entry and chunks).
    const [version] = readdirSync(dir);
    const entries = readdirSync(path.join(dir, version));
    expect(entries.length).toBeGreaterThanOrEqual(3);

    const second = await step(w, { inputs: trigger(), env });
    expectSuccess(second.r);
    expect(second.r.outputs['run-id']).not.toBe(first.r.outputs['run-id']);
    expect(debugLine(second.r.stdout)).toBe(`::debug::Compile cache: on, in ${dir} (enabled).`);
    expect(readdirSync(path.join(dir, version)).sort()).toEqual([...entries].sort());
  });

  it.skipIf(uid === null)('a cache folder other users can write is not used, and the run is unaffected', async () => {
    const tmp = mkdtempSync(path.join(tmpRoot, 'shared-'));
    const dir = cacheDirIn(tmp);
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    const s = await step(w, { inputs: trigger(), env: { ...w.caEnv, TMPDIR: tmp, RUNNER_DEBUG: '1' } });
    expectSuccess(s.r);
    expect(s.r.outputs.status).toMatch(/^(Queued|InProgress|Succeeded)$/);
    expect(debugLine(s.r.stdout)).toBe(
      `::debug::Compile cache: off (not using ${dir}: its mode 777 lets other users in (must be 700)).`,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('NODE_DISABLE_COMPILE_CACHE=1 turns it off', async () => {
    const tmp = mkdtempSync(path.join(tmpRoot, 'off-'));
    const s = await step(w, {
      inputs: trigger(),
      env: { ...w.caEnv, TMPDIR: tmp, RUNNER_DEBUG: '1', NODE_DISABLE_COMPILE_CACHE: '1' },
    });
    expectSuccess(s.r);
    expect(debugLine(s.r.stdout)).toMatch(/^::debug::Compile cache: off \(.+\)\.$/);
    const dir = cacheDirIn(tmp);
    const written = readdirSync(dir).flatMap((v) => readdirSync(path.join(dir, v)));
    expect(written).toEqual([]);
  });
});

describe('connections', () => {
  it('one TLS connection to Entra ID and one to ARM carry a whole wait: false run', async () => {
    const s = await step(w, { inputs: { ...trigger(), 'pipeline-name': 'daily-load' }, env: w.caEnv });
    expectSuccess(s.r);
    // openidConfig + token on one connection; getPipeline, createRun, getRun on the other. The
    // connections opened early are the ones the requests use (a wasted one would make it 2).
    expect(s.ops('token')).toHaveLength(1);
    expect(s.ops('getPipeline').length + s.ops('createRun').length + s.ops('getRun').length).toBe(3);
    expect(w.emu.tlsConnections()).toEqual({ entra: 1, oidc: 0, arm: 1, synapse: 0, fabric: 0, github: 0, prices: 0 });
  });

  describe('behind a proxy (HTTPS_PROXY)', () => {
    let proxy: ConnectProxy;
    beforeAll(async () => {
      proxy = await startConnectProxy();
    });
    afterAll(() => proxy?.close());

    it('every connection to Entra ID and ARM goes through the proxy, none around it', async () => {
      proxy.tunnels.length = 0;
      const s = await step(w, {
        inputs: { ...trigger(), 'pipeline-name': 'daily-load' },
        env: { ...w.caEnv, HTTPS_PROXY: proxy.url },
      });
      expectSuccess(s.r);
      const host = (url: string) => new URL(url).host;
      const through = (url: string) => proxy.tunnels.filter((t) => t === host(url)).length;
      const seen = w.emu.tlsConnections();
      expect(through(w.emu.entraUrl), log(s.r)).toBeGreaterThan(0);
      expect(through(w.emu.armUrl), log(s.r)).toBeGreaterThan(0);
      expect(seen.entra).toBe(through(w.emu.entraUrl));
      expect(seen.arm).toBe(through(w.emu.armUrl));
      expect(s.ops('createRun')).toHaveLength(1);
    });
  });
});
