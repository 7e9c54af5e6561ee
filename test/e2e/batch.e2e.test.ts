// Issue 12: several pipelines in one step (`pipelines`, `max-parallel`, `fail-fast`, output `runs`).
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { RecordedRequest } from '../emulator/index.ts';
import { runStep, type StepOptions } from '../support/action-runner.ts';
import { backdateRun, createRunDirectly, forRun, log, ops, since } from '../support/resilience.ts';
import { startWorld, type World } from '../support/scenario.ts';
import { armBearerTokens, expectHidden } from './helpers.ts';

const SECURE_VALUE = 'batch-Secure-Value-4d81e07a93';

let w: World;
beforeAll(async () => {
  w = await startWorld();
  const f = {
    subscriptionId: w.seed.subscriptionId,
    resourceGroup: w.seed.resourceGroup,
    factoryName: w.seed.factoryName,
  };
  for (const name of ['load-a', 'load-b', 'load-c']) {
    w.emu.addPipeline({
      ...f,
      name,
      parameters: { region: { type: 'String', defaultValue: 'eu' }, limit: { type: 'Int', defaultValue: 1 } },
      script: {
        phases: [
          { status: 'Queued', ms: 200 },
          { status: 'InProgress', ms: 1_500 },
        ],
      },
    });
  }
  w.emu.addPipeline({ ...f, name: 'no-params', script: { phases: [{ status: 'InProgress', ms: 800 }] } });
  const short = [{ status: 'InProgress' as const, ms: 600 }];
  w.emu.addPipeline({
    ...f,
    name: 'ret-on-run',
    script: { phases: short, runExtra: { pipelineReturnValue: { rows: 3, tables: ['a'] } } },
  });
  w.emu.addPipeline({
    ...f,
    name: 'ret-by-activity',
    script: {
      phases: short,
      activities: [
        { name: 'Copy', type: 'Copy' },
        {
          name: 'Return',
          type: 'SetVariable',
          input: {
            variableName: 'pipelineReturnValue',
            setSystemVariable: true,
            value: [
              { key: 'count', value: { type: 'Int', content: '12' } },
              { key: 'ok', value: { type: 'Boolean', content: true } },
            ],
          },
        },
      ],
    },
  });
  w.emu.addPipeline({
    ...f,
    name: 'ret-failed',
    script: {
      phases: short,
      final: 'Failed',
      runExtra: { pipelineReturnValue: { rows: 99 } },
      activities: [{ name: 'Copy', type: 'Copy', status: 'Failed' }],
    },
  });
  // Pipelines of their own for the if-running tests, so no other test's runs are found by the policy.
  for (const name of ['gate-fails', 'gate-wait', 'gate-cancel', 'attach-old', 'attach-new', 'fail-busy']) {
    w.emu.addPipeline({ ...f, name, script: { phases: short, ...(name === 'gate-fails' && { final: 'Failed' }) } });
  }
  w.emu.addPipeline({
    ...f,
    name: 'secure-batch',
    parameters: { apiKey: { type: 'SecureString' }, region: { type: 'String', defaultValue: 'eu' } },
    script: { phases: short, activities: [{ name: 'Call API', type: 'WebActivity' }] },
  });
});
afterAll(() => w?.emu.close());
beforeEach(() => w.emu.faults.clear());

function step(inputs: Record<string, string>, extra: Partial<StepOptions> = {}): StepOptions {
  return {
    ...extra,
    inputs: { ...w.base, ...w.secretAuth, 'poll-interval': '1s', ...inputs },
    env: { ...w.caEnv, ...extra.env },
  };
}

type RunOut = Record<string, unknown>;
const runsOf = (r: { outputs: Record<string, string> }) => JSON.parse(r.outputs.runs ?? '[]') as RunOut[];

/** Until a run created now is listed by queryPipelineRuns (what if-running looks at). */
const listed = () => new Promise((res) => setTimeout(res, w.emu.config.queryVisibilityDelayMs + 200));

/** createRun requests for that pipeline. */
const createsOf = (reqs: RecordedRequest[], pipeline: string) =>
  ops(reqs, 'createRun').filter((q) => q.path.includes(`/pipelines/${pipeline}/`));

interface QueryBody {
  lastUpdatedAfter: string;
  filters: { operand: string; operator: string; values: string[] }[];
}
/** The batch's status queries (PipelineName In), not if-running's look for active runs. */
const statusQueries = (reqs: RecordedRequest[]) =>
  ops(reqs, 'queryPipelineRuns').filter((q) => {
    const f = (q.body as QueryBody).filters;
    return f.length === 1 && f[0]!.operand === 'PipelineName' && f[0]!.operator === 'In';
  });

test('several pipelines, shared and per-item parameters: runs in input order, one query per interval', async () => {
  const from = w.emu.requests.length;
  const before = w.emu.runs.length;
  const r = await runStep(
    step({
      pipelines: '- load-a\n- name: load-b\n  parameters:\n    limit: 5\n- name: load-c\n  parameters: {region: us}\n',
      parameters: 'region: ap\nlimit: 2',
    }),
  );
  expect(r.exitCode, log(r)).toBe(0);
  const runs = w.emu.runs.slice(before);
  expect(runs.map((x) => x.pipelineName)).toEqual(['load-a', 'load-b', 'load-c']);
  expect(runs.map((x) => x.parameters)).toEqual([
    { region: 'ap', limit: 2 },
    { region: 'ap', limit: 5 },
    { region: 'us', limit: 2 },
  ]);
  const out = runsOf(r);
  expect(out.map((o) => [o.pipeline, o.status, o.started])).toEqual([
    ['load-a', 'Succeeded', true],
    ['load-b', 'Succeeded', true],
    ['load-c', 'Succeeded', true],
  ]);
  for (const [i, o] of out.entries()) {
    expect(o['run-id']).toBe(runs[i]!.runId);
    expect(typeof o['duration-ms']).toBe('number');
    expect(o['failed-activities']).toEqual([]);
    expect(o['return-value']).toEqual({});
    expect(String(o['run-url'])).toContain(runs[i]!.runId);
  }
  expect(r.outputs.status).toBe('Succeeded');
  expect(r.outputs.started).toBe('true');
  expect(r.outputs['run-id']).toBe('');
  expect(r.outputs['failed-activities']).toBe('[]');
  // Batch economy: the wait reads status with queryPipelineRuns (PipelineName In), getRun only for
  // runs the query does not show yet. (Each pipeline's history query, for its usual duration, is
  // another queryPipelineRuns: statusQueries leaves those out.)
  const reqs = since(w, from);
  const queries = statusQueries(reqs);
  expect(queries.length).toBeGreaterThan(0);
  const filter = (queries[0]!.body as { filters: { operand: string; operator: string; values: string[] }[] }).filters;
  expect(filter).toEqual([{ operand: 'PipelineName', operator: 'In', values: ['load-a', 'load-b', 'load-c'] }]);
  expect(ops(reqs, 'getRun').length).toBeLessThanOrEqual(3 * 2);
  expect(r.stdout).toMatch(/\[load-b\] Started run/);
  expect(r.summary).toContain('| `load-c` |');
});

test('an invalid item stops everything before the first start, listing every problem', async () => {
  const before = w.emu.runs.length;
  const from = w.emu.requests.length;
  const r = await runStep(
    step({
      pipelines: JSON.stringify([
        'load-a',
        { name: 'no-params' },
        { name: 'load-b', parameters: { limit: 'many' } },
        'does-not-exist',
      ]),
      parameters: '{"region": "us"}',
    }),
  );
  expect(r.exitCode).not.toBe(0);
  expect(w.emu.runs.length).toBe(before);
  expect(ops(since(w, from), 'createRun')).toEqual([]);
  expect(r.failure, log(r)).toContain('no run was started');
  expect(r.failure).toContain(`'no-params': the shared parameter 'region' is not declared`);
  expect(r.failure).toMatch(/'load-b':.*limit/);
  expect(r.failure).toContain(`'does-not-exist'`);
});

test('input rules fail before any request', async () => {
  const from = w.emu.requests.length;
  const r = await runStep(
    step({
      pipelines: '- load-a\n- load-*\n- LOAD-A',
      'pipeline-name': 'quick',
      'max-parallel': '-1',
      'fail-fast': 'maybe',
    }),
  );
  expect(r.exitCode).not.toBe(0);
  expect(since(w, from)).toEqual([]);
  expect(r.failure).toContain(`Set either 'pipeline-name' or 'pipelines'`);
  expect(r.failure).toContain('looks like a pattern');
  expect(r.failure).toContain('repeats item 1');
  expect(r.failure).toContain(`'max-parallel' must be a whole number`);
  expect(r.failure).toContain(`'fail-fast' must be true or false`);
});

test('mixed results without fail-fast: every run ends, the step fails naming the failed one', async () => {
  const before = w.emu.runs.length;
  const r = await runStep(step({ pipelines: '- quick\n- nightly-fail\n- load-a' }));
  expect(r.exitCode).not.toBe(0);
  const out = runsOf(r);
  expect(out.map((o) => o.status)).toEqual(['Succeeded', 'Failed', 'Succeeded']);
  expect(w.emu.runs.slice(before)).toHaveLength(3);
  expect(r.outputs.status).toBe('Failed');
  expect(r.outputs.message).toMatch(/^nightly-fail: Failed: Operation on target Copy sales failed/);
  const failed = JSON.parse(r.outputs['failed-activities']!) as { name: string; pipelineName: string }[];
  expect(failed.map((f) => [f.pipelineName, f.name])).toEqual([['nightly-fail', 'Copy sales']]);
  expect((out[1]!['failed-activities'] as unknown[]).length).toBe(1);
  expect(r.annotations.some((a) => a.level === 'error' && a.title === 'nightly-fail › Copy sales')).toBe(true);
  expect(r.summary).toContain('### ❌ nightly-fail: Failed');
});

test("each run's return-value, read from the run or from its activity runs (one request with billing's); {} unless Succeeded", async () => {
  const from = w.emu.requests.length;
  const r = await runStep(step({ pipelines: '- ret-on-run\n- ret-by-activity\n- no-params\n- ret-failed' }));
  expect(r.exitCode).not.toBe(0);
  const out = runsOf(r);
  expect(out.map((o) => [o.pipeline, o.status, o['return-value']])).toEqual([
    ['ret-on-run', 'Succeeded', { rows: 3, tables: ['a'] }],
    ['ret-by-activity', 'Succeeded', { count: 12, ok: true }],
    ['no-params', 'Succeeded', {}],
    ['ret-failed', 'Failed', {}],
  ]);
  // The single-run output stays empty for a batch.
  // The contract's outputs: only `run-id` is empty with `pipelines`; `return-value` stays an object.
  expect(r.outputs['return-value']).toBe('{}');
  expect(r.summary).toContain('### Return values (2)');
  expect(r.summary).toContain("Read from the run's `pipelineReturnValue`.");
  expect(r.summary).toContain('Read from Set Variable activity `Return` (its input).');
  // Activity runs: one read each, for billing (on by default), the return value and the failure
  // report together; the run that carries its value needs none without billing (cost.e2e.test.ts).
  const activityReads = ops(since(w, from), 'queryActivityRuns').map((q) => q.path);
  const idOf = (i: number) => String(out[i]!['run-id']);
  for (const i of [0, 1, 2, 3]) expect(activityReads.filter((p) => p.includes(idOf(i)))).toHaveLength(1);
});

test('fail-fast: the first failure cancels the runs in flight, and no more start', async () => {
  const before = w.emu.runs.length;
  const r = await runStep(
    step({ pipelines: '- nightly-fail\n- long-running\n- quick\n- load-a', 'max-parallel': '2', 'fail-fast': 'true' }),
  );
  expect(r.exitCode).not.toBe(0);
  const runs = w.emu.runs.slice(before);
  expect(
    runs.map((x) => x.pipelineName),
    log(r),
  ).toEqual(['nightly-fail', 'long-running']);
  expect(runs[1]!.cancelRequests).toHaveLength(1);
  const out = runsOf(r);
  expect(out.map((o) => [o.status, o.started])).toEqual([
    ['Failed', true],
    ['Cancelled', true],
    ['', false],
    ['', false],
  ]);
  expect(out[2]!['run-id']).toBe('');
  expect(out[3]!['duration-ms']).toBeNull();
  expect(r.outputs.status).toBe('Failed');
  expect(r.outputs.started).toBe('false');
});

test('max-parallel: 1 starts each run after the previous ended, in list order', async () => {
  const before = w.emu.runs.length;
  const r = await runStep(step({ pipelines: '["no-params", "quick", "load-a"]', 'max-parallel': '1' }));
  expect(r.exitCode, log(r)).toBe(0);
  const runs = w.emu.runs.slice(before);
  expect(runs.map((x) => x.pipelineName)).toEqual(['no-params', 'quick', 'load-a']);
  for (let i = 1; i < runs.length; i++) {
    const prevEnd = Date.parse(String(w.emu.runView(runs[i - 1]!.runId)?.runEnd));
    expect(runs[i]!.createdAt).toBeGreaterThanOrEqual(prevEnd);
  }
});

test('SIGINT with several runs in flight cancels them all in parallel within the grace period', async () => {
  const before = w.emu.runs.length;
  const r = await runStep(
    step(
      { pipelines: '- long-running\n- load-a\n- no-params' },
      {
        cancel: {
          when: () => w.emu.runs.length - before >= 3 && Date.now() - w.emu.runs.at(-1)!.createdAt > 300,
        },
      },
    ),
  );
  const runs = w.emu.runs.slice(before);
  expect(runs, log(r)).toHaveLength(3);
  expect(r.exitCode).not.toBe(0);
  expect(r.signalsSentAt.SIGTERM, 'done before SIGTERM').toBeUndefined();
  const live = runs.filter((x) => x.cancelRequests.length);
  expect(live.map((x) => x.pipelineName)).toEqual(['long-running', 'load-a', 'no-params']);
  // In parallel: every cancel went out before the first one was confirmed.
  const cancels = live.map((x) => x.cancelRequests[0]!.at);
  expect(Math.max(...cancels) - Math.min(...cancels)).toBeLessThan(1_000);
  expect(runsOf(r)[0]!.status).toMatch(/Cancel/);
  expect(r.state.done).toBe('true');
});

test('SIGKILL with several runs in flight: the post step cancels every unfinished run', async () => {
  const before = w.emu.runs.length;
  const o = step(
    { pipelines: '- long-running\n- name: load-a\n  parameters: {limit: 3}' },
    { cancel: { whenStdout: /\[load-a\] Started run/, kill: true } },
  );
  w.emu.nextRunScript('load-a', { phases: [{ status: 'InProgress', ms: 60_000 }] });
  const main = await runStep(o);
  expect(main.signal, log(main)).toBe('SIGKILL');
  const runs = w.emu.runs.slice(before);
  expect(runs).toHaveLength(2);
  const post = await runStep({ ...o, entry: 'post', cancel: undefined, state: main.state });
  expect(post.exitCode, log(post)).toBe(0);
  for (const run of runs) {
    expect(run.cancelRequests, log(post)).toHaveLength(1);
    expect(w.emu.runStatus(run.runId)).toMatch(/Cancel/);
  }
  expect(post.durationMs).toBeLessThan(10_000);
});

test('throttled status queries: the batch waits as asked and carries on, one warning', async () => {
  const before = w.emu.runs.length;
  w.emu.faults.add({ service: 'arm', op: 'queryPipelineRuns', count: 3, fault: { status: 429, retryAfter: 2 } });
  const r = await runStep(step({ pipelines: '- load-a\n- load-b' }));
  expect(r.exitCode, log(r)).toBe(0);
  expect(w.emu.runs.slice(before)).toHaveLength(2);
  expect(runsOf(r).map((o) => o.status)).toEqual(['Succeeded', 'Succeeded']);
  const throttled = w.emu.requests.filter((q) => q.op === 'queryPipelineRuns' && q.status === 429);
  expect(throttled).toHaveLength(3);
  // Retry-After is honoured: no status read of the batch comes sooner.
  const reads = w.emu.requests.filter(
    (q) => q.at >= throttled[0]!.at && (q.op === 'queryPipelineRuns' || q.op === 'getRun'),
  );
  for (const t of throttled) {
    const nextRead = reads.find((q) => q.at > t.at);
    expect(nextRead!.at - t.at).toBeGreaterThanOrEqual(1_900);
  }
  expect(r.annotations.filter((a) => a.level === 'warning' && /429/.test(a.message))).toHaveLength(1);
  expect(r.stdout).toMatch(/answers again/);
});

test('if-running applies to each item: skip reports the running one and starts the others', async () => {
  w.emu.nextRunScript('load-b', { phases: [{ status: 'InProgress', ms: 20_000 }] });
  const foreign = await createRunDirectly(w, 'load-b', {});
  await new Promise((res) => setTimeout(res, w.emu.config.queryVisibilityDelayMs + 200));
  const before = w.emu.runs.length;
  const r = await runStep(step({ pipelines: '- load-a\n- load-b', 'if-running': 'skip' }));
  expect(r.exitCode, log(r)).toBe(0);
  expect(w.emu.runs.slice(before).map((x) => x.pipelineName)).toEqual(['load-a']);
  expect(runsOf(r).map((o) => [o.pipeline, o['run-id'] === foreign, o.started])).toEqual([
    ['load-a', false, true],
    ['load-b', true, false],
  ]);
  expect(r.outputs.started).toBe('false');
  expect(w.emu.getRun(foreign)!.cancelRequests).toEqual([]);
});

describe.each([
  { policy: 'wait', pipeline: 'gate-wait' },
  { policy: 'cancel', pipeline: 'gate-cancel' },
])('fail-fast with if-running: $policy', ({ policy, pipeline }) => {
  test('an item still waiting for a foreign run starts nothing, and the step ends at once', async () => {
    // The foreign run outlasts the test's patience; with `cancel`, its Canceling does too.
    w.emu.nextRunScript(pipeline, { phases: [{ status: 'InProgress', ms: 35_000 }] });
    const foreign = await createRunDirectly(w, pipeline);
    await listed();
    const cancelDelay = w.emu.config.cancelDelayMs;
    if (policy === 'cancel') w.emu.config.cancelDelayMs = 35_000;
    const from = w.emu.requests.length;
    const before = w.emu.runs.length;
    let r;
    try {
      // Killed after 45 s rather than hang the test: the assertions below then say what went wrong.
      r = await runStep(
        step(
          { pipelines: `- gate-fails\n- ${pipeline}`, 'fail-fast': 'true', 'if-running': policy },
          { timeoutMs: 45_000 },
        ),
      );
    } finally {
      w.emu.config.cancelDelayMs = cancelDelay;
    }
    expect(r.exitCode).not.toBe(0);
    const runs = w.emu.runs.slice(before);
    expect(
      runs.map((x) => x.pipelineName),
      log(r),
    ).toEqual(['gate-fails']);
    expect(createsOf(since(w, from), pipeline)).toEqual([]);
    // Within a few seconds of the failure, not when the foreign run ends 35 s after it began.
    const failedAt = Date.parse(String(w.emu.runView(runs[0]!.runId)!.runEnd));
    expect(r.startedAt + r.durationMs - failedAt, log(r)).toBeLessThan(5_000);
    const out = runsOf(r);
    expect(out.map((o) => [o.pipeline, o.status, o.started, o['run-id']])).toEqual([
      ['gate-fails', 'Failed', true, runs[0]!.runId],
      [pipeline, '', false, ''],
    ]);
    expect(out[1]!.message).toBe('Not started (fail-fast).');
    expect(r.stdout).toContain(`[${pipeline}] fail-fast: no run was started.`);
    // `cancel` had asked once before the stop; that stands. `wait` leaves the foreign run alone.
    expect(w.emu.getRun(foreign)!.cancelRequests).toHaveLength(policy === 'cancel' ? 1 : 0);
  });
});

test('batch economy holds for a run attached to that started long before the batch: the status query finds it', async () => {
  // Started 10 minutes ago by someone else, InProgress since, ends about 10 s from now.
  w.emu.nextRunScript('attach-old', { phases: [{ status: 'InProgress', ms: 10 * 60_000 + 10_000 }] });
  const old = await createRunDirectly(w, 'attach-old');
  backdateRun(w, old, 10 * 60_000);
  const runStart = Date.parse(String(w.emu.runView(old)!.runStart));
  const from = w.emu.requests.length;
  const r = await runStep(step({ pipelines: '- attach-old\n- no-params', 'if-running': 'attach' }));
  expect(r.exitCode, log(r)).toBe(0);
  expect(runsOf(r)[0]).toMatchObject({ pipeline: 'attach-old', 'run-id': old, started: false, status: 'Succeeded' });
  const reqs = since(w, from);
  const queries = statusQueries(reqs);
  expect(queries.length, log(r)).toBeGreaterThanOrEqual(5);
  // The run costs no getRun of its own each interval…
  expect(forRun(reqs, old, 'getRun').length, log(r)).toBeLessThanOrEqual(1);
  // …because the window reaches back to its start, so its row is in every answer.
  for (const q of queries) expect(Date.parse((q.body as QueryBody).lastUpdatedAfter)).toBeLessThanOrEqual(runStart);
});

test('no secret in any output or log of a batch: the client secret, the tokens, an item SecureString', async () => {
  const from = w.emu.requests.length;
  const r = await runStep(
    step({
      pipelines: `- name: secure-batch\n  parameters: {apiKey: ${SECURE_VALUE}, region: us}\n- nightly-fail`,
    }),
  );
  expect(r.exitCode, log(r)).toBe(1);
  expect(runsOf(r).map((o) => [o.pipeline, o.status])).toEqual([
    ['secure-batch', 'Succeeded'],
    ['nightly-fail', 'Failed'],
  ]);
  const reqs = since(w, from);
  expect(createsOf(reqs, 'secure-batch')[0]!.body).toMatchObject({ apiKey: SECURE_VALUE });
  expect(r.stdout).toContain('[secure-batch] Parameters: {"apiKey":"***","region":"us"}');
  // A failed run gives the annotations and the summary's failure section something to say.
  expect(r.annotations.some((a) => a.title === 'nightly-fail › Copy sales')).toBe(true);
  // stdout (annotations included), stderr, GITHUB_OUTPUT, GITHUB_STATE, the summary.
  expectHidden(r, [w.seed.clientSecret, ...armBearerTokens(reqs), SECURE_VALUE]);
});

test('if-running: attach per item: the attached item reports the foreign run (started false), the others start', async () => {
  w.emu.nextRunScript('attach-new', { phases: [{ status: 'InProgress', ms: 3_000 }] });
  const foreign = await createRunDirectly(w, 'attach-new');
  await listed();
  const from = w.emu.requests.length;
  const before = w.emu.runs.length;
  const r = await runStep(step({ pipelines: '- no-params\n- attach-new', 'if-running': 'attach' }));
  expect(r.exitCode, log(r)).toBe(0);
  const runs = w.emu.runs.slice(before);
  expect(runs.map((x) => x.pipelineName)).toEqual(['no-params']);
  expect(createsOf(since(w, from), 'attach-new')).toEqual([]);
  expect(runsOf(r).map((o) => [o.pipeline, o.status, o.started, o['run-id']])).toEqual([
    ['no-params', 'Succeeded', true, runs[0]!.runId],
    ['attach-new', 'Succeeded', false, foreign],
  ]);
  expect(r.outputs.started).toBe('false');
  expect(r.stdout).toContain(`[attach-new] Attached to run ${foreign} (`);
  expect(w.emu.getRun(foreign)!.cancelRequests).toEqual([]);
});

test('if-running: fail per item: that item fails listing the foreign run and starts nothing; the others run', async () => {
  w.emu.nextRunScript('fail-busy', { phases: [{ status: 'InProgress', ms: 20_000 }] });
  const foreign = await createRunDirectly(w, 'fail-busy');
  await listed();
  const from = w.emu.requests.length;
  const before = w.emu.runs.length;
  const r = await runStep(step({ pipelines: '- fail-busy\n- no-params\n- ret-on-run', 'if-running': 'fail' }));
  expect(r.exitCode, log(r)).toBe(1);
  const runs = w.emu.runs.slice(before);
  expect(runs.map((x) => x.pipelineName).sort()).toEqual(['no-params', 'ret-on-run']);
  expect(createsOf(since(w, from), 'fail-busy')).toEqual([]);
  const out = runsOf(r);
  expect(out.map((o) => [o.pipeline, o.status, o.started, o['run-id']])).toEqual([
    ['fail-busy', '', false, ''],
    ['no-params', 'Succeeded', true, runs.find((x) => x.pipelineName === 'no-params')!.runId],
    ['ret-on-run', 'Succeeded', true, runs.find((x) => x.pipelineName === 'ret-on-run')!.runId],
  ]);
  expect(out[0]!.message).toContain(`'if-running' is 'fail': ${foreign} (InProgress`);
  expect(r.failure, log(r)).toContain('1 of 3 pipeline(s) did not succeed');
  expect(r.failure).toContain(`fail-busy: not started: `);
  expect(r.failure).toContain(foreign);
  expect(r.outputs.status).toBe('Failed');
  expect(w.emu.getRun(foreign)!.cancelRequests).toEqual([]);
});
