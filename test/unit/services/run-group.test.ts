// The run-group fields of ADF's and Synapse's runs, and the query for a group's latest run.
import { describe, expect, it } from 'vitest';
import { newestRun, runGroupFilter, toRunView } from '../../../src/services/pipeline-api/run-view.js';

describe('toRunView: run groups', () => {
  it("carries runGroupId and isLatest; a run in an earlier run's group is a recovery run", () => {
    const first = toRunView({ runId: 'A', runGroupId: 'a', isLatest: false, status: 'Failed' });
    expect(first).toMatchObject({ runGroupId: 'a', isLatest: false, recovery: false });
    expect(toRunView({ runId: 'b', runGroupId: 'a', isLatest: true, status: 'Succeeded' })).toMatchObject({
      runGroupId: 'a',
      isLatest: true,
      recovery: true,
    });
  });

  it('leaves them out where the service sent none', () => {
    const v = toRunView({ runId: 'a', status: 'Queued' });
    expect('runGroupId' in v || 'isLatest' in v || 'recovery' in v).toBe(false);
  });
});

describe('runGroupFilter and newestRun', () => {
  it('asks for the one group and its latest run, over the window', () => {
    const after = new Date('2026-01-01T00:00:00Z');
    const before = new Date('2026-01-02T00:00:00Z');
    expect(runGroupFilter('g-1', { after, before })).toEqual({
      lastUpdatedAfter: '2026-01-01T00:00:00.000Z',
      lastUpdatedBefore: '2026-01-02T00:00:00.000Z',
      filters: [
        { operand: 'RunGroupId', operator: 'Equals', values: ['g-1'] },
        { operand: 'LatestOnly', operator: 'Equals', values: ['true'] },
      ],
      orderBy: [{ orderBy: 'RunStart', order: 'DESC' }],
    });
  });

  it('takes the newest start, whatever the order of the answer', () => {
    const run = (runId: string, runStart: string) => toRunView({ runId, runStart, status: 'Failed' });
    expect(
      newestRun([run('a', '2026-01-01T10:00:00Z'), run('c', '2026-01-01T12:00:00Z'), run('b', '2026-01-01T11:00:00Z')])
        ?.runId,
    ).toBe('c');
    expect(newestRun([])).toBeUndefined();
  });
});
