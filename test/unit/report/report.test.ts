// The single run's report: outputs, failure message, job summary and timeline, from the result model.
import { describe, expect, it } from 'vitest';
import { runFailureMessage } from '../../../src/report/messages.js';
import type { ActivityRow, FailedActivity, RunResult } from '../../../src/model/result.js';
import { outputsOf } from '../../../src/report/outputs.js';
import { renderSummary as renderStep } from '../../../src/report/summary.js';
import { durationOf, trimText } from '../../../src/report/text.js';
import { gantt } from '../../../src/report/timeline.js';
import { toRunView } from '../../../src/services/pipeline-api/run-view.js';
import type { PipelineRun } from '../../../src/services/pipeline-api/types.js';
import type { RunView } from '../../../src/model/run.js';
import { runResult, stepResult } from '../../support/results.js';

const RUN_ID = '2f7fdb90-5df1-4b8b-ac2e-064cfdb5a1a8';
const URL = `https://adf.azure.com/en/monitoring/pipelineruns/${RUN_ID}?factory=%2Fsubscriptions%2Fs%2FresourceGroups%2Frg%2Fproviders%2FMicrosoft.DataFactory%2Ffactories%2Ff`;

const rawRun = (over: Partial<PipelineRun> = {}): PipelineRun => ({
  runId: RUN_ID,
  pipelineName: 'Load Sales',
  status: 'Failed',
  runStart: '2024-05-01T10:00:00.000Z',
  runEnd: '2024-05-01T10:02:05.000Z',
  durationInMs: 125_000,
  message: 'Operation on target Copy failed: timeout',
  parameters: { region: 'eu' },
  ...over,
});
const run = (over: Partial<PipelineRun> = {}): RunView => toRunView(rawRun(over));

const failed = (over: Partial<FailedActivity> = {}): FailedActivity => ({
  name: 'Copy',
  type: 'Copy',
  errorCode: '2200',
  message: 'Failure happened on Sink side.',
  failureType: 'UserError',
  pipelineName: 'Load Sales',
  pipelineRunId: RUN_ID,
  activityRunId: 'act-1',
  path: 'Copy',
  ...over,
});

const row = (name: string, over: Partial<ActivityRow> = {}): ActivityRow => ({
  activityName: name,
  activityType: 'Copy',
  status: 'Succeeded',
  activityRunStart: '2024-05-01T10:00:01.000Z',
  activityRunEnd: '2024-05-01T10:00:11.000Z',
  durationInMs: 10_000,
  depth: 0,
  path: [],
  ...over,
});

const labels = {
  shortName: 'ADF',
  studioName: 'ADF Studio',
  home: { label: 'Factory', text: '`adf-prod-01` (resource group `rg-data`)' },
};

const outcome = (over: Partial<RunResult> = {}): RunResult =>
  runResult({
    pipelineName: 'Load Sales',
    runId: RUN_ID,
    runUrl: URL,
    status: 'Failed',
    run: run(),
    parameters: { region: 'eu', password: '***' },
    ...over,
  });

const renderSummary = (r: RunResult) => renderStep(stepResult([r], { service: labels }));
const outputsFor = (r: RunResult) => outputsOf(stepResult([r], { service: labels }));
const failureMessage = (r: RunResult) => runFailureMessage(r, labels);

describe('durationOf', () => {
  it('prefers durationInMs', () => {
    expect(durationOf(run({ durationInMs: 42 }))).toBe(42);
    expect(durationOf(run({ durationInMs: 0 }))).toBe(0);
  });

  it('falls back to runEnd - runStart', () => {
    expect(durationOf(run({ durationInMs: null }))).toBe(125_000);
    expect(durationOf(run({ durationInMs: undefined }))).toBe(125_000);
  });

  // null now (the `runs` output's JSON null), undefined before.
  it('is null while unknown', () => {
    expect(durationOf(undefined)).toBeNull();
    expect(durationOf(run({ durationInMs: null, runEnd: null }))).toBeNull();
    expect(durationOf(run({ durationInMs: null, runStart: null }))).toBeNull();
  });
});

describe('outputsFor', () => {
  const INTERFACE_OUTPUTS = [
    'run-id',
    'started',
    'status',
    'message',
    'run-url',
    'run-start',
    'run-end',
    'duration-ms',
    'failed-activities',
    'run',
    'return-value',
    // (v1.1) one element without `pipelines`.
    'runs',
    // v1.2
    'earlier-run-id',
    'tries',
    'billing',
    'estimated-cost',
  ];

  it('sets every output of the public interface, all strings', () => {
    const out = outputsFor(outcome({ failed: [failed()] }));
    expect(Object.keys(out).sort()).toEqual([...INTERFACE_OUTPUTS].sort());
    for (const v of Object.values(out)) expect(typeof v).toBe('string');
    expect(out).toMatchObject({
      'run-id': RUN_ID,
      started: 'true',
      status: 'Failed',
      message: 'Operation on target Copy failed: timeout',
      'run-url': URL,
      'run-start': '2024-05-01T10:00:00.000Z',
      'run-end': '2024-05-01T10:02:05.000Z',
      'duration-ms': '125000',
    });
    expect(JSON.parse(out.run)).toEqual(rawRun());
  });

  it('computes duration-ms from runStart/runEnd when durationInMs is missing', () => {
    expect(outputsFor(outcome({ run: run({ durationInMs: null }) }))['duration-ms']).toBe('125000');
  });

  it('leaves unknown values empty (cancelled run: runEnd and durationInMs null)', () => {
    const out = outputsFor(
      outcome({
        status: 'Cancelled',
        run: run({ status: 'Cancelled', runEnd: null, durationInMs: null, message: undefined }),
      }),
    );
    expect(out['run-end']).toBe('');
    expect(out['duration-ms']).toBe('');
    expect(out.message).toBe('');
    expect(out['run-start']).toBe('2024-05-01T10:00:00.000Z');
  });

  it('without a run object: only id, status and url', () => {
    const out = outputsFor(outcome({ run: undefined, status: 'Queued' }));
    expect(out).toEqual({
      'run-id': RUN_ID,
      started: 'true',
      status: 'Queued',
      message: '',
      'run-url': URL,
      'run-start': '',
      'run-end': '',
      'duration-ms': '',
      'failed-activities': '[]',
      run: '',
      'return-value': '{}',
      runs: JSON.stringify([
        {
          pipeline: 'Load Sales',
          'run-id': RUN_ID,
          status: 'Queued',
          message: '',
          'run-url': URL,
          'run-start': '',
          'run-end': '',
          'duration-ms': null,
          'failed-activities': [],
          'return-value': {},
          started: true,
          'earlier-run-id': '',
          tries: [{ 'run-id': RUN_ID, status: 'Queued', message: '', recovery: false }],
          billing: {},
          'estimated-cost': {},
        },
      ]),
      'earlier-run-id': '',
      tries: JSON.stringify([{ 'run-id': RUN_ID, status: 'Queued', message: '', recovery: false }]),
      billing: '{}',
      'estimated-cost': '{}',
    });
  });

  it('failed-activities is a JSON array with name, type, errorCode, message, failureType', () => {
    const out = outputsFor(
      outcome({
        failed: [
          failed(),
          failed({ name: 'Child', type: 'Lookup', errorCode: '', failureType: '', message: 'x', path: 'Exec › Child' }),
        ],
      }),
    );
    const list = JSON.parse(out['failed-activities']) as Record<string, unknown>[];
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({
      name: 'Copy',
      type: 'Copy',
      errorCode: '2200',
      message: 'Failure happened on Sink side.',
      failureType: 'UserError',
    });
    expect(list[1]).toMatchObject({ name: 'Child', type: 'Lookup', errorCode: '', failureType: '', message: 'x' });
    // Internal fields stay out.
    expect(list[0]).not.toHaveProperty('path');
    expect(list[0]).not.toHaveProperty('activityRunId');
  });
});

describe('trimText', () => {
  it('keeps short text, trimmed', () => {
    expect(trimText('  hello  ')).toBe('hello');
    expect(trimText('x'.repeat(600))).toBe('x'.repeat(600));
  });

  it('cuts long text at a word boundary and says where the rest is', () => {
    const text = `${'word '.repeat(200)}end`;
    const t = trimText(text, 100);
    expect(t.endsWith('… (full text in the job summary)')).toBe(true);
    const kept = t.slice(0, t.indexOf('…'));
    expect(kept.length).toBeLessThanOrEqual(100);
    expect(kept.length).toBeGreaterThan(60);
    expect(kept).toMatch(/word$/);
  });

  it('cuts hard when there is no space late enough', () => {
    const t = trimText('y'.repeat(1000), 50);
    expect(t).toBe(`${'y'.repeat(50)}… (full text in the job summary)`);
    const early = trimText(`ab ${'z'.repeat(200)}`, 50);
    expect(early).toBe(`ab ${'z'.repeat(47)}… (full text in the job summary)`);
  });
});

describe('failureMessage', () => {
  // The failed activities now come before the service's message: what to fix first (messages.ts).
  it('names the pipeline, run, status, duration, each failed activity, the ADF message and the link', () => {
    const msg = failureMessage(
      outcome({
        failed: [
          failed(),
          failed({ path: 'Exec › Inner', type: 'Script', errorCode: '', failureType: '', message: 'bad SQL' }),
        ],
      }),
    );
    expect(msg.split('\n')).toEqual([
      `Pipeline 'Load Sales' run ${RUN_ID} ended Failed after 2m 5s.`,
      'Failed activities (2):',
      '  - Copy (Copy): UserError 2200: Failure happened on Sink side.',
      '  - Exec › Inner (Script): bad SQL',
      'ADF: Operation on target Copy failed: timeout',
      `Run in ADF Studio: ${URL}`,
    ]);
  });

  it('omits the duration and ADF line when unknown', () => {
    const msg = failureMessage(
      outcome({ status: 'Cancelled', run: run({ durationInMs: null, runEnd: null, message: '' }) }),
    );
    expect(msg).toBe(`Pipeline 'Load Sales' run ${RUN_ID} ended Cancelled.\nRun in ADF Studio: ${URL}`);
  });

  it('trims a very long ADF message', () => {
    const msg = failureMessage(outcome({ run: run({ message: 'long '.repeat(1000) }) }));
    const adf = msg.split('\n')[1]!;
    expect(adf.startsWith('ADF: long long')).toBe(true);
    expect(adf.endsWith('… (full text in the job summary)')).toBe(true);
    expect(adf.length).toBeLessThanOrEqual('ADF: '.length + 1000 + '… (full text in the job summary)'.length);
  });
});

describe('renderSummary', () => {
  it.each([
    ['Succeeded', '✅'],
    ['Failed', '❌'],
    ['Cancelled', '⏹️'],
    ['Canceling', '⏹️'],
    ['InProgress', '⏳'],
    ['Queued', '⏳'],
    ['Weird', 'ℹ️'],
  ])('status %s has mark %s', (status, mark) => {
    const md = renderSummary(outcome({ status, run: run({ status }) }));
    expect(md.split('\n')[0]).toBe(`## ${mark} Load Sales: ${status}`);
    expect(md).toContain(`| ${mark} ${status} |`);
  });

  it('has the facts table with the Studio link', () => {
    const md = renderSummary(outcome());
    expect(md).toContain(
      `Pipeline \`Load Sales\` · Factory \`adf-prod-01\` (resource group \`rg-data\`) · Run [\`${RUN_ID}\`](${URL})`,
    );
    expect(md).toContain('| Status | Started (UTC) | Ended (UTC) | Duration |');
    expect(md).toContain('| ❌ Failed | 2024-05-01 10:00:00 | 2024-05-01 10:02:05 | 2m 5s |');
    expect(md).toContain('**ADF says:**\n\n> Operation on target Copy failed: timeout');
  });

  it('leaves out the service message when it only repeats a failed activity’s', () => {
    const md = renderSummary(
      outcome({
        run: run({ message: 'Operation on target Copy failed: Failure happened on Sink side.' }),
        failed: [failed()],
      }),
    );
    expect(md).not.toContain('says:**');
    expect(md).toContain('> Failure happened on Sink side.');
  });

  it('leaves out what is unknown, and shows the note', () => {
    const md = renderSummary(outcome({ run: undefined, status: 'InProgress', note: 'The wait timed out after 6h.' }));
    expect(md).toContain('> The wait timed out after 6h.');
    expect(md).toContain('| Status |\n|---|\n| ⏳ InProgress |');
    expect(md).not.toContain('says:**');
  });

  it('has a collapsible parameters block with the (already masked) values', () => {
    const md = renderSummary(outcome());
    expect(md).toContain('<details><summary>Parameters (2)</summary>');
    expect(md).toContain('```json\n{\n  "region": "eu",\n  "password": "***"\n}\n```');
  });

  it('keeps code fences in parameter values from closing the block', () => {
    const md = renderSummary(outcome({ parameters: { sql: '```drop```' } }));
    const block = md.slice(md.indexOf('```json'), md.indexOf('</details>'));
    expect(block.match(/```/g)).toHaveLength(2);
  });

  it('has a section per failed activity', () => {
    const md = renderSummary(
      outcome({
        failed: [
          failed(),
          failed({ path: 'Exec › Inner', type: 'Script', errorCode: '', failureType: '', message: '' }),
        ],
      }),
    );
    expect(md).toContain('### Failed activities (2)');
    expect(md).toContain('#### ❌ Copy (Copy)\n\nUserError · `2200`\n\n> Failure happened on Sink side.');
    expect(md).toContain('#### ❌ Exec › Inner (Script)\n\n> (no message)');
  });

  it('has no failed or activity sections when there are none', () => {
    const md = renderSummary(outcome({ status: 'Succeeded', failed: [], activities: [] }));
    expect(md).not.toContain('Failed activities');
    expect(md).not.toContain('Activity runs');
    expect(md).not.toContain('```mermaid');
  });

  it('has an activity table with nesting, status marks, durations and errors', () => {
    const md = renderSummary(
      outcome({
        activities: [
          row('Exec', {
            activityType: 'ExecutePipeline',
            status: 'Failed',
            durationInMs: 65_000,
            error: { message: 'child failed' },
          }),
          row('Inner', { depth: 1, path: ['Exec'], status: 'Failed', durationInMs: null, error: { message: 'bad' } }),
        ],
      }),
    );
    expect(md).toContain('### Activity runs (2)');
    expect(md).toContain('| Activity | Type | Status | Start (UTC) | Duration | Error |');
    expect(md).toContain('| Exec | ExecutePipeline | ❌ Failed | 10:00:01 | 1m 5s | child failed |');
    expect(md).toContain('| &nbsp;&nbsp;↳ Inner | Copy | ❌ Failed | 10:00:01 | – | bad |');
  });

  it('draws a mermaid gantt only when there are more than 3 activities', () => {
    const three = [row('A'), row('B'), row('C')];
    expect(renderSummary(outcome({ activities: three }))).not.toContain('```mermaid');
    const four = [...three, row('D', { status: 'Failed' })];
    const md = renderSummary(outcome({ activities: four }));
    expect(md).toMatch(/```mermaid\n%%\{init: .*\}%%\ngantt\n/);
    // The chart comes before the table.
    expect(md.indexOf('```mermaid')).toBeLessThan(md.indexOf('### Activity runs'));
  });

  it('escapes pipes and newlines in table cells', () => {
    const md = renderSummary(
      outcome({
        pipelineName: 'a|b',
        run: run({ message: 'line one\nline | two\r\nthree' }),
        activities: [row('x|y', { activityType: 'T|U', error: { message: 'e1\ne2 | e3' } })],
      }),
    );
    expect(md.split('\n')[0]).toBe('## ❌ a\\|b: Failed');
    expect(md).toContain('> line one\n> line | two\n> three');
    expect(md).toContain('| x\\|y | T\\|U | ✅ Succeeded | 10:00:01 | 10s | e1<br>e2 \\| e3 |');
    // Every table row still has the right number of unescaped cell separators.
    for (const line of md.split('\n').filter((l) => l.startsWith('| x'))) {
      expect(line.replace(/\\\|/g, '').match(/\|/g)).toHaveLength(7);
    }
  });

  it('trims long activity errors in the table', () => {
    const md = renderSummary(outcome({ activities: [row('A', { error: { message: 'err '.repeat(200) } })] }));
    const line = md.split('\n').find((l) => l.startsWith('| A |'))!;
    expect(line).toMatch(/…$|… \|$/);
    expect(line).not.toContain('full text in the job summary');
    expect(line.length).toBeLessThan(400);
  });
});

describe('gantt', () => {
  it('one task per timed activity, tagged by status, in epoch ms', () => {
    const lines = gantt([
      row('Lookup: config', { status: 'Succeeded' }),
      row('Copy #1', { status: 'Failed', depth: 1, path: ['Lookup'] }),
      row('Wait;now', { status: 'InProgress', activityRunEnd: null, durationInMs: 0 }),
      row('Untimed', { activityRunStart: null }),
    ]);
    const start = Date.parse('2024-05-01T10:00:01.000Z');
    const end = Date.parse('2024-05-01T10:00:11.000Z');
    expect(lines).toEqual([
      '```mermaid',
      expect.stringMatching(/^%%\{init: \{'theme': 'default', 'themeVariables': .*\}\}%%$/),
      'gantt',
      '  title Activity timeline',
      '  dateFormat x',
      '  axisFormat %H:%M:%S',
      // A 10 s span: a tick every 5 s, each label distinct.
      '  tickInterval 5second',
      `  Lookup config :done, ${start}, ${end}`,
      `  · Copy 1 :crit, ${start}, ${end}`,
      `  Wait now :active, ${start}, ${start + 1}`,
      '```',
    ]);
  });

  it('needs at least two timed activities', () => {
    expect(gantt([row('A'), row('B', { activityRunStart: null })])).toEqual([]);
  });

  it('uses durationInMs when runEnd is missing', () => {
    const lines = gantt([row('A', { activityRunEnd: null, durationInMs: 3_000 }), row('B')]);
    const start = Date.parse('2024-05-01T10:00:01.000Z');
    expect(lines[7]).toBe(`  A :done, ${start}, ${start + 3_000}`);
  });

  it('caps the chart at 60 tasks', () => {
    const rows = Array.from({ length: 80 }, (_, i) => row(`A${i}`));
    expect(gantt(rows)).toHaveLength(7 + 60 + 1);
  });
});

describe('gantt names', () => {
  it('an activity named like a gantt keyword stays a task', () => {
    const rows = ['section Load', 'click here', 'title', 'Copy: a#b;c'].map((activityName, i) => ({
      activityName,
      activityType: 'Copy',
      status: 'Succeeded',
      activityRunStart: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      activityRunEnd: new Date(Date.UTC(2026, 0, 1, 0, 0, i + 1)).toISOString(),
      depth: 0,
      path: [],
    }));
    const lines = gantt(rows);
    const tasks = lines.filter((l) => l.startsWith('  ') && !/^\s+(title|dateFormat|axisFormat|tickInterval) /.test(l));
    expect(tasks).toHaveLength(4);
    for (const t of tasks) expect(t).toMatch(/^ {2}(‣ )?[^:#;]+ :done, \d+, \d+$/);
    expect(tasks[0]).toMatch(/^ {2}‣ section Load :/);
    expect(tasks[1]).toMatch(/^ {2}‣ click here :/);
    expect(tasks[2]).toMatch(/^ {2}‣ title :/);
    expect(tasks[3]).toMatch(/^ {2}Copy a b c :/);
  });
});
