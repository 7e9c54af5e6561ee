// End to end: typed parameters, success and failure reporting, wait: false, timeouts with and
// without cancelling, missing resources, recovery reruns, the job summary and the outputs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { BLOB_MISSING_ERROR } from '../emulator/index.ts';
import { repoRoot } from '../support/action-runner.ts';
import { startWorld, type World } from '../support/scenario.ts';
import { createdRun, expectFailure, expectSuccess, log, step } from './helpers.ts';

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(() => w?.emu.close());

const inputs = (pipeline: string, more: Record<string, string> = {}) => ({
  ...w.base,
  ...w.secretAuth,
  'pipeline-name': pipeline,
  'poll-interval': '1s',
  ...more,
});

describe('typed parameters reach createRun with their types', () => {
  // daily-load declares sourcePath String, batchSize Int, threshold Float, fullRefresh Bool,
  // tables Array, options Object, apiKey SecureString. wait: false keeps these fast.
  const typed = {
    sourcePath: 'raw/2024-06-01',
    batchSize: 250,
    threshold: 0.75,
    fullRefresh: true,
    tables: ['customers', 'orders', 'returns'],
    options: { mode: 'merge', depth: 2, keys: ['id'] },
  };
  const typedYaml = [
    'sourcePath: raw/2024-06-01',
    'batchSize: 250',
    'threshold: 0.75',
    'fullRefresh: true',
    'tables:',
    '  - customers',
    '  - orders',
    '  - returns',
    'options:',
    '  mode: merge',
    '  depth: 2',
    '  keys: [id]',
  ].join('\n');

  async function createRunBody(more: Record<string, string>, workspaceFiles?: Record<string, string>) {
    const s = await step(w, {
      inputs: inputs('daily-load', { wait: 'false', ...more }),
      env: w.caEnv,
      ...(workspaceFiles ? { workspaceFiles } : {}),
    });
    expectSuccess(s.r);
    const creates = s.ops('createRun');
    expect(creates).toHaveLength(1);
    expect(creates[0]!.headers['content-type']).toMatch(/^application\/json/);
    // What the emulator recorded for the run is the same body.
    expect(createdRun(w, s).body).toEqual(creates[0]!.body);
    return { s, body: creates[0]!.body as Record<string, unknown> };
  }

  test('inline JSON', async () => {
    const { body } = await createRunBody({ parameters: JSON.stringify(typed) });
    expect(body).toStrictEqual(typed);
    expect(typeof body.batchSize).toBe('number');
    expect(typeof body.fullRefresh).toBe('boolean');
  });

  test('inline YAML', async () => {
    const { body } = await createRunBody({ parameters: typedYaml });
    expect(body).toStrictEqual(typed);
  });

  test('parameters-file, JSON', async () => {
    const { body } = await createRunBody(
      { 'parameters-file': 'params.json' },
      { 'params.json': JSON.stringify(typed, null, 2) },
    );
    expect(body).toStrictEqual(typed);
  });

  test('parameters-file, YAML', async () => {
    const { body } = await createRunBody({ 'parameters-file': 'params.yml' }, { 'params.yml': `${typedYaml}\n` });
    expect(body).toStrictEqual(typed);
  });

  test('keys in `parameters` win over the same keys in the file', async () => {
    const { body } = await createRunBody(
      { 'parameters-file': 'params.yaml', parameters: '{"batchSize": 9, "fullRefresh": false}' },
      { 'params.yaml': 'batchSize: 1\nsourcePath: from-file\ntables: [a]\n' },
    );
    expect(body).toStrictEqual({ batchSize: 9, fullRefresh: false, sourcePath: 'from-file', tables: ['a'] });
  });

  test('safe conversions follow the declared types ("5" for an Int arrives as 5)', async () => {
    const { s, body } = await createRunBody({
      parameters: [
        'batchSize: "5"',
        'threshold: "0.25"',
        'fullRefresh: "TRUE"',
        'tables: \'["x", "y"]\'',
        'options: \'{"mode": "append"}\'',
        'sourcePath: 2024',
      ].join('\n'),
    });
    expect(body).toStrictEqual({
      batchSize: 5,
      threshold: 0.25,
      fullRefresh: true,
      tables: ['x', 'y'],
      options: { mode: 'append' },
      sourcePath: '2024',
    });
    expect(s.r.stdout).toContain(`Converted parameter 'batchSize': string "5" → Int 5`);
  });

  test('a value that does not fit its type fails before createRun, naming the parameter', async () => {
    const s = await step(w, { inputs: inputs('daily-load', { parameters: 'batchSize: five' }), env: w.caEnv });
    const failure = expectFailure(s.r);
    expect(failure).toContain(`Parameter 'batchSize' is declared Int`);
    expect(failure).toContain('no run was started');
    expect(s.ops('getPipeline')).toHaveLength(1);
    expect(s.ops('createRun')).toHaveLength(0);
  });
});

describe('a run that fails', () => {
  test('nightly-fail: exit 1, Failed, ADF message, failed activities, ❌ summary', async () => {
    const s = await step(w, { inputs: inputs('nightly-fail'), env: w.caEnv });
    const failure = expectFailure(s.r);
    const view = w.emu.runView(s.r.outputs['run-id']!)!;
    expect(view.status).toBe('Failed');
    expect(view.message).toContain(BLOB_MISSING_ERROR);

    expect(s.r.outputs.status).toBe('Failed');
    expect(s.r.outputs.message).toBe(view.message);
    expect(JSON.parse(s.r.outputs['failed-activities'])).toEqual([
      expect.objectContaining({
        name: 'Copy sales',
        type: 'Copy',
        errorCode: '2200',
        message: BLOB_MISSING_ERROR,
        failureType: 'UserError',
      }),
    ]);
    expect(failure).toContain(`Pipeline 'nightly-fail' run ${s.r.outputs['run-id']} ended Failed`);
    expect(failure).toContain(view.message);
    expect(failure).toContain(s.r.outputs['run-url']);
    expect(s.r.annotations).toContainEqual(expect.objectContaining({ level: 'error', title: 'Copy sales' }));
    expect(s.r.summary).toContain('❌');
    expect(s.r.summary).toContain('nightly-fail: Failed');
    expect(s.r.summary).toContain('Copy sales');
    expect(s.ops('queryActivityRuns').length).toBeGreaterThan(0);
    expect(s.ops('cancel')).toHaveLength(0);
  });
});

describe('wait: false', () => {
  test('exits 0 right after createRun, with the run ID and its current status', async () => {
    const s = await step(w, { inputs: inputs('long-running', { wait: 'false' }), env: w.caEnv });
    expectSuccess(s.r);
    expect(['Queued', 'InProgress']).toContain(s.r.outputs.status);
    const run = createdRun(w, s);
    expect(run.pipelineName).toBe('long-running');
    expect(s.ops('createRun')).toHaveLength(1);
    expect(s.ops('getRun').length).toBeLessThanOrEqual(1);
    expect(s.ops('queryActivityRuns')).toHaveLength(0);
    expect(s.ops('cancel')).toHaveLength(0);
    expect(s.r.stdout).toContain('Not waiting (wait: false)');
    expect(['Queued', 'InProgress']).toContain(w.emu.runStatus(run.runId));
  });
});

describe('timeout', () => {
  test('cancels the run (recursively) and fails saying it timed out', async () => {
    const s = await step(w, { inputs: inputs('long-running', { timeout: '3s' }), env: w.caEnv });
    const failure = expectFailure(s.r);
    expect(failure).toMatch(/^Timed out after 3s waiting for run /);
    expect(failure).toContain('Cancelled run');
    const cancels = s.ops('cancel');
    expect(cancels.length).toBeGreaterThan(0);
    for (const c of cancels) expect(c.query.isRecursive).toBe('true');
    const run = createdRun(w, s);
    expect(run.cancelRequests[0]?.isRecursive).toBe(true);
    expect(['Cancelled', 'Canceling']).toContain(s.r.outputs.status);
    await expect.poll(() => w.emu.runStatus(run.runId), { timeout: 5_000 }).toBe('Cancelled');
    expect(s.r.summary).toContain('timed out');
  });

  test('cancel-recursive: false cancels with isRecursive=false', async () => {
    const s = await step(w, {
      inputs: inputs('long-running', { timeout: '2s', 'cancel-recursive': 'false' }),
      env: w.caEnv,
    });
    expectFailure(s.r);
    const cancels = s.ops('cancel');
    expect(cancels.length).toBeGreaterThan(0);
    for (const c of cancels) expect(c.query.isRecursive).toBe('false');
    expect(createdRun(w, s).cancelRequests[0]?.isRecursive).toBe(false);
  });

  test('cancel-on-timeout: false leaves the run running and says so', async () => {
    const s = await step(w, {
      inputs: inputs('long-running', { timeout: '2s', 'cancel-on-timeout': 'false' }),
      env: w.caEnv,
    });
    const failure = expectFailure(s.r);
    expect(failure).toMatch(/^Timed out after 2s/);
    expect(failure).toContain('left InProgress (cancel-on-timeout: false)');
    expect(s.ops('cancel')).toHaveLength(0);
    const run = createdRun(w, s);
    expect(run.cancelRequests).toHaveLength(0);
    expect(w.emu.runStatus(run.runId)).toBe('InProgress');
    expect(s.r.outputs.status).toBe('InProgress');
  });
});

describe('missing resources (404)', () => {
  test('unknown pipeline: says the pipeline is missing and lists the factory’s pipelines', async () => {
    const s = await step(w, { inputs: inputs('no-such-pipeline'), env: w.caEnv });
    const failure = expectFailure(s.r);
    expect(failure).toContain('HTTP 404');
    expect(failure).toContain(`Pipeline 'no-such-pipeline' does not exist in factory '${w.seed.factoryName}'`);
    expect(failure).toContain('daily-load');
    expect(s.ops('createRun')).toHaveLength(0);
    expect(w.emu.runs.some((r) => r.pipelineName === 'no-such-pipeline')).toBe(false);
  });

  test('unknown pipeline without validation: createRun is refused and the message says which is missing', async () => {
    const s = await step(w, {
      inputs: inputs('no-such-pipeline', { 'validate-parameters': 'false' }),
      env: w.caEnv,
    });
    const failure = expectFailure(s.r);
    expect(failure).toContain('Azure refused to start the run: HTTP 404');
    expect(failure).toContain(`Pipeline 'no-such-pipeline' does not exist`);
    expect(s.ops('createRun')).toHaveLength(1);
    expect(s.r.outputs['run-id']).toBe('');
    expect(s.r.outputs.started).toBe('false');
    expect(s.r.outputs.message).toContain(`Pipeline 'no-such-pipeline' does not exist`);
  });

  test('unknown factory: says the factory is missing', async () => {
    const s = await step(w, { inputs: inputs('quick', { 'factory-name': 'adf-missing' }), env: w.caEnv });
    const failure = expectFailure(s.r);
    expect(failure).toContain('HTTP 404');
    expect(failure).toContain(`Data factory 'adf-missing' does not exist in resource group '${w.seed.resourceGroup}'`);
    expect(failure).not.toContain(`Pipeline 'quick' does not exist`);
    expect(s.ops('createRun')).toHaveLength(0);
  });
});

describe('recovery and rerun options reach createRun’s query string', () => {
  let refRunId = '';
  let refGroupId = '';
  beforeAll(async () => {
    const s = await step(w, {
      inputs: inputs('nightly-fail', { wait: 'false', parameters: 'runDate: "2024-02-29"' }),
      env: w.caEnv,
    });
    expectSuccess(s.r);
    refRunId = s.r.outputs['run-id']!;
    refGroupId = w.emu.getRun(refRunId)!.runGroupId;
  });

  const FLAGS = ['referencePipelineRunId', 'isRecovery', 'startActivityName', 'startFromFailure'];

  test.each([
    ['reference-run-id only', {}, {}],
    ['recovery: true', { recovery: 'true' }, { isRecovery: 'true' }],
    [
      'start-activity',
      { recovery: 'true', 'start-activity': 'Copy sales' },
      { isRecovery: 'true', startActivityName: 'Copy sales' },
    ],
    [
      'start-from-failure',
      { recovery: 'true', 'start-from-failure': 'true' },
      { isRecovery: 'true', startFromFailure: 'true' },
    ],
  ] as Array<[string, Record<string, string>, Record<string, string>]>)('%s', async (_, more, expected) => {
    const s = await step(w, {
      inputs: inputs('nightly-fail', { wait: 'false', 'reference-run-id': refRunId, ...more }),
      env: w.caEnv,
    });
    expectSuccess(s.r);
    const creates = s.ops('createRun');
    expect(creates).toHaveLength(1);
    const q = creates[0]!.query;
    expect(q['api-version']).toBe('2018-06-01');
    const want: Record<string, string> = { referencePipelineRunId: refRunId, ...expected };
    for (const k of FLAGS) expect(q[k], k).toBe(want[k]);
    // The rerun takes the referenced run's parameters; recovery joins its run group.
    const run = createdRun(w, s);
    expect(run.parameters).toEqual({ runDate: '2024-02-29' });
    if (expected.isRecovery) expect(run.runGroupId).toBe(refGroupId);
    else expect(run.runGroupId).not.toBe(refGroupId);
  });

  test('an unknown reference-run-id: the failure points at the input', async () => {
    const s = await step(w, {
      inputs: inputs('nightly-fail', { wait: 'false', 'reference-run-id': '00000000-0000-4000-8000-000000000000' }),
      env: w.caEnv,
    });
    const failure = expectFailure(s.r);
    expect(failure).toContain('ReferencedPipelineRunNotValid');
    expect(failure).toContain("'reference-run-id'");
  });
});

describe('job summary and outputs', () => {
  const SECRET = 'sk-live-4f9a2c7e1b83d6';

  test('the summary shows pipeline, factory, linked run ID, status, times, duration and masked parameters', async () => {
    const s = await step(w, {
      inputs: inputs('daily-load', { parameters: JSON.stringify({ batchSize: 77, apiKey: SECRET }) }),
      env: w.caEnv,
    });
    expectSuccess(s.r);
    const o = s.r.outputs;
    const sum = s.r.summary;
    expect(sum).toContain('## ✅ daily-load: Succeeded');
    expect(o['run-url']).toMatch(/^https:\/\/adf\.azure\.com\/en\/monitoring\/pipelineruns\//);
    expect(sum).toContain(
      `Pipeline \`daily-load\` · Factory \`${w.seed.factoryName}\` (resource group \`${w.seed.resourceGroup}\`) · Run [\`${o['run-id']}\`](${o['run-url']})`,
    );
    const utc = (iso: string) => iso.slice(0, 19).replace('T', ' ');
    expect(sum).toContain('| Status | Started (UTC) | Ended (UTC) | Duration |');
    expect(sum).toMatch(
      new RegExp(`\\| ✅ Succeeded \\| ${utc(o['run-start']!)} \\| ${utc(o['run-end']!)} \\| \\d[^|]*s \\|`),
    );
    expect(sum).toContain('"batchSize": 77');
    expect(sum).toContain('"apiKey": "***"');
    expect(sum).not.toContain(SECRET);
    expect(sum).toContain('Copy orders');
    expect(s.ops('createRun')[0]!.body).toEqual({ batchSize: 77, apiKey: SECRET });
  });

  test('job-summary: false writes no summary', async () => {
    const s = await step(w, { inputs: inputs('quick', { 'job-summary': 'false' }), env: w.caEnv });
    expectSuccess(s.r);
    expect(s.r.outputs.status).toBe('Succeeded');
    expect(s.r.summary).toBe('');
  });

  test('every output of the interface is set on success', async () => {
    const s = await step(w, { inputs: inputs('quick'), env: w.caEnv });
    expectSuccess(s.r);
    const o = s.r.outputs;
    const declared = Object.keys(
      (parseYaml(readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as { outputs: Record<string, unknown> })
        .outputs,
    );
    expect(declared.sort()).toEqual(
      [
        'run-id',
        'status',
        'message',
        'run-url',
        'run-start',
        'run-end',
        'duration-ms',
        'failed-activities',
        'run',
        'started',
        'return-value',
        'runs',
        // v1.2
        'earlier-run-id',
        'tries',
        'billing',
        'estimated-cost',
      ].sort(),
    );
    expect(o.started).toBe('true');
    // `runs` without `pipelines`: one element, JSON values.
    expect(JSON.parse(o.runs!)).toEqual([
      expect.objectContaining({
        pipeline: 'quick',
        'run-id': o['run-id'],
        status: 'Succeeded',
        'run-url': o['run-url'],
        'duration-ms': Number(o['duration-ms']),
        'failed-activities': [],
        'return-value': {},
        started: true,
        'earlier-run-id': '',
        tries: [{ 'run-id': o['run-id'], status: 'Succeeded', message: o.message, recovery: false }],
      }),
    ]);
    expect(o['earlier-run-id']).toBe('');
    expect(JSON.parse(o.tries!)).toEqual([
      { 'run-id': o['run-id'], status: 'Succeeded', message: o.message, recovery: false },
    ]);
    for (const name of declared) expect(o, `output ${name}\n${log(s.r)}`).toHaveProperty(name);

    const view = w.emu.runView(o['run-id']!)!;
    expect(o['run-id']).toBe(createdRun(w, s).runId);
    expect(o.status).toBe('Succeeded');
    expect(o.message).toBe(view.message);
    expect(o['run-url']).toBe(
      `https://adf.azure.com/en/monitoring/pipelineruns/${o['run-id']}?factory=${encodeURIComponent(
        `/subscriptions/${w.seed.subscriptionId}/resourceGroups/${w.seed.resourceGroup}/providers/Microsoft.DataFactory/factories/${w.seed.factoryName}`,
      )}`,
    );
    expect(o['run-start']).toBe(view.runStart);
    expect(o['run-end']).toBe(view.runEnd);
    expect(Number.isNaN(Date.parse(o['run-start']!))).toBe(false);
    expect(Date.parse(o['run-end']!)).toBeGreaterThanOrEqual(Date.parse(o['run-start']!));
    expect(o['duration-ms']).toMatch(/^\d+$/);
    expect(Number(o['duration-ms'])).toBe(view.durationInMs);
    expect(JSON.parse(o['failed-activities']!)).toEqual([]);
    const run = JSON.parse(o.run!) as Record<string, unknown>;
    expect(run).toMatchObject({
      runId: o['run-id'],
      pipelineName: 'quick',
      status: 'Succeeded',
      runStart: view.runStart,
      runEnd: view.runEnd,
    });
  });
});
