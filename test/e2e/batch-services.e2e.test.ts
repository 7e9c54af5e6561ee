// Issue 12 on Synapse (one queryPipelineRuns per interval, as for ADF) and Fabric (no batch query:
// one job-instance read per run), with a failed run and its activities in each.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEFAULTS, type RecordedRequest } from '../emulator/index.ts';
import { runStep } from '../support/action-runner.ts';
import { log } from '../support/resilience.ts';
import { startWorld, type World } from '../support/scenario.ts';

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(() => w?.emu.close());

const of = (reqs: RecordedRequest[], service: string, op: string) =>
  reqs.filter((q) => q.service === service && q.op === op);
type RunOut = Record<string, unknown>;

test('synapse: three pipelines, status through one workspace query per interval', async () => {
  const from = w.emu.requests.length;
  const r = await runStep({
    inputs: {
      service: 'synapse',
      workspace: w.seed.synapseWorkspace,
      'service-endpoint': w.emu.synapseEndpoint(),
      'authority-host': w.emu.entraUrl,
      ...w.secretAuth,
      pipelines: '- quick\n- nightly-fail\n- name: daily-load\n  parameters: {batchSize: 7}',
      'poll-interval': '1s',
    },
    env: w.caEnv,
  });
  expect(r.exitCode, log(r)).toBe(1);
  const runs = JSON.parse(r.outputs.runs!) as RunOut[];
  expect(runs.map((x) => [x.pipeline, x.status])).toEqual([
    ['quick', 'Succeeded'],
    ['nightly-fail', 'Failed'],
    ['daily-load', 'Succeeded'],
  ]);
  expect((runs[1]!['failed-activities'] as { name: string }[]).map((f) => f.name)).toEqual(['Copy sales']);
  const reqs = w.emu.requests.slice(from);
  expect(of(reqs, 'synapse', 'createRun')).toHaveLength(3);
  expect(of(reqs, 'synapse', 'queryPipelineRuns').length).toBeGreaterThan(0);
  // daily-load takes 4 s at a 1 s interval: getRun only for runs the query did not show yet.
  expect(of(reqs, 'synapse', 'getRun').length).toBeLessThan(of(reqs, 'synapse', 'queryPipelineRuns').length * 3);
  expect(r.annotations.some((a) => a.title === 'nightly-fail › Copy sales')).toBe(true);
});

test('fabric: two pipelines by display name, one job-instance read per run', async () => {
  const from = w.emu.requests.length;
  const r = await runStep({
    inputs: {
      service: 'fabric',
      workspace: DEFAULTS.fabricWorkspaceName,
      'service-endpoint': w.emu.fabricUrl,
      'authority-host': w.emu.entraUrl,
      ...w.secretAuth,
      pipelines: '- quick\n- nightly-fail',
      'poll-interval': '1s',
    },
    env: w.caEnv,
  });
  expect(r.exitCode, log(r)).toBe(1);
  const runs = JSON.parse(r.outputs.runs!) as RunOut[];
  expect(runs.map((x) => [x.pipeline, x.status, x.started])).toEqual([
    ['quick', 'Succeeded', true],
    ['nightly-fail', 'Failed', true],
  ]);
  const reqs = w.emu.requests.slice(from);
  expect(of(reqs, 'fabric', 'runJob')).toHaveLength(2);
  for (const x of runs) expect(w.emu.fabricJob(String(x['run-id']))).toBeDefined();
  expect(of(reqs, 'fabric', 'getJob').length).toBeGreaterThanOrEqual(2);
  expect(r.outputs.message).toMatch(/^nightly-fail: Failed/);
});
