// Finding what an earlier attempt did: at most one read per earlier attempt, newest first, and one
// run-group query for the run found.
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../src/http/errors.js';
import { FABRIC_RERUN_NOTICE, findEarlierRun } from '../../../src/run/earlier-run.js';
import { runIdFor, type RunIdentity } from '../../../src/run/run-ids.js';
import type { RunStatus, RunView } from '../../../src/model/run.js';
import type { PipelineService } from '../../../src/services/service.js';

const identity: RunIdentity = {
  repository: 'octo-org/octo-repo',
  workflowRunId: '42',
  job: 'load',
  action: 'run',
  rerunKey: 'null',
  service: 'data-factory',
  home: 'adf',
  pipeline: 'daily-load',
  parameters: {},
  item: 0,
};
const idOf = (attempt: number, tryNumber = 0) => runIdFor(identity, attempt, tryNumber);

const view = (runId: string, status: RunStatus, runStart: string, runGroupId = runId): RunView => ({
  runId,
  pipelineName: 'daily-load',
  status,
  message: '',
  runStart,
  runGroupId,
  raw: {},
});

/** A service holding `runs`; `latest` answers the group query. Records every call. */
function fake(
  runs: RunView[],
  latest?: (group: string) => RunView | undefined,
  kind: PipelineService['kind'] = 'data-factory',
) {
  const calls: string[] = [];
  const service: Pick<PipelineService, 'kind' | 'getRun' | 'latestInRunGroup'> = {
    kind,
    getRun: async (ref) => {
      calls.push(`getRun ${ref.runId}`);
      const r = runs.find((x) => x.runId === ref.runId);
      if (!r) throw new ServiceError({ op: 'get run', status: 404, code: 'PipelineRunNotFound', message: 'no' });
      return r;
    },
    latestInRunGroup: async (group, window) => {
      calls.push(`latestInRunGroup ${group} ${window.after.toISOString()}`);
      return latest?.(group);
    },
  };
  return { service, calls };
}

describe('findEarlierRun', () => {
  it('a first attempt looks for nothing', async () => {
    const { service, calls } = fake([]);
    expect(await findEarlierRun(service, identity, 1)).toEqual({ kind: 'none', reads: 0 });
    expect(calls).toEqual([]);
  });

  it('no earlier attempt started a run: one read per earlier attempt, newest first, then none', async () => {
    const { service, calls } = fake([]);
    expect(await findEarlierRun(service, identity, 3)).toEqual({ kind: 'none', reads: 2 });
    expect(calls).toEqual([`getRun ${idOf(2)}`, `getRun ${idOf(1)}`]);
  });

  it("stops at the newest attempt that started a run and takes its group's latest run", async () => {
    const first = view(idOf(2), 'Failed', '2026-01-01T10:00:00Z');
    const retry = view(idOf(2, 1), 'Failed', '2026-01-01T10:30:00Z', idOf(2));
    const { service, calls } = fake([first, view(idOf(1), 'Failed', '2026-01-01T09:00:00Z')], () => retry);
    const found = await findEarlierRun(service, identity, 3);
    expect(found).toEqual({ kind: 'recover', run: retry, attempt: 2, firstRunId: idOf(2), reads: 2 });
    // The window starts before the run found (skew between clocks), not at the first attempt.
    expect(calls).toEqual([`getRun ${idOf(2)}`, `latestInRunGroup ${idOf(2)} 2026-01-01T09:45:00.000Z`]);
  });

  it.each([
    ['InProgress', 'attach'],
    ['Queued', 'attach'],
    ['Canceling', 'attach'],
    ['Succeeded', 'reuse'],
    ['Failed', 'recover'],
    ['Cancelled', 'recover'],
  ] as const)('a latest run %s: %s', async (status, kind) => {
    const run = view(idOf(1), status, '2026-01-01T10:00:00Z');
    const { service } = fake([run], () => run);
    expect(await findEarlierRun(service, identity, 2)).toMatchObject({ kind, run: { runId: idOf(1) }, attempt: 1 });
  });

  it('keeps the run read directly when the group query shows none, or an older one', async () => {
    const run = view(idOf(1), 'Succeeded', '2026-01-01T10:00:00Z');
    expect((await findEarlierRun(fake([run], () => undefined).service, identity, 2)).kind).toBe('reuse');
    const older = view('older', 'Failed', '2026-01-01T09:00:00Z', idOf(1));
    expect(await findEarlierRun(fake([run], () => older).service, identity, 2)).toMatchObject({
      kind: 'reuse',
      run: { runId: idOf(1) },
    });
  });

  it('does not query a group the service did not name', async () => {
    const run = { ...view(idOf(1), 'Failed', '2026-01-01T10:00:00Z'), runGroupId: undefined };
    const { service, calls } = fake([run], () => run);
    expect(await findEarlierRun(service, identity, 2)).toMatchObject({ kind: 'recover', reads: 1 });
    expect(calls).toHaveLength(1);
  });

  it('passes other errors on', async () => {
    const service = {
      kind: 'synapse' as const,
      getRun: async () => {
        throw new ServiceError({ op: 'get run', status: 403, code: 'Forbidden', message: 'no' });
      },
    };
    await expect(findEarlierRun(service, identity, 2)).rejects.toThrow(/403/);
  });

  it('Fabric: never found, with a notice on a re-run', async () => {
    const { service, calls } = fake([], undefined, 'fabric');
    expect(await findEarlierRun(service, identity, 2)).toEqual({ kind: 'none', reads: 0, notice: FABRIC_RERUN_NOTICE });
    expect(calls).toEqual([]);
  });

  it('outside GitHub Actions (no identity) finds nothing', async () => {
    const { service, calls } = fake([]);
    expect(await findEarlierRun(service, undefined, 2)).toEqual({ kind: 'none', reads: 0 });
    expect(calls).toEqual([]);
  });
});
