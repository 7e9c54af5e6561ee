// Issue 12 soak: five pipelines in one step with a random fault on a third of all requests (ARM and
// Entra: throttling with Retry-After, 5xx, dropped connections, latency). It must end with exactly
// five runs, each started once, and the right `runs` output. In a file of its own so it runs in
// parallel with the other end-to-end files.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Fault } from '../emulator/index.ts';
import { runStep } from '../support/action-runner.ts';
import { log, ops } from '../support/resilience.ts';
import { startWorld, type World } from '../support/scenario.ts';

let w: World;
const NAMES = ['soak-1', 'soak-2', 'soak-3', 'soak-4', 'soak-5'];
beforeAll(async () => {
  w = await startWorld({ tokenLifetimeSec: 6 });
  const f = {
    subscriptionId: w.seed.subscriptionId,
    resourceGroup: w.seed.resourceGroup,
    factoryName: w.seed.factoryName,
  };
  NAMES.forEach((name, i) =>
    w.emu.addPipeline({
      ...f,
      name,
      parameters: { n: { type: 'Int', defaultValue: 0 } },
      script: {
        phases: [
          { status: 'Queued', ms: 500 },
          { status: 'InProgress', ms: 8_000 + i * 4_000 },
        ],
        ...(i === 3
          ? {
              final: 'Failed' as const,
              message: 'Operation on target Load failed',
              activities: [
                {
                  name: 'Load',
                  type: 'Copy',
                  status: 'Failed' as const,
                  error: { errorCode: '2200', message: 'boom', failureType: 'UserError' },
                },
              ],
            }
          : {}),
      },
    }),
  );
});
afterAll(() => w?.emu.close());

const SEED = Number(process.env.SOAK_SEED ?? 20_261_201);

test(`batch soak: five pipelines, a fault on a third of all requests (seed ${SEED})`, { timeout: 90_000 }, async () => {
  const faults: Fault[] = [
    { status: 429, retryAfter: 1 },
    { status: 500 },
    { status: 503 },
    { drop: 'before' },
    { latencyMs: 1_000 },
  ];
  w.emu.faults.random({ rate: 0.33, faults, seed: SEED, services: ['arm', 'entra'] });
  const r = await runStep({
    inputs: {
      ...w.base,
      ...w.secretAuth,
      pipelines: NAMES.map((n, i) => `- name: ${n}\n  parameters: {n: ${i + 1}}`).join('\n'),
      'max-parallel': '3',
      'poll-interval': '2s',
    },
    env: { ...w.caEnv, ADF_ACTION_SETTLE_MS: '1500' },
    timeoutMs: 85_000,
  });
  const faulted = w.emu.requests.filter((q) => q.fault);
  const summary = `${w.emu.requests.length} requests, ${faulted.length} faulted`;

  // Exactly five runs, one per pipeline, with its own parameters.
  expect(w.emu.runs.map((x) => x.pipelineName).sort(), `${summary}\n${log(r)}`).toEqual(NAMES);
  expect(w.emu.runs.map((x) => x.parameters.n).sort()).toEqual([1, 2, 3, 4, 5]);
  expect(r.exitCode, log(r)).toBe(1);
  const runs = JSON.parse(r.outputs.runs!) as Record<string, unknown>[];
  expect(runs.map((x) => [x.pipeline, x.status, x.started])).toEqual(
    NAMES.map((n, i) => [n, i === 3 ? 'Failed' : 'Succeeded', true]),
  );
  for (const x of runs) {
    const run = w.emu.runs.find((e) => e.pipelineName === x.pipeline)!;
    expect(x['run-id']).toBe(run.runId);
    expect(w.emu.runStatus(run.runId)).toBe(x.status);
    expect(run.cancelRequests).toEqual([]);
    expect(x['duration-ms']).toBeGreaterThan(8_000);
  }
  expect((runs[3]!['failed-activities'] as { name: string }[]).map((f) => f.name)).toEqual(['Load']);
  expect(r.outputs.status).toBe('Failed');
  expect(r.outputs.message).toMatch(/^soak-4: Failed/);

  // The faults happened, throttling included, and status still came mostly from the batch query.
  expect(faulted.length, summary).toBeGreaterThanOrEqual(10);
  expect(
    faulted.some((q) => q.fault?.includes('429')),
    summary,
  ).toBe(true);
  expect(ops(w.emu.requests, 'queryPipelineRuns').length).toBeGreaterThan(ops(w.emu.requests, 'getRun').length / 2);
  console.log(summary);
});
