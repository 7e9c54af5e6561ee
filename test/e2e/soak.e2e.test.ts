// Issue 3 soak test: a run of ~60 s with a random fault on a third of all requests (ARM, Entra and
// the GitHub OIDC token service) and tokens that expire every few seconds. It must succeed with the
// right outputs, and the emulator must hold exactly one run. In a file of its own so it runs in
// parallel with the other end-to-end files.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Fault } from '../emulator/index.ts';
import { runStep } from '../support/action-runner.ts';
import { log, ops } from '../support/resilience.ts';
import { startWorld, type World } from '../support/scenario.ts';

let w: World;
beforeAll(async () => {
  // Access tokens expire every 4 s. ID tokens live 15 s: a sign-in under these faults (MSAL retrying
  // its discovery read, 1.5 s latencies) can take several seconds after the ID token was fetched,
  // and Entra refuses an assertion that expired meanwhile (AADSTS700024, which the action rightly
  // treats as permanent).
  w = await startWorld({ tokenLifetimeSec: 4, idTokenLifetimeSec: 15 });
});
afterAll(() => w?.emu.close());

const SEED = Number(process.env.SOAK_SEED ?? 20_240_601);

test(
  `soak: 60 s run, a fault on a third of all requests, short-lived tokens (seed ${SEED})`,
  { timeout: 150_000 },
  async () => {
    const faults: Fault[] = [
      { status: 429, retryAfter: 1 },
      { status: 500 },
      { status: 503 },
      { drop: 'before' },
      { latencyMs: 1_500 },
    ];
    w.emu.faults.random({ rate: 0.33, faults, seed: SEED, services: ['arm', 'entra', 'oidc'] });
    const r = await runStep({
      inputs: {
        ...w.base,
        ...w.oidcAuth,
        auth: 'oidc',
        'pipeline-name': 'long-running',
        'poll-interval': '2s',
      },
      // A shorter settle than the default 5 s, so an ambiguous createRun costs the test less time.
      env: { ...w.oidcEnv, ADF_ACTION_SETTLE_MS: '1500' },
      timeoutMs: 140_000,
    });
    const faulted = w.emu.requests.filter((q) => q.fault);
    const summary = `${w.emu.requests.length} requests, ${faulted.length} faulted: ${JSON.stringify(
      Object.entries(
        faulted.reduce<Record<string, number>>(
          (n, q) => ((n[`${q.service}.${q.op} ${q.fault}`] ??= 0), n[`${q.service}.${q.op} ${q.fault}`]++, n),
          {},
        ),
      ),
    )}`;

    // Exactly one run, and it is the one the outputs describe.
    expect(
      w.emu.runs.map((x) => x.runId),
      `${summary}\n${log(r)}`,
    ).toHaveLength(1);
    const run = w.emu.runs[0];
    expect(r.exitCode, `${summary}\n${log(r)}`).toBe(0);
    expect(r.outputs['run-id']).toBe(run.runId);
    expect(r.outputs.status).toBe('Succeeded');
    expect(w.emu.runStatus(run.runId)).toBe('Succeeded');
    expect(run.cancelRequests).toEqual([]);
    expect(r.outputs['run-url']).toContain(run.runId);
    expect(Number(r.outputs['duration-ms'])).toBeGreaterThan(50_000);
    expect(r.outputs['failed-activities']).toBe('[]');
    expect(JSON.parse(r.outputs.run)).toMatchObject({ runId: run.runId, status: 'Succeeded' });
    expect(r.summary).toContain('Copy big table');

    // The faults really happened, everywhere, and tokens were renewed throughout.
    expect(faulted.length, summary).toBeGreaterThanOrEqual(15);
    for (const service of ['arm', 'entra', 'oidc'])
      expect(
        faulted.some((q) => q.service === service),
        summary,
      ).toBe(true);
    expect(ops(w.emu.requests, 'idToken', 'oidc').filter((q) => q.status === 200).length).toBeGreaterThanOrEqual(5);
    expect(ops(w.emu.requests, 'token', 'entra').filter((q) => q.status === 200).length).toBeGreaterThanOrEqual(5);
    console.log(summary);
  },
);
