import { describe, expect, it } from 'vitest';
import type { ActivityRow } from '../../../src/model/result.js';
import { failedActivities } from '../../../src/run/activities.js';

const ROOT = 'root-run';

const row = (activityName: string, over: Partial<ActivityRow> = {}): ActivityRow => ({
  activityName,
  activityType: 'Copy',
  status: 'Succeeded',
  pipelineName: 'Main',
  pipelineRunId: ROOT,
  activityRunId: `act-${activityName}`,
  depth: 0,
  path: [],
  error: { errorCode: '', message: '', failureType: '', target: activityName },
  ...over,
});

const failedRow = (activityName: string, over: Partial<ActivityRow> = {}): ActivityRow =>
  row(activityName, {
    status: 'Failed',
    error: { errorCode: '2200', message: `${activityName} broke`, failureType: 'UserError', target: activityName },
    ...over,
  });

/** An Execute Pipeline activity that failed because its child run failed. */
const execRow = (activityName: string, childRunId: string, over: Partial<ActivityRow> = {}): ActivityRow =>
  failedRow(activityName, {
    activityType: 'ExecutePipeline',
    output: { pipelineRunId: childRunId, pipelineName: 'Child' },
    error: {
      errorCode: '2011',
      message: `Operation on target ${activityName} failed: child pipeline failed`,
      failureType: 'UserError',
      target: activityName,
    },
    ...over,
  });

describe('failedActivities', () => {
  it('maps every field of a failed activity', () => {
    expect(failedActivities([row('Ok'), failedRow('Copy Sales')])).toEqual([
      {
        name: 'Copy Sales',
        type: 'Copy',
        errorCode: '2200',
        message: 'Copy Sales broke',
        failureType: 'UserError',
        pipelineName: 'Main',
        pipelineRunId: ROOT,
        activityRunId: 'act-Copy Sales',
        path: 'Copy Sales',
      },
    ]);
  });

  it('fills missing fields with empty strings', () => {
    const [f] = failedActivities([{ activityName: 'Bare', status: 'Failed', depth: 0, path: [], error: null }]);
    expect(f).toEqual({
      name: 'Bare',
      type: '',
      errorCode: '',
      message: '',
      failureType: '',
      pipelineName: '',
      pipelineRunId: '',
      activityRunId: '',
      path: 'Bare',
    });
  });

  it('ignores activities that did not fail', () => {
    expect(
      failedActivities([
        row('A'),
        row('B', { status: 'Cancelled' }),
        row('C', { status: 'InProgress' }),
        row('D', { status: 'Skipped' }),
      ]),
    ).toEqual([]);
  });

  it('keeps the order of the rows', () => {
    expect(failedActivities([failedRow('Z'), row('M'), failedRow('A')]).map((f) => f.name)).toEqual(['Z', 'A']);
  });

  it('reports the nested child failure and drops the Execute Pipeline wrapper', () => {
    const rows = [
      row('Start'),
      execRow('Run Child', 'child-1'),
      row('Prep', { depth: 1, path: ['Run Child'], pipelineName: 'Child', pipelineRunId: 'child-1' }),
      failedRow('Load', {
        depth: 1,
        path: ['Run Child'],
        pipelineName: 'Child',
        pipelineRunId: 'child-1',
        activityType: 'Script',
      }),
    ];
    const out = failedActivities(rows);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      name: 'Load',
      type: 'Script',
      pipelineName: 'Child',
      pipelineRunId: 'child-1',
      path: 'Run Child › Load',
    });
  });

  it('drops every wrapper level for a grandchild failure', () => {
    const rows = [
      execRow('Outer', 'child-1'),
      execRow('Middle', 'grandchild-1', { depth: 1, path: ['Outer'], pipelineRunId: 'child-1' }),
      failedRow('Deep', { depth: 2, path: ['Outer', 'Middle'], pipelineRunId: 'grandchild-1' }),
    ];
    expect(failedActivities(rows).map((f) => f.path)).toEqual(['Outer › Middle › Deep']);
  });

  it('keeps the wrapper when its child rows are not there (not fetched, or too deep)', () => {
    const out = failedActivities([execRow('Run Child', 'child-1')]);
    expect(out.map((f) => f.name)).toEqual(['Run Child']);
    expect(out[0].message).toBe('Operation on target Run Child failed: child pipeline failed');
  });

  it('keeps the wrapper when the child rows are there but none of them failed', () => {
    const rows = [
      execRow('Run Child', 'child-1'),
      row('Prep', { depth: 1, path: ['Run Child'], pipelineRunId: 'child-1' }),
      row('Cancelled one', { depth: 1, path: ['Run Child'], pipelineRunId: 'child-1', status: 'Cancelled' }),
    ];
    expect(failedActivities(rows).map((f) => f.name)).toEqual(['Run Child']);
  });

  it('keeps a failed Execute Pipeline that never started a child run', () => {
    const rows = [
      failedRow('Run Child', { activityType: 'ExecutePipeline', output: null }),
      failedRow('Other', { depth: 1, path: ['Run Child'] }),
    ];
    expect(failedActivities(rows).map((f) => f.name)).toEqual(['Run Child', 'Other']);
  });

  it('does not drop a failed activity of the same name in another branch', () => {
    const rows = [
      execRow('A', 'child-a'),
      failedRow('X', { depth: 1, path: ['A'], pipelineRunId: 'child-a' }),
      execRow('B', 'child-b'),
    ];
    expect(failedActivities(rows).map((f) => f.path)).toEqual(['A › X', 'B']);
  });

  // An Execute Pipeline inside a ForEach runs once per item, each time with the same name and
  // path but its own child run. Only the iterations whose child failures are listed may be dropped;
  // fetchActivityRows follows at most 25 child runs, so some children are never read.
  it('keeps a ForEach iteration wrapper whose child rows were not fetched', () => {
    const rows = [
      execRow('Run Child', 'child-1', { activityRunId: 'iter-1' }),
      failedRow('Load', { depth: 1, path: ['Run Child'], pipelineRunId: 'child-1' }),
      execRow('Run Child', 'child-2', { activityRunId: 'iter-2' }),
    ];
    const out = failedActivities(rows);
    expect(out.map((f) => [f.path, f.activityRunId])).toEqual([
      ['Run Child › Load', 'act-Load'],
      ['Run Child', 'iter-2'],
    ]);
  });
});

describe('fetchActivityRows: nested pipelines', () => {
  it('follows Execute Pipeline activities three levels deep and no deeper', async () => {
    const { FakeService } = await import('../../support/fake-service.ts');
    const { fetchActivityRows } = await import('../../../src/run/activities.js');
    const service = new FakeService();
    // run-0 → run-1 → run-2 → run-3 → run-4: each level's one activity runs the next pipeline.
    for (let i = 0; i < 5; i++) {
      service.activities[`run-${i}`] = [
        {
          activityName: `Level ${i}`,
          activityType: 'ExecutePipeline',
          status: 'Succeeded',
          pipelineRunId: `run-${i}`,
          output: { pipelineRunId: `run-${i + 1}`, pipelineName: `P${i + 1}` },
        },
      ];
    }
    const rows = await fetchActivityRows(service, { runId: 'run-0', pipelineName: 'P0', raw: {} });
    expect(service.ops('listActivityRuns').map((c) => (c.args[0] as { runId: string }).runId)).toEqual([
      'run-0',
      'run-1',
      'run-2',
    ]);
    expect(rows.map((r) => [r.activityName, r.depth, r.path.join('/')])).toEqual([
      ['Level 0', 0, ''],
      ['Level 1', 1, 'Level 0'],
      ['Level 2', 2, 'Level 0/Level 1'],
    ]);
  });
});

describe('fetchActivityRows: order, anchors, child pipelines, limits', () => {
  const load = async () => {
    const { FakeService } = await import('../../support/fake-service.ts');
    const { fetchActivityRows } = await import('../../../src/run/activities.js');
    return { service: new FakeService(), fetchActivityRows };
  };
  const asked = (service: { ops(op: 'listActivityRuns'): Array<{ args: unknown[] }> }) =>
    service.ops('listActivityRuns').map((c) => c.args[0] as { runId: string; pipelineName: string; runStart?: string });

  it('sorts each level by start time (no start first) and keeps the run’s start as the anchor', async () => {
    const { service, fetchActivityRows } = await load();
    service.activities.r0 = [
      { activityName: 'C', status: 'Succeeded', activityRunStart: '2025-01-01T00:00:03Z' },
      { activityName: 'A', status: 'Succeeded', activityRunStart: '2025-01-01T00:00:01Z' },
      { activityName: 'none', status: 'Succeeded' },
      { activityName: 'B', status: 'Succeeded', activityRunStart: '2025-01-01T00:00:02Z' },
    ];
    const rows = await fetchActivityRows(service, {
      runId: 'r0',
      pipelineName: 'P0',
      runStart: '2025-01-01T00:00:00Z',
      raw: { lastUpdated: 'later' },
    });
    expect(rows.map((r) => r.activityName)).toEqual(['none', 'A', 'B', 'C']);
    expect(asked(service)).toEqual([{ runId: 'r0', pipelineName: 'P0', runStart: '2025-01-01T00:00:00Z' }]);
  });

  it('without runStart the anchor is lastUpdated, else empty', async () => {
    const { service, fetchActivityRows } = await load();
    await fetchActivityRows(service, { runId: 'r0', pipelineName: 'P0', raw: { lastUpdated: '2025-01-02T00:00:00Z' } });
    await fetchActivityRows(service, { runId: 'r1', pipelineName: 'P1', raw: {} });
    expect(asked(service).map((a) => a.runStart)).toEqual(['2025-01-02T00:00:00Z', '']);
  });

  it('a child run is read with its pipeline (from output, else from the input reference) and its own start', async () => {
    const { service, fetchActivityRows } = await load();
    service.activities.r0 = [
      {
        activityName: 'ByOutput',
        status: 'Succeeded',
        activityRunStart: '2025-01-01T00:00:01Z',
        output: { pipelineRunId: 'c1', pipelineName: 'Child1' },
        input: { pipeline: { referenceName: 'Ignored' } },
      },
      {
        activityName: 'ByInput',
        status: 'Succeeded',
        activityRunStart: '2025-01-01T00:00:02Z',
        output: { pipelineRunId: 'c2', pipelineName: '' },
        input: { pipeline: { referenceName: 'Child2' } },
      },
      {
        activityName: 'Nameless',
        status: 'Succeeded',
        output: { pipelineRunId: 'c3' },
        input: { pipeline: { referenceName: 7 } },
      },
      { activityName: 'NoInput', status: 'Succeeded', output: { pipelineRunId: 'c4' } },
      { activityName: 'EmptyId', status: 'Succeeded', output: { pipelineRunId: '' } },
      { activityName: 'NumberId', status: 'Succeeded', output: { pipelineRunId: 5 as unknown as string } },
      { activityName: 'NoOutput', status: 'Succeeded' },
    ];
    await fetchActivityRows(service, { runId: 'r0', pipelineName: 'P0', runStart: 'root-start', raw: {} });
    expect(asked(service)).toEqual([
      { runId: 'r0', pipelineName: 'P0', runStart: 'root-start' },
      { runId: 'c3', pipelineName: '', runStart: 'root-start' },
      { runId: 'c4', pipelineName: '', runStart: 'root-start' },
      { runId: 'c1', pipelineName: 'Child1', runStart: '2025-01-01T00:00:01Z' },
      { runId: 'c2', pipelineName: 'Child2', runStart: '2025-01-01T00:00:02Z' },
    ]);
  });

  it('reads at most 25 child runs', async () => {
    const { service, fetchActivityRows } = await load();
    service.activities.r0 = Array.from({ length: 30 }, (_, i) => ({
      activityName: `E${i}`,
      status: 'Succeeded',
      output: { pipelineRunId: `c${i}`, pipelineName: 'C' },
    }));
    const rows = await fetchActivityRows(service, { runId: 'r0', pipelineName: 'P0', raw: {} });
    expect(asked(service)).toHaveLength(26);
    expect(rows).toHaveLength(30);
    expect(rows.every((r) => r.depth === 0 && r.path.length === 0)).toBe(true);
  });
});
