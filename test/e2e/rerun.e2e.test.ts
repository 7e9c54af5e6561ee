// End to end, re-runs and retries (v1.2), as the runner does them: every attempt of a job gets the
// same GITHUB_REPOSITORY, GITHUB_RUN_ID, GITHUB_JOB and GITHUB_ACTION, and GITHUB_RUN_ATTEMPT 1, 2, …;
// matrix legs differ only in `rerun-key` (the runner's `toJSON(matrix)`). The built action (dist/)
// runs against the emulator's recovery runs and run groups, for Data Factory and Synapse, and Fabric
// where it applies.
import { AsyncLocalStorage } from 'node:async_hooks';
import { describe, expect, test } from 'vitest';
import { DEFAULTS, RERUN_PIPELINES, type RecordedRequest, type RunScript } from '../emulator/index.ts';
import { runStep, type StepOptions, type StepResult } from '../support/action-runner.ts';
import { startWorld, type World } from '../support/scenario.ts';
import { expectFailure, expectSuccess, log, step, type Step } from './helpers.ts';

type Kind = 'data-factory' | 'synapse';

/** ~8 s, succeeds: long enough to kill an attempt mid-wait and attach to its run. */
const SLOW = 'rerun-slow';
/** ~6 s, its 5 s activity 'Load' fails with a SystemError every time: a retry is in flight for seconds. */
const SLOW_FAILS = 'rerun-slow-fails';
const slowScript: RunScript = {
  phases: [
    { status: 'Queued', ms: 200 },
    { status: 'InProgress', ms: 8000 },
  ],
  activities: [
    { name: 'Lookup config', type: 'Lookup', durationMs: 500 },
    { name: 'Wait for files', type: 'Wait', durationMs: 7000 },
  ],
};
const slowFailsScript: RunScript = {
  phases: [
    { status: 'Queued', ms: 200 },
    { status: 'InProgress', ms: 6000 },
  ],
  activities: [
    { name: 'Lookup config', type: 'Lookup', durationMs: 500 },
    { name: 'Load', type: 'WebActivity', durationMs: 5000, failTimes: Infinity },
  ],
};

// Each test runs against an emulator of its own (its requests, runs and faults), so the tests run
// concurrently: they mostly wait for emulated runs, and one after another they took five minutes.
const current = new AsyncLocalStorage<World>();
/** The running test's world (the helpers below use it as `w`). */
const w = new Proxy({} as World, { get: (_t, key) => Reflect.get(current.getStore()!, key) });

async function worldForTest(): Promise<World> {
  const w = await startWorld();
  w.emu.addRerunPipelines();
  const factory = {
    subscriptionId: w.seed.subscriptionId,
    resourceGroup: w.seed.resourceGroup,
    factoryName: w.seed.factoryName,
  };
  for (const [name, script] of [
    [SLOW, slowScript],
    [SLOW_FAILS, slowFailsScript],
  ] as const) {
    w.emu.addPipeline({ ...factory, name, script });
    w.emu.addSynapsePipeline({ workspace: DEFAULTS.synapseWorkspace, name, script });
  }
  return w;
}

/** A test in a world of its own, run concurrently with the others of its file. */
const it = (name: string, fn: () => Promise<void>) =>
  test.concurrent(name, async () => {
    const world = await worldForTest();
    try {
      await current.run(world, fn);
    } finally {
      await world.emu.close();
    }
  });

/** The value once it is `want`, or the last one seen when `ms` have passed (expect.poll needs the test's own expect). */
async function settled<T>(read: () => T, want: T, ms: number): Promise<T> {
  const until = Date.now() + ms;
  let v = read();
  while (v !== want && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    v = read();
  }
  return v;
}

/** A new workflow run: its GITHUB_RUN_ID is unused by every other test. */
let runs = 0;
const newWorkflowRun = (): string => String(8_100_000 + process.pid * 100 + ++runs);

/** The environment the runner gives every attempt of one job's step. */
const runnerEnv = (workflowRunId: string, attempt: number): Record<string, string> => ({
  ...w.caEnv,
  GITHUB_REPOSITORY: 'octo-org/octo-repo',
  GITHUB_RUN_ID: workflowRunId,
  GITHUB_JOB: 'load',
  GITHUB_ACTION: 'run-pipeline',
  GITHUB_RUN_ATTEMPT: String(attempt),
});

const inputsFor = (kind: Kind, pipeline: Record<string, string>, more: Record<string, string>) => ({
  ...(kind === 'synapse'
    ? {
        service: 'synapse',
        workspace: DEFAULTS.synapseWorkspace,
        'service-endpoint': w.emu.synapseEndpoint(),
        'subscription-id': w.seed.subscriptionId,
        'resource-group': w.seed.resourceGroup,
        'authority-host': w.emu.entraUrl,
      }
    : w.base),
  ...w.secretAuth,
  ...pipeline,
  'poll-interval': '1s',
  ...more,
});

/** One attempt of the step, as the runner starts it. */
function attempt(
  kind: Kind,
  workflowRunId: string,
  n: number,
  pipeline: string | Record<string, string>,
  more: Record<string, string> = {},
  o: Partial<StepOptions> = {},
): Promise<Step> {
  const p = typeof pipeline === 'string' ? { 'pipeline-name': pipeline } : pipeline;
  return step(w, { inputs: inputsFor(kind, p, more), env: runnerEnv(workflowRunId, n), ...o });
}

const svc = (kind: Kind) => (kind === 'synapse' ? 'synapse' : 'arm');
const runsOf = (kind: Kind, pipeline: string, from: number) =>
  w.emu.runs.slice(from).filter((r) => r.pipelineName === pipeline && r.service === kind);
const activityNames = (runId: string) => w.emu.activityRuns(runId).map((a) => a.activityName);
const tries = (r: StepResult) =>
  JSON.parse(r.outputs.tries || '[]') as Array<{ 'run-id': string; status: string; recovery: boolean }>;
const byStatus = (r: StepResult) => r.annotations.filter((a) => a.level === 'notice').map((a) => a.message);

/** The look-up of an earlier attempt's run: the run-group queries, and every read before the first of them. */
function lookup(s: Step, kind: Kind) {
  const reqs = s.requests.filter((q) => q.service === svc(kind));
  const isGroupQuery = (q: RecordedRequest) =>
    q.op === 'queryPipelineRuns' &&
    JSON.stringify((q.body as { filters?: unknown })?.filters ?? []).includes('"RunGroupId"');
  const groupQueries = reqs.filter(isGroupQuery);
  for (const q of groupQueries) expect(JSON.stringify(q.body)).toContain('"LatestOnly"');
  const first = reqs.findIndex(isGroupQuery);
  const readsBefore = reqs.slice(0, first < 0 ? reqs.length : first).filter((q) => q.op === 'getRun');
  return { groupQueries: groupQueries.length, reads: readsBefore.length };
}

/** Requests per operation to the pipeline service, for the report's numbers. */
function census(s: Step, kind: Kind): Record<string, number> {
  const out: Record<string, number> = {};
  for (const q of s.requests.filter((r) => r.service === svc(kind))) out[q.op] = (out[q.op] ?? 0) + 1;
  return out;
}

describe.each<Kind>(['data-factory', 'synapse'])('%s: a re-run resumes', (kind) => {
  it('an earlier run still going: attempt 1 killed mid-wait (no post step), attempt 2 attaches and waits', async () => {
    const wf = newWorkflowRun();
    const from = w.emu.runs.length;
    const a1 = await attempt(
      kind,
      wf,
      1,
      SLOW,
      {},
      { cancel: { whenStdout: 'Waiting for the run to end', kill: true } },
    );
    expect(a1.r.signal, log(a1.r)).toBe('SIGKILL');
    const [run] = runsOf(kind, SLOW, from);
    expect(w.emu.runStatus(run!.runId)).not.toMatch(/Succeeded|Failed|Cancelled/);

    const a2 = await attempt(kind, wf, 2, SLOW);
    expectSuccess(a2.r);
    expect(runsOf(kind, SLOW, from)).toHaveLength(1);
    expect(a2.ops('createRun', svc(kind))).toEqual([]);
    expect(a2.r.outputs).toMatchObject({
      'run-id': run!.runId,
      'earlier-run-id': run!.runId,
      started: 'false',
      status: 'Succeeded',
    });
    expect(a2.r.stdout).toContain(`waiting for it instead of starting another`);
    expect(a2.r.summary).toContain(`↻ Run \`${run!.runId}\` was started by an earlier attempt of this job`);
    expect(lookup(a2, kind)).toEqual({ reads: 1, groupQueries: 1 });
    console.info(`[numbers] ${kind} attach:`, JSON.stringify(census(a2, kind)));
  });

  it('an attached earlier run is the step’s own: SIGINT on attempt 2 cancels it', async () => {
    const wf = newWorkflowRun();
    const from = w.emu.runs.length;
    await attempt(kind, wf, 1, SLOW, {}, { cancel: { whenStdout: 'Waiting for the run to end', kill: true } });
    const [run] = runsOf(kind, SLOW, from);
    const a2 = await attempt(kind, wf, 2, SLOW, {}, { cancel: { whenStdout: 'instead of starting another' } });
    expect(a2.r.exitCode, log(a2.r)).toBe(1);
    expect(a2.r.outputs['earlier-run-id']).toBe(run!.runId);
    expect(
      a2.ops('cancel', svc(kind)).map((q) => q.path.includes(run!.runId)),
      log(a2.r),
    ).toEqual([true]);
    expect(w.emu.runStatus(run!.runId)).toMatch(/Cancell?ing|Cancelled/);
  });

  it('an attached earlier run is the step’s own in the post step too: attempt 2 killed, its post step cancels it', async () => {
    const wf = newWorkflowRun();
    const from = w.emu.runs.length;
    const killed = { cancel: { whenStdout: 'instead of starting another', kill: true } };
    await attempt(kind, wf, 1, SLOW, {}, { cancel: { whenStdout: 'Waiting for the run to end', kill: true } });
    const [run] = runsOf(kind, SLOW, from);
    const a2 = await attempt(kind, wf, 2, SLOW, {}, killed);
    expect(a2.r.signal, log(a2.r)).toBe('SIGKILL');
    const post = await attempt(kind, wf, 2, SLOW, {}, { entry: 'post', state: a2.r.state });
    expect(post.r.exitCode, log(post.r)).toBe(0);
    expect(
      post.ops('cancel', svc(kind)).map((q) => q.path.includes(run!.runId)),
      `${log(a2.r)}\n${JSON.stringify(a2.r.state)}\n${log(post.r)}`,
    ).toEqual([true]);
    expect(await settled(() => w.emu.runStatus(run!.runId), 'Cancelled', 5000)).toBe('Cancelled');
  });

  it('an attached earlier run that fails is retried like the step’s own: tries lists it first', async () => {
    const wf = newWorkflowRun();
    const from = w.emu.runs.length;
    const retrying = { retries: '1', 'retry-delay': '1s' };
    await attempt(kind, wf, 1, SLOW_FAILS, retrying, {
      cancel: { whenStdout: 'Waiting for the run to end', kill: true },
    });
    const a2 = await attempt(kind, wf, 2, SLOW_FAILS, retrying);
    expectFailure(a2.r);
    const [first, retry] = runsOf(kind, SLOW_FAILS, from);
    expect(retry!.referencePipelineRunId).toBe(first!.runId);
    expect(a2.r.outputs['earlier-run-id']).toBe(first!.runId);
    expect(tries(a2.r).map((t) => [t['run-id'], t.status, t.recovery])).toEqual([
      [first!.runId, 'Failed', false],
      [retry!.runId, 'Failed', true],
    ]);
  });

  it('an earlier run that succeeded is the result: nothing starts', async () => {
    const wf = newWorkflowRun();
    const a1 = await attempt(kind, wf, 1, 'quick');
    expectSuccess(a1.r);
    const a2 = await attempt(kind, wf, 2, 'quick');
    expectSuccess(a2.r);
    expect(a2.ops('createRun', svc(kind))).toEqual([]);
    expect(a2.r.outputs).toMatchObject({
      'run-id': a1.r.outputs['run-id'],
      'earlier-run-id': a1.r.outputs['run-id'],
      started: 'false',
      status: 'Succeeded',
    });
    expect(a2.r.summary).toContain('had already succeeded');
    expect(lookup(a2, kind)).toEqual({ reads: 1, groupQueries: 1 });
    console.info(`[numbers] ${kind} reuse:`, JSON.stringify(census(a2, kind)));

    // Attempt 3: attempt 2 started nothing under its own ID (one read, 404), attempt 1's run is found.
    const a3 = await attempt(kind, wf, 3, 'quick');
    expectSuccess(a3.r);
    expect(a3.ops('createRun', svc(kind))).toEqual([]);
    expect(a3.r.outputs['earlier-run-id']).toBe(a1.r.outputs['run-id']);
    expect(lookup(a3, kind)).toEqual({ reads: 2, groupQueries: 1 });
  });

  it('an earlier run that failed is recovered: only what failed runs again', async () => {
    const wf = newWorkflowRun();
    const from = w.emu.runs.length;
    const a1 = await attempt(kind, wf, 1, RERUN_PIPELINES.failsOnce);
    expectFailure(a1.r);
    const failed = a1.r.outputs['run-id']!;
    expect(activityNames(failed).sort()).toEqual(['Copy sales', 'Lookup config', 'Refresh model']);

    const a2 = await attempt(kind, wf, 2, RERUN_PIPELINES.failsOnce);
    expectSuccess(a2.r);
    const all = runsOf(kind, RERUN_PIPELINES.failsOnce, from);
    expect(all).toHaveLength(2);
    const recovery = all[1]!;
    expect(recovery.referencePipelineRunId).toBe(failed);
    expect(recovery.isRecovery).toBe(true);
    if (kind === 'synapse') expect(recovery.startActivityName).toBe('Refresh model');
    else expect(recovery.startFromFailure).toBe(true);
    expect(recovery.runGroupId).toBe(all[0]!.runGroupId);
    // Lookup config and Copy sales succeeded in attempt 1: they do not run again.
    expect(activityNames(recovery.runId)).toEqual(['Refresh model']);
    expect(a2.r.outputs).toMatchObject({
      'run-id': recovery.runId,
      'earlier-run-id': failed,
      started: 'true',
      status: 'Succeeded',
    });
    expect(tries(a2.r)).toEqual([expect.objectContaining({ 'run-id': recovery.runId, recovery: true })]);
    expect(a2.r.summary).toContain(`↻ Recovers run \`${failed}\``);
    expect(lookup(a2, kind)).toEqual({ reads: 1, groupQueries: 1 });
    console.info(`[numbers] ${kind} recover:`, JSON.stringify(census(a2, kind)));
  });

  it('an earlier run that was cancelled is recovered too', async () => {
    const wf = newWorkflowRun();
    const from = w.emu.runs.length;
    const a1 = await attempt(kind, wf, 1, SLOW, {}, { cancel: { whenStdout: 'Waiting for the run to end' } });
    expect(a1.r.exitCode, log(a1.r)).toBe(1);
    const cancelled = runsOf(kind, SLOW, from)[0]!;
    expect(await settled(() => w.emu.runStatus(cancelled.runId), 'Cancelled', 5000)).toBe('Cancelled');

    const a2 = await attempt(kind, wf, 2, SLOW);
    expectSuccess(a2.r);
    const recovery = runsOf(kind, SLOW, from)[1]!;
    expect(recovery.referencePipelineRunId).toBe(cancelled.runId);
    expect(recovery.isRecovery).toBe(true);
    expect(a2.r.outputs['earlier-run-id']).toBe(cancelled.runId);
    expect(a2.r.stdout).toContain('was cancelled; it is recovered as a failed run would be');
  });

  it('on-rerun: restart starts anew, with a new run ID and no reference', async () => {
    const wf = newWorkflowRun();
    const from = w.emu.runs.length;
    const a1 = await attempt(kind, wf, 1, RERUN_PIPELINES.failsOnce);
    expectFailure(a1.r);
    const a2 = await attempt(kind, wf, 2, RERUN_PIPELINES.failsOnce, { 'on-rerun': 'restart' });
    expectFailure(a2.r);
    const [first, second] = runsOf(kind, RERUN_PIPELINES.failsOnce, from);
    expect(second!.runId).not.toBe(first!.runId);
    expect(second!.referencePipelineRunId).toBeUndefined();
    expect(second!.isRecovery).toBeFalsy();
    expect(a2.r.outputs['earlier-run-id']).toBe('');
    expect(lookup(a2, kind).groupQueries).toBe(0);
    expect(a2.ops('getRun', svc(kind)).some((q) => q.path.includes(first!.runId))).toBe(false);
  });

  it('a new workflow run (another GITHUB_RUN_ID) starts anew, even as its attempt 2', async () => {
    const from = w.emu.runs.length;
    const a1 = await attempt(kind, newWorkflowRun(), 1, RERUN_PIPELINES.failsOnce);
    expectFailure(a1.r);
    const other = await attempt(kind, newWorkflowRun(), 2, RERUN_PIPELINES.failsOnce);
    expectFailure(other.r);
    const [first, second] = runsOf(kind, RERUN_PIPELINES.failsOnce, from);
    expect(second!.runId).not.toBe(first!.runId);
    expect(second!.referencePipelineRunId).toBeUndefined();
    expect(other.r.outputs['earlier-run-id']).toBe('');
    expect(other.r.stdout).toContain('no earlier attempt of this step started');
  });

  it('matrix legs with different rerun-key do not share runs; the same key does', async () => {
    const wf = newWorkflowRun();
    const from = w.emu.runs.length;
    const eu = { 'rerun-key': '{"region":"eu","size":1}' };
    const us = { 'rerun-key': '{"region":"us","size":1}' };
    const legEu = await attempt(kind, wf, 1, 'quick', eu);
    const legUs = await attempt(kind, wf, 1, 'quick', us);
    expectSuccess(legEu.r);
    expectSuccess(legUs.r);
    expect(legUs.r.outputs['run-id']).not.toBe(legEu.r.outputs['run-id']);
    expect(runsOf(kind, 'quick', from)).toHaveLength(2);

    // A re-run of the eu leg (keys in another order, as JSON compares) finds the eu run.
    const again = await attempt(kind, wf, 2, 'quick', { 'rerun-key': '{"size":1,"region":"eu"}' });
    expectSuccess(again.r);
    expect(again.r.outputs['earlier-run-id']).toBe(legEu.r.outputs['run-id']);

    // Two legs the key cannot tell apart are one step: the second start is answered with the first run.
    const twin = await attempt(kind, wf, 1, 'quick', eu);
    expectSuccess(twin.r);
    expect(twin.r.outputs['run-id']).toBe(legEu.r.outputs['run-id']);
    expect(runsOf(kind, 'quick', from)).toHaveLength(2);
  });

  it('a batch where one item succeeded and one failed: attempt 2 reuses one and recovers the other', async () => {
    const wf = newWorkflowRun();
    const from = w.emu.runs.length;
    const pipelines = { pipelines: `- quick\n- ${RERUN_PIPELINES.failsOnce}` };
    const a1 = await attempt(kind, wf, 1, pipelines);
    expectFailure(a1.r);
    const [quick1, failed1] = JSON.parse(a1.r.outputs.runs!) as Array<Record<string, string>>;
    expect([quick1!.status, failed1!.status]).toEqual(['Succeeded', 'Failed']);

    const a2 = await attempt(kind, wf, 2, pipelines);
    expectSuccess(a2.r);
    const [quick2, recovered] = JSON.parse(a2.r.outputs.runs!) as Array<Record<string, unknown>>;
    expect(quick2).toMatchObject({
      'run-id': quick1!['run-id'],
      'earlier-run-id': quick1!['run-id'],
      started: false,
      status: 'Succeeded',
    });
    expect(recovered).toMatchObject({ 'earlier-run-id': failed1!['run-id'], started: true, status: 'Succeeded' });
    expect(a2.ops('createRun', svc(kind))).toHaveLength(1);
    const recovery = w.emu.getRun(recovered!['run-id'] as string)!;
    expect(recovery.referencePipelineRunId).toBe(failed1!['run-id']);
    expect(activityNames(recovery.runId)).toEqual(['Refresh model']);
    expect(runsOf(kind, 'quick', from)).toHaveLength(1);
    expect(lookup(a2, kind)).toEqual({ reads: 2, groupQueries: 2 });
  });
});

describe.each<Kind>(['data-factory', 'synapse'])('%s: retries', (kind) => {
  const fast = { 'retry-delay': '1s' };

  it('a SystemError is retried once and the retry recovers it; the summary lists both tries', async () => {
    const wf = newWorkflowRun();
    const from = w.emu.runs.length;
    const s = await attempt(kind, wf, 1, RERUN_PIPELINES.failsOnce, { retries: '1', ...fast });
    expectSuccess(s.r);
    const [first, retry] = runsOf(kind, RERUN_PIPELINES.failsOnce, from);
    expect(retry!.referencePipelineRunId).toBe(first!.runId);
    expect(retry!.isRecovery).toBe(true);
    expect(activityNames(retry!.runId)).toEqual(['Refresh model']);
    expect(tries(s.r)).toEqual([
      expect.objectContaining({ 'run-id': first!.runId, status: 'Failed', recovery: false }),
      expect.objectContaining({ 'run-id': retry!.runId, status: 'Succeeded', recovery: true }),
    ]);
    expect(s.r.outputs['run-id']).toBe(retry!.runId);
    expect(s.r.summary).toContain('### Tries (2)');
    expect(s.r.summary).toContain(first!.runId);
    expect(s.r.summary).toContain(retry!.runId);
    expect(s.r.stdout).toContain('retrying: every failed activity is a SystemError');
  });

  it('listed error codes are retried (a UserError named in retry-on)', async () => {
    const from = w.emu.runs.length;
    const s = await attempt(kind, newWorkflowRun(), 1, RERUN_PIPELINES.failsAlways, {
      retries: '1',
      'retry-on': 'system-error, 2200',
      ...fast,
    });
    expectFailure(s.r);
    expect(runsOf(kind, RERUN_PIPELINES.failsAlways, from)).toHaveLength(2);
    expect(tries(s.r).map((t) => [t.status, t.recovery])).toEqual([
      ['Failed', false],
      ['Failed', true],
    ]);
  });

  it('a UserError is not retried with the default retry-on', async () => {
    const from = w.emu.runs.length;
    const s = await attempt(kind, newWorkflowRun(), 1, RERUN_PIPELINES.failsAlways, { retries: '2', ...fast });
    expectFailure(s.r);
    expect(runsOf(kind, RERUN_PIPELINES.failsAlways, from)).toHaveLength(1);
    expect(tries(s.r)).toHaveLength(1);
    expect(s.r.stdout).toContain("not retrying: activity 'Refresh model' failed with UserError 2200");
  });

  it('retries run out: retries: 2 makes 3 tries, and the step fails', async () => {
    const from = w.emu.runs.length;
    const s = await attempt(kind, newWorkflowRun(), 1, RERUN_PIPELINES.failsAlwaysSystem, { retries: '2', ...fast });
    expectFailure(s.r);
    const all = runsOf(kind, RERUN_PIPELINES.failsAlwaysSystem, from);
    expect(all).toHaveLength(3);
    // Each retry references the try that just failed: one run group.
    expect(all[1]!.referencePipelineRunId).toBe(all[0]!.runId);
    expect(all[2]!.referencePipelineRunId).toBe(all[1]!.runId);
    expect(new Set(all.map((r) => r.runGroupId)).size).toBe(1);
    expect(tries(s.r).map((t) => t.status)).toEqual(['Failed', 'Failed', 'Failed']);
    expect(s.r.summary).toContain('### Tries (3)');
  });

  it('the timeout ends a retry in flight: that try is cancelled', async () => {
    const from = w.emu.runs.length;
    const s = await attempt(kind, newWorkflowRun(), 1, SLOW_FAILS, { retries: '1', timeout: '10s', ...fast });
    expectFailure(s.r);
    const [, retry] = runsOf(kind, SLOW_FAILS, from);
    expect(retry, log(s.r)).toBeDefined();
    expect(s.ops('cancel', svc(kind)).map((q) => q.path.includes(retry!.runId))).toEqual([true]);
    expect(await settled(() => w.emu.runStatus(retry!.runId), 'Cancelled', 5000)).toBe('Cancelled');
    expect(tries(s.r).map((t) => t['run-id'])).toEqual(runsOf(kind, SLOW_FAILS, from).map((r) => r.runId));
  });

  it('SIGINT during a retry cancels the try in flight', async () => {
    const from = w.emu.runs.length;
    const s = await attempt(
      kind,
      newWorkflowRun(),
      1,
      SLOW_FAILS,
      { retries: '2', ...fast },
      { cancel: { whenStdout: /Try 2: run \S+ recovers/ } },
    );
    expect(s.r.exitCode, log(s.r)).toBe(1);
    const all = runsOf(kind, SLOW_FAILS, from);
    expect(all).toHaveLength(2);
    expect(s.ops('cancel', svc(kind)).map((q) => q.path.includes(all[1]!.runId))).toEqual([true]);
    expect(await settled(() => w.emu.runStatus(all[1]!.runId), 'Cancelled', 5000)).toBe('Cancelled');
  });

  it('SIGKILL during a retry’s createRun leaves the post step the ID it needs: it cancels that try', async () => {
    const wf = newWorkflowRun();
    const from = w.emu.runs.length;
    const op = { service: svc(kind), op: 'createRun' } as const;
    // The retry's createRun starts the run but its answer is lost; the resend never answers.
    w.emu.faults.add({ ...op, skip: 1, fault: { drop: 'after' } });
    w.emu.faults.add({ ...op, skip: 1, count: Infinity, fault: { hang: true } });
    w.emu.clearRequests();
    const main = await runStep({
      inputs: inputsFor(kind, { 'pipeline-name': SLOW_FAILS }, { retries: '1', ...fast }),
      env: runnerEnv(wf, 1),
      cancel: { when: () => w.emu.requestsFor('createRun', svc(kind)).length >= 3, kill: true },
      timeoutMs: 60_000,
    });
    expect(main.signal, log(main)).toBe('SIGKILL');
    const all = runsOf(kind, SLOW_FAILS, from);
    expect(all).toHaveLength(2);
    const retry = all[1]!;
    expect(w.emu.runStatus(retry.runId)).not.toMatch(/Succeeded|Failed|Cancelled/);
    w.emu.faults.clear();
    w.emu.clearRequests();
    const post = await runStep({
      inputs: inputsFor(kind, { 'pipeline-name': SLOW_FAILS }, {}),
      env: runnerEnv(wf, 1),
      entry: 'post',
      state: main.state,
    });
    expect(post.exitCode, log(post)).toBe(0);
    expect(
      w.emu.requestsFor('cancel', svc(kind)).map((q) => q.path.includes(retry.runId)),
      log(post),
    ).toEqual([true]);
    expect(await settled(() => w.emu.runStatus(retry.runId), 'Cancelled', 5000)).toBe('Cancelled');
  });
});

describe('fabric', () => {
  const fabric = (pipeline: string, more: Record<string, string> = {}) => ({
    service: 'fabric',
    workspace: DEFAULTS.fabricWorkspaceName,
    'service-endpoint': w.emu.fabricUrl,
    'authority-host': w.emu.entraUrl,
    ...w.secretAuth,
    'pipeline-name': pipeline,
    'poll-interval': '1s',
    ...more,
  });

  it('a re-run starts a new job, with a notice that says why', async () => {
    const wf = newWorkflowRun();
    const from = w.emu.fabricJobs.length;
    const a1 = await step(w, { inputs: fabric('quick'), env: runnerEnv(wf, 1) });
    expectSuccess(a1.r);
    const a2 = await step(w, { inputs: fabric('quick'), env: runnerEnv(wf, 2) });
    expectSuccess(a2.r);
    expect(w.emu.fabricJobs.slice(from)).toHaveLength(2);
    expect(a2.r.outputs['run-id']).not.toBe(a1.r.outputs['run-id']);
    expect(a2.r.outputs['earlier-run-id']).toBe('');
    expect(byStatus(a2.r)).toEqual([expect.stringContaining('Fabric chooses its own job IDs')]);
  });

  it('a retry starts a new job', async () => {
    const from = w.emu.fabricJobs.length;
    const s = await step(w, {
      inputs: fabric('nightly-fail', { retries: '1', 'retry-on': 'any', 'retry-delay': '1s' }),
      env: runnerEnv(newWorkflowRun(), 1),
    });
    expectFailure(s.r);
    const jobs = w.emu.fabricJobs.slice(from);
    expect(jobs).toHaveLength(2);
    expect(tries(s.r).map((t) => [t['run-id'], t.recovery])).toEqual([
      [jobs[0]!.id, false],
      [jobs[1]!.id, false],
    ]);
    expect(s.r.stdout).toContain('Fabric has no recovery runs');
  });
});

describe('pull-request comment', () => {
  const PULL = 21;
  const comment = () => w.emu.github.comments('octo-org', 'octo-repo', PULL).at(-1)?.body ?? '';
  const commented = (wf: string, n: number, more: Record<string, string> = {}) =>
    step(w, {
      inputs: inputsFor(
        'data-factory',
        { 'pipeline-name': RERUN_PIPELINES.failsOnce },
        { 'pr-comment': 'true', 'github-token': w.emu.github.config.token, 'retry-delay': '1s', ...more },
      ),
      env: { ...w.emu.githubEnv({ pullNumber: PULL }), GITHUB_WORKFLOW: 'CI', ...runnerEnv(wf, n) },
    });

  it('says which earlier run a re-run recovered, and lists the tries of a retried run', async () => {
    const wf = newWorkflowRun();
    expectFailure((await commented(wf, 1)).r);
    const first = (await commented(wf, 2)).r;
    expectSuccess(first);
    expect(comment()).toContain(`↻ Recovers run \`${first.outputs['earlier-run-id']}\``);

    const retried = (await commented(newWorkflowRun(), 1, { retries: '1' })).r;
    expectSuccess(retried);
    const [t1, t2] = tries(retried);
    expect(comment()).toContain(`Tries: 1 ❌ \`${t1!['run-id']}\` → 2 ✅ \`${t2!['run-id']}\``);
  });
});
