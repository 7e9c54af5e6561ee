import { AsyncLocalStorage } from 'node:async_hooks';
// What a batch gained from the one lifecycle (issue 18): every run of a batch is watched as a single
// run is: its pipeline's usual duration read from history (and with it the dense band of reads near
// the usual end, whose effect shows only on runs of minutes: bench section 5), progress lines named
// per pipeline, and the single run's words for faults. Seen failing against
// the v1.1 bundle (ACTION_BUNDLE_ROOT=<a checkout of 2d9067c> npx vitest run this file).
import { expect, test } from 'vitest';
import { runStep } from '../support/action-runner.ts';
import { log, ops } from '../support/resilience.ts';
import { startWorld, type World } from '../support/scenario.ts';

// Each test runs against an emulator of its own (its requests, runs, faults and settings), so the
// tests of this file run concurrently: they mostly wait for emulated runs.
const current = new AsyncLocalStorage<World>();
/** The running test's world. */
const w = new Proxy({} as World, { get: (_t, key) => Reflect.get(current.getStore()!, key) });

/** A test in a world of its own, run concurrently with the others of its file. */
const it = (name: string, fn: () => Promise<void>) =>
  test.concurrent(name, async () => {
    const world = await startWorld();
    try {
      await current.run(world, async () => {
        const f = {
          subscriptionId: w.seed.subscriptionId,
          resourceGroup: w.seed.resourceGroup,
          factoryName: w.seed.factoryName,
        };
        for (const [name, ms] of [
          ['bl-usual-a', 12_000],
          ['bl-usual-b', 14_000],
        ] as const) {
          w.emu.addPipeline({ ...f, name, script: { phases: [{ status: 'InProgress', ms }] } });
          w.emu.seedHistory(name, [ms - 300, ms - 200, ms - 100, ms, ms + 100, ms + 200]);
        }
        w.emu.addPipeline({ ...f, name: 'bl-plain', script: { phases: [{ status: 'InProgress', ms: 6_000 }] } });
        await fn();
      });
    } finally {
      await world.emu.close();
    }
  });

const step = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
  runStep({ inputs: { ...w.base, ...w.secretAuth, ...inputs }, env: { ...w.caEnv, ...env } });

it("a batch reads each pipeline's usual duration and says it per pipeline", async () => {
  const r = await step({ pipelines: '- bl-usual-a\n- bl-usual-b', 'poll-interval': 'auto' });
  expect(r.exitCode, log(r)).toBe(0);
  expect(r.stdout).toMatch(/\[bl-usual-a\] Runs of 'bl-usual-a' usually take 1[12]s/);
  expect(r.stdout).toMatch(/\[bl-usual-b\] Runs of 'bl-usual-b' usually take 1[34]s/);
  // The run's end is told against its usual duration, as for a single run.
  expect(r.stdout).toMatch(/\[bl-usual-a\] Run ended: Succeeded after \d+s \(usually 1[12]s\)/);
});

it('a batch prints progress lines per pipeline while it waits', async () => {
  const r = await step(
    { pipelines: '- bl-plain\n- bl-usual-a', 'poll-interval': '1s' },
    { ADF_ACTION_PROGRESS_MS: '2500' },
  );
  expect(r.exitCode, log(r)).toBe(0);
  expect(r.stdout).toMatch(/\[bl-plain\] Status: InProgress \(after \d+s\)/);
  expect(r.stdout).toMatch(/\[bl-plain\] Still InProgress after \d+s\./);
  expect(r.stdout).toMatch(/\[bl-usual-a\] Still InProgress: \d+s of usually/);
});

it("a batch's faults are told in the single run's words", async () => {
  // The first two queries are the pipelines' history (one each); the next two are status reads.
  w.emu.faults.add({ service: 'arm', op: 'queryPipelineRuns', skip: 2, count: 2, fault: { status: 503 } });
  const r = await step({ pipelines: '- bl-plain\n- bl-usual-a', 'poll-interval': '1s' });
  expect(r.exitCode, log(r)).toBe(0);
  expect(r.stdout, log(r)).toMatch(/Azure answered HTTP 503 \S+.*; still waiting for 2 runs and asking again/);
  expect(r.stdout).toMatch(/Azure answers again after \d+ failed attempt\(s\) over/);
  expect(ops(w.emu.requests, 'queryPipelineRuns').length).toBeGreaterThan(0);
});
