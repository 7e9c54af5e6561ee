// Issue 12: the batch's aggregate status, `runs` output and summary.
import { describe, expect, it } from 'vitest';
import type { RunResult, ServiceLabels } from '../../../src/model/result.js';
import { aggregateStatus, runsOutput } from '../../../src/report/outputs.js';
import { renderBatchSummary } from '../../../src/report/summary.js';
import type { RunView } from '../../../src/model/run.js';
import { runResult } from '../../support/results.js';

const run = (status: RunView['status'], extra: Partial<RunView> = {}): RunView => ({
  runId: 'r',
  pipelineName: 'p',
  status,
  message: '',
  raw: {},
  ...extra,
});
const item = (name: string, status: string, extra: Partial<RunResult> = {}): RunResult =>
  runResult({
    pipelineName: name,
    runId: status ? `${name}-id` : '',
    runUrl: status ? `https://studio/${name}` : '',
    started: Boolean(status),
    status,
    ...(status
      ? { run: run(status as RunView['status'], { durationMs: 1500, runStart: '2026-12-01T00:00:00Z' }) }
      : {}),
    ...extra,
  });
const service: ServiceLabels = {
  shortName: 'ADF',
  studioName: 'ADF Studio',
  home: { label: 'Factory', text: '`adf`' },
};

describe('aggregateStatus', () => {
  it.each([
    [['Succeeded', 'Succeeded'], 'Succeeded'],
    [['Succeeded', 'Failed', 'Cancelled'], 'Failed'],
    [['Cancelled', 'InProgress'], 'Cancelled'],
    [['Canceling', 'Queued'], 'Canceling'],
    [['Succeeded', 'InProgress', 'Queued'], 'InProgress'],
    [['Succeeded', ''], 'Failed'],
  ])('%o → %s', (statuses, want) => {
    expect(aggregateStatus(statuses.map((s, i) => item(`p${i}`, s)))).toBe(want);
  });
});

describe('runsOutput', () => {
  it('has every field as a JSON value, also for a pipeline never started', () => {
    const out = runsOutput([item('a', 'Succeeded'), item('b', '', { note: 'Not started (fail-fast).' })]);
    expect(out).toEqual([
      {
        pipeline: 'a',
        'run-id': 'a-id',
        status: 'Succeeded',
        message: '',
        'run-url': 'https://studio/a',
        'run-start': '2026-12-01T00:00:00Z',
        'run-end': '',
        'duration-ms': 1500,
        'failed-activities': [],
        'return-value': {},
        started: true,
        'earlier-run-id': '',
        tries: [{ 'run-id': 'a-id', status: 'Succeeded', message: '', recovery: false }],
        billing: {},
        'estimated-cost': {},
      },
      {
        pipeline: 'b',
        'run-id': '',
        status: '',
        message: 'Not started (fail-fast).',
        'run-url': '',
        'run-start': '',
        'run-end': '',
        'duration-ms': null,
        'failed-activities': [],
        'return-value': {},
        started: false,
        'earlier-run-id': '',
        tries: [],
        billing: {},
        'estimated-cost': {},
      },
    ]);
  });
});

describe('renderBatchSummary', () => {
  it('one table with a row per run, and each failed run with its activities below it', () => {
    const failed = item('load|b', 'Failed', {
      failed: [
        {
          name: 'Copy',
          type: 'Copy',
          errorCode: '2200',
          message: 'blob missing',
          failureType: 'UserError',
          pipelineName: 'load|b',
          pipelineRunId: 'x',
          activityRunId: 'y',
          path: 'Copy',
        },
      ],
    });
    const md = renderBatchSummary([item('a', 'Succeeded'), failed], service);
    expect(md).toContain('| Pipeline | Status | Duration | Run |');
    expect(md).toMatch(/\| `a` \| ✅ Succeeded \| \S[^|]* \| \[`a-id`\]\(https:\/\/studio\/a\) \|/);
    expect(md).toContain('| `load\\|b` | ❌ Failed');
    expect(md).toContain('### ❌ load\\|b: Failed');
    expect(md).toContain('#### ❌ Copy (Copy)');
    expect(md).toContain('blob missing');
    expect(md.indexOf('| `a` |')).toBeLessThan(md.indexOf('### ❌'));
  });
});

describe('return values', () => {
  const rv = { value: { rows: 3 }, source: "the run's `pipelineReturnValue`" };
  it("are each run's own in `runs`, and {} for a run that did not succeed", () => {
    const out = runsOutput([
      item('a', 'Succeeded', { returnValue: rv }),
      item('b', 'Failed', { returnValue: rv }),
      item('c', 'Succeeded'),
    ]);
    expect(out.map((o) => o['return-value'])).toEqual([{ rows: 3 }, {}, {}]);
  });
  it('the summary shows those that were found, with where they came from', () => {
    const md = renderBatchSummary([item('a', 'Succeeded', { returnValue: rv }), item('c', 'Succeeded')], service);
    expect(md).toContain('### Return values (1)');
    expect(md).toContain("#### `a`\n\nRead from the run's `pipelineReturnValue`.");
    expect(md).toContain('"rows": 3');
    expect(md).not.toContain('#### `c`');
    expect(renderBatchSummary([item('c', 'Succeeded')], service)).not.toContain('Return values');
  });
});

describe('the batch summary says each run once', () => {
  const copy = {
    name: 'Copy',
    type: 'Copy',
    errorCode: '',
    message: 'blob missing',
    failureType: '',
    pipelineName: 'b',
    pipelineRunId: 'x',
    activityRunId: 'y',
    path: 'Copy',
  };

  it('a service message that only repeats a failed activity is left out; why a run ended is in its row', () => {
    const b = item('b', 'Failed', {
      run: run('Failed', { message: 'Operation on target Copy failed: blob missing' }),
      failed: [copy],
      note: 'The wait timed out after 1m.',
    });
    const md = renderBatchSummary([item('a', 'Succeeded'), b], service);
    expect(md).not.toContain('Operation on target Copy failed');
    expect(md).toContain('> blob missing');
    expect(md).toContain('| `b` | ❌ Failed (The wait timed out after 1m.) |');
    expect(md.split('\n')[0]).toBe('## ❌ 2 pipelines: Failed');
    expect(md).toContain('Factory: `adf`');
  });

  it('a run never started: its error quoted, not started in its row; no activity sections', () => {
    const md = renderBatchSummary([item('a', '', { error: 'the shared parameter is not declared' })], service);
    expect(md).toContain('| `a` |  not started | – | – |');
    expect(md).toContain('### ❌ a: not started');
    expect(md).toContain('> the shared parameter is not declared');
    expect(md).not.toContain('####');
  });

  it('a long message is trimmed; an activity without a kind has no kind line', () => {
    const md = renderBatchSummary(
      [
        item('b', 'Failed', {
          run: run('Failed', { message: 'word '.repeat(600) }),
          failed: [{ ...copy, message: '' }],
        }),
      ],
      service,
    );
    expect(md).toContain('… (full text in the job summary)');
    expect(md).toContain('#### ❌ Copy (Copy)\n\n> (no message)');
  });
});
