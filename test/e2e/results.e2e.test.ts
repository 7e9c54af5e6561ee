// End to end, issue 13: the return value from each place it may be, the pull-request comment
// (created, updated, refused, never outside pull requests), progress lines with an estimate from a
// seeded history, and `az` failures that fail fast with az's own message.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeFakeAzConfig, type RunScript } from '../emulator/index.ts';
import { startWorld, type World } from '../support/scenario.ts';
import { expectFailure, expectSuccess, log, step, tempDir } from './helpers.ts';

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

let pipelines = 0;
/** A pipeline of its own per test, so scripts and history never leak between tests. */
function pipeline(script: RunScript): string {
  const name = `results-${++pipelines}`;
  w.emu.addPipeline({
    subscriptionId: w.seed.subscriptionId,
    resourceGroup: w.seed.resourceGroup,
    factoryName: w.seed.factoryName,
    name,
    script,
  });
  return name;
}

const typedList = [
  { key: 'rows', value: { type: 'Int', content: 42 } },
  { key: 'ratio', value: { type: 'Float', content: '0.5' } },
  { key: 'ok', value: { type: 'Boolean', content: true } },
  { key: 'label', value: { type: 'String', content: 'hello world' } },
  { key: 'nothing', value: { type: 'Null', content: null } },
  { key: 'tables', value: { type: 'Array', content: [{ type: 'String', content: 'a' }, 'b'] } },
  { key: 'plain', value: 7 },
];
const typedObject = {
  rows: 42,
  ratio: 0.5,
  ok: true,
  label: 'hello world',
  nothing: null,
  tables: ['a', 'b'],
  plain: 7,
};
const setReturn = (extra: Record<string, unknown>) => ({
  name: 'Set return value',
  type: 'SetVariable',
  ...extra,
});

describe('return-value', () => {
  const carriers: Array<[string, RunScript, string]> = [
    [
      "the run's pipelineReturnValue",
      { runExtra: { pipelineReturnValue: { rows: 3, names: ['x'], nested: { a: true } } } },
      "the run's `pipelineReturnValue`",
    ],
    [
      "the run's output.pipelineReturnValue",
      { runExtra: { output: { pipelineReturnValue: { rows: 3, names: ['x'], nested: { a: true } } } } },
      "the run's `output.pipelineReturnValue`",
    ],
    [
      "the Set Variable activity's output.value",
      {
        activities: [
          setReturn({
            input: { variableName: 'pipelineReturnValue', setSystemVariable: true },
            output: { name: 'pipelineReturnValue', value: { rows: 3, names: ['x'], nested: { a: true } } },
          }),
        ],
      },
      'Set Variable activity `Set return value` (its output)',
    ],
  ];
  test.each(carriers)('is read from %s', async (_, script, source) => {
    const s = await step(w, { inputs: inputs(pipeline(script)), env: w.caEnv });
    expectSuccess(s.r);
    expect(JSON.parse(s.r.outputs['return-value']!)).toEqual({ rows: 3, names: ['x'], nested: { a: true } });
    // `runs` has the same value in its one element.
    const runs = JSON.parse(s.r.outputs.runs!) as Array<Record<string, unknown>>;
    expect(runs[0]!['return-value']).toEqual({ rows: 3, names: ['x'], nested: { a: true } });
    expect(s.r.summary).toContain('### Return value');
    expect(s.r.summary).toContain(`Read from ${source}.`);
  });

  test("is read from the Set Variable activity's input list, typed values keeping their types", async () => {
    const name = pipeline({
      activities: [
        { name: 'Copy', type: 'Copy' },
        setReturn({ input: { variableName: 'pipelineReturnValue', setSystemVariable: true, value: typedList } }),
      ],
    });
    const s = await step(w, { inputs: inputs(name), env: w.caEnv });
    expectSuccess(s.r);
    expect(JSON.parse(s.r.outputs['return-value']!)).toEqual(typedObject);
    expect(s.r.summary).toContain('"ratio": 0.5');
  });

  test('is {} when the run sets none, and when it did not succeed', async () => {
    const none = await step(w, { inputs: inputs(pipeline({})), env: w.caEnv });
    expectSuccess(none.r);
    expect(none.r.outputs['return-value']).toBe('{}');
    expect(none.r.summary).not.toContain('Return value');
    const failed = pipeline({
      final: 'Failed',
      runExtra: { pipelineReturnValue: { rows: 3 } },
      activities: [{ name: 'Copy', type: 'Copy', status: 'Failed' }],
    });
    const f = await step(w, { inputs: inputs(failed), env: w.caEnv });
    expectFailure(f.r);
    expect(f.r.outputs['return-value']).toBe('{}');
    expect((JSON.parse(f.r.outputs.runs!) as Array<Record<string, unknown>>)[0]!['return-value']).toEqual({});
  });
});

describe('pr-comment', () => {
  const comments = () => w.emu.github.comments('octo-org', 'octo-repo', 7);
  const ghEnv = (more: Record<string, string> = {}) => ({
    ...w.emu.githubEnv({ pullNumber: 7 }),
    GITHUB_WORKFLOW: 'CI',
    GITHUB_JOB: 'load',
    GITHUB_RUN_ID: '1234',
    ...more,
  });
  const prInputs = (name: string) => inputs(name, { 'pr-comment': 'true', 'github-token': w.emu.github.config.token });

  test('comments once on the pull request, then updates that comment when the job runs again', async () => {
    w.emu.github.addComment('octo-org', 'octo-repo', 7, 'Looks good to me');
    const name = pipeline({ runExtra: { pipelineReturnValue: { rows: 3 } } });
    const first = await step(w, { inputs: prInputs(name), env: ghEnv() });
    expectSuccess(first.r);
    expect(first.ops('createComment', 'github')).toHaveLength(1);
    expect(comments()).toHaveLength(2);
    const mine = comments()[1]!;
    expect(mine.body).toContain('<!-- run-adf-pipeline-action service=data-factory');
    expect(mine.body).toContain(`pipelines=${name}`);
    expect(mine.body).toContain('job=load');
    expect(mine.body).toContain(`Pipeline \`${name}\`: Succeeded`);
    expect(mine.body).toContain(first.r.outputs['run-id']!);
    expect(mine.body).toContain('"rows": 3');

    const again = await step(w, { inputs: prInputs(name), env: ghEnv({ GITHUB_RUN_ID: '1235' }) });
    expectSuccess(again.r);
    expect(again.ops('createComment', 'github')).toHaveLength(0);
    expect(again.ops('updateComment', 'github')).toHaveLength(1);
    expect(comments()).toHaveLength(2);
    expect(comments()[1]!.id).toBe(mine.id);
    expect(comments()[1]!.body).toContain(again.r.outputs['run-id']!);
    expect(again.r.all).not.toContain(w.emu.github.config.token);
  });

  test('a failed run lists its failed activities in the comment', async () => {
    const name = pipeline({
      final: 'Failed',
      activities: [
        {
          name: 'Copy sales',
          type: 'Copy',
          status: 'Failed',
          error: { errorCode: '2200', message: 'Blob is missing', failureType: 'UserError' },
        },
      ],
    });
    const s = await step(w, { inputs: prInputs(name), env: ghEnv({ GITHUB_JOB: 'fails' }) });
    expectFailure(s.r);
    const body = comments().find((c) => c.body.includes('job=fails'))!.body;
    expect(body).toContain('**Copy sales** (Copy): UserError `2200`: Blob is missing');
  });

  test('with pipelines: one comment for the whole batch, a row per run and the failed activities, updated in place', async () => {
    const ok = pipeline({});
    const bad = pipeline({
      final: 'Failed',
      activities: [
        {
          name: 'Load orders',
          type: 'Copy',
          status: 'Failed',
          error: { errorCode: '2200', message: 'Table is locked', failureType: 'UserError' },
        },
      ],
    });
    const batch = { ...prInputs(ok), 'pipeline-name': '', pipelines: `- ${ok}\n- ${bad}` };
    const first = await step(w, { inputs: batch, env: ghEnv({ GITHUB_JOB: 'batch' }) });
    expectFailure(first.r);
    expect(first.ops('createComment', 'github')).toHaveLength(1);
    const mine = comments().find((c) => c.body.includes('job=batch'))!;
    expect(mine.body).toContain(`pipelines=${encodeURIComponent(`${ok},${bad}`)}`);
    expect(mine.body).toContain('### ❌ 2 pipelines: Failed');
    const runs = JSON.parse(first.r.outputs.runs!) as Array<{ 'run-id': string }>;
    expect(mine.body).toMatch(
      new RegExp(`\\| \`${ok}\` \\| ✅ Succeeded \\| [^|]+ \\| \\[\`${runs[0]!['run-id']}\`\\]`),
    );
    expect(mine.body).toContain(`| \`${bad}\` | ❌ Failed |`);
    expect(mine.body).toContain(`**${bad} › Load orders** (Copy): UserError \`2200\`: Table is locked`);

    const again = await step(w, { inputs: batch, env: ghEnv({ GITHUB_JOB: 'batch', GITHUB_RUN_ID: '1236' }) });
    expectFailure(again.r);
    expect(again.ops('createComment', 'github')).toHaveLength(0);
    expect(again.ops('updateComment', 'github')).toHaveLength(1);
    expect(comments().filter((c) => c.body.includes('job=batch'))).toHaveLength(1);
    expect(again.r.all).not.toContain(w.emu.github.config.token);
  });

  test('a read-only token (403) is a warning that says what to add; the step still succeeds', async () => {
    w.emu.github.config.permission = 'read';
    try {
      const s = await step(w, { inputs: prInputs(pipeline({})), env: ghEnv({ GITHUB_JOB: 'readonly' }) });
      expectSuccess(s.r);
      const warning = s.r.annotations.find((a) => a.level === 'warning' && /pull-request comment/.test(a.message));
      expect(warning?.message, log(s.r)).toContain('permissions: pull-requests: write');
      expect(warning?.message).toContain('HTTP 403');
      expect(s.r.all).not.toContain(w.emu.github.config.token);
      expect(s.r.masked).toContain(w.emu.github.config.token);
    } finally {
      w.emu.github.config.permission = 'write';
    }
  });

  test('sends nothing to GitHub outside pull requests', async () => {
    // A push's payload carries no pull request (the event name alone no longer decides).
    const push = path.join(tempDir('adf-push-'), 'event.json');
    writeFileSync(push, JSON.stringify({ ref: 'refs/heads/main', commits: [] }));
    const s = await step(w, {
      inputs: prInputs(pipeline({})),
      env: ghEnv({ GITHUB_EVENT_NAME: 'push', GITHUB_EVENT_PATH: push, GITHUB_REF: 'refs/heads/main' }),
    });
    expectSuccess(s.r);
    expect(s.requests.filter((q) => q.service === 'github')).toEqual([]);
    expect(w.emu.tlsConnections().github).toBe(0);
  });
});

describe('progress and the usual duration', () => {
  test('progress lines say how long the run usually takes and what is left', async () => {
    const name = pipeline({
      phases: [
        { status: 'Queued', ms: 300 },
        { status: 'InProgress', ms: 5_700 },
      ],
      activities: [{ name: 'Copy big table', type: 'Copy', startMs: 0, durationMs: 5_600 }],
    });
    w.emu.seedHistory(name, [6_000, 5_800, 6_200, 6_100, 5_900]);
    const s = await step(w, {
      inputs: inputs(name),
      env: { ...w.caEnv, ADF_ACTION_PROGRESS_MS: '2500' },
    });
    expectSuccess(s.r);
    expect(s.ops('queryPipelineRuns')).toHaveLength(1);
    const body = s.ops('queryPipelineRuns')[0]!.body as { filters: Array<{ operand: string; values: string[] }> };
    expect(body.filters).toContainEqual(expect.objectContaining({ operand: 'Status', values: ['Succeeded'] }));
    expect(s.r.stdout).toContain(`Runs of '${name}' usually take 6s (`);
    expect(s.r.stdout, log(s.r)).toMatch(
      /Still InProgress: \ds of usually 6s, about \ds left\. Running: Copy big table \(\ds\)\./,
    );
    // One activity-run query per progress line, never per poll; one more for the report.
    // A 6 s run read every second, with a progress line at most every 2.5 s: one or two lines.
    const lines = s.r.stdout.match(/Still InProgress/g)?.length ?? 0;
    expect(lines).toBeGreaterThanOrEqual(1);
    expect(lines).toBeLessThanOrEqual(2);
    expect(s.ops('getRun').length).toBeGreaterThanOrEqual(5);
    expect(s.ops('queryActivityRuns')).toHaveLength(lines + 1);
    expect(s.r.summary).toMatch(/\| Usually \|/);
  });

  test('without the permission to query runs, the wait works as before', async () => {
    const name = pipeline({});
    w.emu.deny(w.seed.clientId, 'Microsoft.DataFactory/factories/querypipelineruns/action');
    try {
      const s = await step(w, { inputs: inputs(name), env: w.caEnv });
      expectSuccess(s.r);
      expect(s.ops('queryPipelineRuns')).toHaveLength(1);
      expect(s.r.stdout).not.toContain('usually');
      expect(s.r.annotations.filter((a) => a.level !== 'notice')).toEqual([]);
    } finally {
      w.emu.allow(w.seed.clientId);
    }
  });
});

describe('Azure CLI sign-in errors', () => {
  const traceback = [
    'Traceback (most recent call last):',
    '  File "/opt/az/lib/python3.12/site-packages/knack/cli.py", line 233, in invoke',
    '    cmd_result = self.invocation.execute(args)',
    'knack.util.CLIError: boom',
  ].join('\n');
  const cases: Array<[string, string, RegExp]> = [
    [
      'a wrong subscription',
      `${traceback}\nERROR: Subscription 'contoso-prod' not found. Check the spelling and casing and try again.`,
      /no such subscription\. az said: Subscription 'contoso-prod' not found/,
    ],
    [
      'an expired azure/login session',
      'ERROR: AADSTS700024: Client assertion is not within its valid time range. Current time: 2026-01-01T10:00:00Z, assertion valid from 2026-01-01T08:00:00Z, expiry time of assertion 2026-01-01T08:05:00Z.\nInteractive authentication is needed. Please run:\naz login --scope https://management.core.windows.net//.default',
      /session \(from azure\/login or az login\) has expired\. az said: AADSTS700024/,
    ],
  ];
  test.each(cases)("%s fails at once with az's message, not its traceback", async (_, stderr, expected) => {
    const az = writeFakeAzConfig(w.emu, tempDir('adf-az-'), { failWith: { stderr } });
    const s = await step(w, {
      inputs: { ...w.base, 'pipeline-name': 'quick', auth: 'azure-cli' },
      env: { ...w.caEnv, ...az.env },
    });
    const m = expectFailure(s.r);
    expect(m).toMatch(expected);
    expect(m).not.toContain('Traceback');
    expect(m).not.toContain('site-packages');
    expect(s.r.durationMs).toBeLessThan(15_000);
    expect(s.ops('createRun')).toHaveLength(0);
  });
});
