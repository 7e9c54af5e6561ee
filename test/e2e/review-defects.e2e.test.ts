// Issue 19: defects 1-6 of the review, end to end against the emulator, as a user meets them.
// Written against the code before the one-lifecycle redesign, so that the redesign is seen fixing
// them: each test names what the user should see.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { runStep, type StepOptions, type StepResult } from '../support/action-runner.ts';
import { createRunDirectly, log, ops, since } from '../support/resilience.ts';
import { startWorld, type World } from '../support/scenario.ts';
import { expectHidden } from './helpers.ts';

const QUERY_RUNS = 'Microsoft.DataFactory/factories/querypipelineruns/action';
/** A SecureString value under a name that does not look secret, so guessing from names misses it. */
const SAS_URL = 'https://acct.blob.core.windows.net/drop?sv=2024-05-04&sig=Sas-Secret-9f3e2a71c4';

let w: World;
beforeAll(async () => {
  w = await startWorld();
  const f = {
    subscriptionId: w.seed.subscriptionId,
    resourceGroup: w.seed.resourceGroup,
    factoryName: w.seed.factoryName,
  };
  // A few seconds of work: long enough for several polls, short enough for a quick test.
  const steady = { phases: [{ status: 'InProgress' as const, ms: 3_000 }] };
  for (const name of ['rd-a', 'rd-b', 'rd-c', 'rd-d', 'rd-e', 'rd-f'])
    w.emu.addPipeline({ ...f, name, parameters: { limit: { type: 'Int', defaultValue: 1 } }, script: steady });
  // Ends 5.5 s after its start: after the batch's first status read (5 s), before an 8 s deadline.
  w.emu.addPipeline({ ...f, name: 'rd-late', script: { phases: [{ status: 'InProgress', ms: 5_500 }] } });
  w.emu.addPipeline({
    ...f,
    name: 'rd-sas',
    parameters: { sasUrl: { type: 'SecureString' }, region: { type: 'String', defaultValue: 'eu' } },
    script: { phases: [{ status: 'InProgress', ms: 800 }] },
  });
});
afterAll(() => w?.emu.close());
beforeEach(() => {
  w.emu.faults.clear();
  w.emu.allow(w.seed.clientId);
});

function stepOf(inputs: Record<string, string>, extra: Partial<StepOptions> = {}): StepOptions {
  return {
    timeoutMs: 90_000,
    ...extra,
    inputs: { ...w.base, ...w.secretAuth, 'poll-interval': '1s', ...inputs },
    env: { ...w.caEnv, ...extra.env },
  };
}

type RunOut = Record<string, unknown>;
const runsOf = (r: StepResult) => JSON.parse(r.outputs.runs ?? 'null') as RunOut[] | null;
const warnings = (r: StepResult) => r.annotations.filter((a) => a.level === 'warning');
const count = (text: string, part: string) => text.split(part).length - 1;

describe('a batch (pipelines) where a single run already behaves', () => {
  test('a batch without permission to query runs waits by reading each run and warns once', async () => {
    w.emu.deny(w.seed.clientId, QUERY_RUNS);
    const from = w.emu.requests.length;
    const r = await runStep(stepOf({ pipelines: '- rd-a\n- rd-b' }));
    const reqs = since(w, from);
    expect(ops(reqs, 'cancel'), log(r)).toEqual([]);
    expect(r.exitCode, log(r)).toBe(0);
    expect(runsOf(r)?.map((o) => [o.pipeline, o.status])).toEqual([
      ['rd-a', 'Succeeded'],
      ['rd-b', 'Succeeded'],
    ]);
    // The status query was refused: each run is read on its own, and the user is told once.
    expect(ops(reqs, 'getRun').length).toBeGreaterThanOrEqual(2);
    expect(warnings(r).filter((a) => /permission|querypipelineruns/i.test(a.message))).toHaveLength(1);
  });

  test('a batch whose run succeeds in the last poll interval before the deadline succeeds', async () => {
    // Status is read 5 s after the start (InProgress); the run ends at 5.5 s, the 8 s deadline
    // comes before the next read at 10 s. A last read at the deadline finds it Succeeded.
    const from = w.emu.requests.length;
    const r = await runStep(stepOf({ pipelines: '- rd-late', 'poll-interval': '5s', timeout: '8s' }));
    expect(r.failure ?? '', log(r)).not.toMatch(/Timed out/);
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.outputs.status).toBe('Succeeded');
    expect(runsOf(r)?.map((o) => o.status)).toEqual(['Succeeded']);
    expect(ops(since(w, from), 'cancel')).toEqual([]);
  });

  test('a batch refused before any start still sets every output, runs included', async () => {
    const r = await runStep(stepOf({ pipelines: '- rd-a\n- name: rd-b\n  parameters: {limit: many}' }));
    expect(r.exitCode, log(r)).toBe(1);
    expect(r.failure).toContain('no run was started');
    // What `fromJSON(steps.x.outputs.runs)` in a failure handler needs.
    expect(runsOf(r), log(r)).toEqual([
      expect.objectContaining({ pipeline: 'rd-a', 'run-id': '', status: '', started: false }),
      expect.objectContaining({ pipeline: 'rd-b', 'run-id': '', status: '', started: false }),
    ]);
    expect(r.outputs.started).toBe('false');
    expect(r.outputs.status).toBe('');
    expect(r.outputs['run-id']).toBe('');
    expect(r.outputs['failed-activities']).toBe('[]');
    expect(r.outputs.message).toContain('no run was started');
  });

  test('a batch with a wrong client secret fails once as a sign-in problem, not a parameter problem', async () => {
    const from = w.emu.requests.length;
    const r = await runStep(
      stepOf({
        pipelines: '- rd-a\n- rd-b\n- rd-c\n- rd-d\n- rd-e\n- rd-f',
        'client-secret': 'not-the-right-secret-000',
      }),
    );
    expect(r.exitCode, log(r)).toBe(1);
    expect(ops(since(w, from), 'createRun')).toEqual([]);
    const failure = r.failure ?? '';
    expect(failure).not.toContain('do not fit their definitions');
    // Entra's code for a wrong secret, explained once for the step, not once per pipeline.
    expect(count(failure, 'AADSTS7000215'), failure).toBe(1);
    // (Entra's own text names the client secret three times: the explanation itself comes once.)
    expect(count(failure, 'Entra rejected the client secret'), failure).toBe(1);
  });
});

describe('a timeout people write to mean "no limit"', () => {
  // 720h is past the 2^31-1 ms a timer can hold (it would fire after 1 ms); 9999h past 2^32-1 ms
  // (AbortSignal.timeout throws). Either must leave the run alone and wait for it.
  const expectWaited = (r: StepResult, from: number) => {
    const reqs = since(w, from);
    expect(ops(reqs, 'cancel'), log(r)).toEqual([]);
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.outputs.status).toBe('Succeeded');
    // The run was watched for a few polls, not given up on right after its start.
    expect(ops(reqs, 'getRun').length + ops(reqs, 'queryPipelineRuns').length).toBeGreaterThanOrEqual(2);
  };

  test.each(['720h', '9999h'])('a single run with timeout %s is waited for, not cancelled', async (timeout) => {
    const from = w.emu.requests.length;
    const r = await runStep(stepOf({ 'pipeline-name': 'rd-c', timeout }));
    expectWaited(r, from);
  });

  test.each(['720h', '9999h'])('a batch with timeout %s is waited for, not cancelled', async (timeout) => {
    const from = w.emu.requests.length;
    const r = await runStep(stepOf({ pipelines: '- rd-d\n- rd-e', timeout }));
    expectWaited(r, from);
    expect(runsOf(r)?.map((o) => o.status)).toEqual(['Succeeded', 'Succeeded']);
  });
});

describe('a SecureString parameter the step did not give itself', () => {
  test('attaching with run-id masks the SecureString value in outputs, log and summary', async () => {
    const id = await createRunDirectly(w, 'rd-sas', { sasUrl: SAS_URL, region: 'us' });
    const r = await runStep(stepOf({ 'run-id': id, 'pipeline-name': 'rd-sas' }));
    expect(r.exitCode, log(r)).toBe(0);
    expect(r.outputs['run-id']).toBe(id);
    expectHidden(r, [SAS_URL]);
  });

  test('a rerun with reference-run-id masks the SecureString value in outputs, log and summary', async () => {
    const ref = await createRunDirectly(w, 'rd-sas', { sasUrl: SAS_URL, region: 'us' });
    const r = await runStep(stepOf({ 'reference-run-id': ref, 'pipeline-name': 'rd-sas' }));
    expect(r.exitCode, log(r)).toBe(0);
    // The rerun carries the referenced run's parameters, the secret among them.
    expect(w.emu.getRun(r.outputs['run-id']!)?.parameters).toMatchObject({ sasUrl: SAS_URL });
    expectHidden(r, [SAS_URL]);
  });
});
