import { describe, expect, it, vi } from 'vitest';
import { ServiceError } from '../../../../src/http/errors.js';
import type { RestClient } from '../../../../src/http/rest-client.js';
import { jobIdFromLocation, parseFabricError } from '../../../../src/services/fabric/client.js';
import { FabricLookupError, isGuid, pickByName } from '../../../../src/services/fabric/resolve.js';
import { DEDUPED_MESSAGE, mapStatus, toRunView } from '../../../../src/services/fabric/run-view.js';
import { FabricService, type FabricTarget } from '../../../../src/services/fabric/service.js';
import { explainFabricError } from '../../../../src/services/fabric/explain.js';

const WS = '6f1c2b3a-4d5e-4f60-8a71-92b3c4d5e6f7';
const ITEM = 'a1d4e7b0-1c2d-4e3f-8a4b-5c6d7e8f9a01';
const JOB = '76f634d8-f38f-46de-9196-d55ef98b1523';

describe('mapStatus', () => {
  it.each([
    ['NotStarted', 'Queued'],
    ['InProgress', 'InProgress'],
    ['Completed', 'Succeeded'],
    ['Failed', 'Failed'],
    ['Cancelled', 'Cancelled'],
    ['Deduped', 'Cancelled'],
    ['completed', 'Succeeded'],
  ])('%s → %s', (fabric, ours) => expect(mapStatus(fabric)).toBe(ours));

  it('reads a status Fabric adds later as InProgress (not final, one vocabulary), a missing one as Queued', () => {
    expect(mapStatus('Paused')).toBe('InProgress');
    expect(mapStatus(undefined)).toBe('Queued');
  });
});

describe('toRunView', () => {
  const job = {
    id: JOB,
    itemId: ITEM,
    jobType: 'Pipeline',
    invokeType: 'Manual',
    status: 'Failed',
    failureReason: {
      requestId: 'r',
      errorCode: 'JobInstanceStatusFailed',
      message: 'Job instance failed without detail error',
      isRetriable: false,
    },
    rootActivityId: 'x',
    startTimeUtc: '2026-04-27T06:50:19.0557454',
    endTimeUtc: '2026-04-27T06:52:03.12',
  };

  it("a status it does not know: InProgress, the message names Fabric's own, and run keeps it", () => {
    const v = toRunView({ ...job, status: 'Paused', failureReason: undefined } as never, 'daily-load');
    expect(v.status).toBe('InProgress');
    expect(v.message).toBe(
      "Fabric reports the status 'Paused', which this action does not know; it is treated as still running.",
    );
    expect(v.raw.status).toBe('Paused');
    expect(toRunView({ ...job, status: 'InProgress', failureReason: undefined } as never, 'p').message).toBe('');
  });

  it('maps times to UTC with Z, computes the duration, and takes failureReason.message', () => {
    const v = toRunView(job, 'daily-load');
    expect(v).toMatchObject({
      runId: JOB,
      pipelineName: 'daily-load',
      status: 'Failed',
      message: 'Job instance failed without detail error',
      runStart: '2026-04-27T06:50:19.0557454Z',
      runEnd: '2026-04-27T06:52:03.12Z',
      invokedByType: 'Manual',
    });
    expect(v.durationMs).toBe(Date.parse('2026-04-27T06:52:03.120Z') - Date.parse('2026-04-27T06:50:19.055Z'));
    expect(v.raw).toBe(job);
  });

  it('a running job: no end, no duration, empty message', () => {
    const v = toRunView({ ...job, status: 'InProgress', endTimeUtc: null, failureReason: null }, 'p');
    expect(v.runEnd).toBeUndefined();
    expect(v.durationMs).toBeUndefined();
    expect(v.message).toBe('');
  });

  it('Deduped reads Cancelled with a message that says Fabric deduplicated it', () => {
    const v = toRunView({ ...job, status: 'Deduped', failureReason: null }, 'p');
    expect(v.status).toBe('Cancelled');
    expect(v.message).toBe(DEDUPED_MESSAGE);
    expect(v.message).toMatch(/Fabric deduplicated/);
  });
});

describe('jobIdFromLocation', () => {
  it('takes the last path segment of the job instance URL', () => {
    expect(
      jobIdFromLocation(`https://api.fabric.microsoft.com/v1/workspaces/${WS}/items/${ITEM}/jobs/instances/${JOB}`),
    ).toBe(JOB);
    expect(jobIdFromLocation(`https://x/v1/workspaces/${WS}/items/${ITEM}/jobs/instances/${JOB}/`)).toBe(JOB);
    expect(jobIdFromLocation(`https://x/v1/workspaces/${WS}/items/${ITEM}/jobs/instances/${JOB}?a=b`)).toBe(JOB);
    expect(jobIdFromLocation(`/v1/workspaces/${WS}/items/${ITEM}/jobs/instances/${JOB}`)).toBe(JOB);
  });

  it('is undefined without a Location or without an ID in it', () => {
    expect(jobIdFromLocation(undefined)).toBeUndefined();
    expect(jobIdFromLocation('')).toBeUndefined();
    expect(jobIdFromLocation(`https://x/v1/workspaces/${WS}/items/${ITEM}/jobs/instances`)).toBeUndefined();
  });
});

describe('parseFabricError', () => {
  it('reads the flat envelope', () => {
    expect(
      parseFabricError({
        requestId: 'r',
        errorCode: 'ItemNotFound',
        message: 'The requested item was not found.',
        isRetriable: false,
      }),
    ).toEqual({ code: 'ItemNotFound', message: 'The requested item was not found.' });
  });

  it('adds moreDetails to the message', () => {
    expect(
      parseFabricError({
        errorCode: 'InvalidInput',
        message: 'The request has invalid input',
        moreDetails: [{ errorCode: 'InvalidParameter', message: "'jobType' is invalid" }],
      }),
    ).toEqual({
      code: 'InvalidInput',
      message: "The request has invalid input (InvalidParameter: 'jobType' is invalid)",
    });
  });

  it('reads an ARM-style body from a gateway, and nothing from what is neither', () => {
    expect(parseFabricError({ error: { code: 'Gateway', message: 'm' } })).toEqual({ code: 'Gateway', message: 'm' });
    expect(parseFabricError({ foo: 1 })).toBeUndefined();
    expect(parseFabricError('text')).toBeUndefined();
    expect(parseFabricError(null)).toBeUndefined();
  });
});

describe('pickByName', () => {
  const entries = [
    { id: '1', displayName: 'daily-load' },
    { id: '2', displayName: 'nightly-fail' },
    { id: '3', displayName: 'Quick' },
  ];
  const what = { kind: 'Data pipeline', where: "in workspace 'W'", input: 'pipeline-name', none: 'None here.' };

  it('finds by exact name, then by a single case-insensitive match', () => {
    expect(pickByName('daily-load', entries, what).id).toBe('1');
    expect(pickByName('quick', entries, what).id).toBe('3');
  });

  it('an unknown name lists what exists and suggests the near one', () => {
    expect(() => pickByName('daily_load', entries, what)).toThrow(FabricLookupError);
    expect(() => pickByName('daily_load', entries, what)).toThrow(
      /No Data pipeline named 'daily_load' in workspace 'W'\. Check 'pipeline-name'\. Did you mean 'daily-load'\? There are 3 Data pipeline\(s\) in workspace 'W': 'daily-load', 'nightly-fail', 'Quick'\./,
    );
    expect(() => pickByName('x', [], what)).toThrow(
      /No Data pipeline named 'x' in workspace 'W'\. Check 'pipeline-name'\. None here\./,
    );
  });

  it('more than one match fails, naming their IDs', () => {
    const twins = [...entries, { id: '4', displayName: 'daily-load' }];
    expect(() => pickByName('daily-load', twins, what)).toThrow(
      /2 Data pipelines in workspace 'W' are named 'daily-load' \(1, 4\)/,
    );
  });

  it('lists at most 30 names', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      id: String(i),
      displayName: `p${String(i).padStart(2, '0')}`,
    }));
    expect(() => pickByName('zzz', many, what)).toThrow(/'p29', … \(40 in all\)/);
  });

  it('isGuid', () => {
    expect(isGuid(WS)).toBe(true);
    expect(isGuid('Sales Analytics')).toBe(false);
  });
});

describe('FabricService', () => {
  const target: FabricTarget = {
    service: 'fabric',
    apiBase: 'https://api.fabric.microsoft.com',
    resource: 'https://api.fabric.microsoft.com',
    portal: 'https://app.fabric.microsoft.com',
    workspace: 'Sales Analytics',
  };
  const make = (t: FabricTarget = target) => {
    const s = new FabricService(t, {} as RestClient);
    const c = s.client;
    vi.spyOn(c, 'listWorkspaces').mockResolvedValue([
      { id: WS, displayName: 'Sales Analytics' },
      { id: 'other', displayName: 'Other' },
    ]);
    vi.spyOn(c, 'listPipelines').mockResolvedValue([{ id: ITEM, displayName: 'daily load', type: 'DataPipeline' }]);
    return { s, c };
  };

  it('prepare resolves the names; target() then carries the IDs for the post step', async () => {
    const { s } = make();
    expect(s.target.resolved).toBeUndefined();
    await s.prepare('daily load');
    expect(s.target).toEqual({
      ...target,
      resolved: {
        workspaceId: WS,
        workspaceName: 'Sales Analytics',
        pipelines: { 'daily load': { id: ITEM, displayName: 'daily load' } },
      },
    });
    expect(s.home).toEqual({ label: 'Workspace', text: `\`Sales Analytics\` (\`${WS}\`)` });
    expect(s.runUrl({ runId: JOB, pipelineName: 'daily load' })).toBe(
      `https://app.fabric.microsoft.com/workloads/data-pipeline/monitoring/workspaces/${WS}/pipelines/daily%20load/${JOB}`,
    );
  });

  it('a saved target needs no resolving', async () => {
    const { s: first } = make();
    await first.prepare('daily load');
    const { s, c } = make(first.target);
    vi.spyOn(c, 'getJob').mockResolvedValue({ job: { id: JOB, status: 'InProgress' }, retryAfterMs: undefined });
    await s.getRun({ runId: JOB, pipelineName: 'daily load' });
    expect(c.listWorkspaces).not.toHaveBeenCalled();
    expect(c.listPipelines).not.toHaveBeenCalled();
    expect(c.getJob).toHaveBeenCalledWith(WS, ITEM, JOB, undefined);
  });

  it('an item given by ID that is not a Data pipeline is refused', async () => {
    const { s, c } = make({ ...target, workspace: WS });
    vi.spyOn(c, 'getItem').mockResolvedValue({ id: ITEM, displayName: 'nb', type: 'Notebook' });
    await expect(s.prepare(ITEM)).rejects.toThrow(/is a Notebook \('nb'\), not a Data pipeline/);
    expect(c.listWorkspaces).not.toHaveBeenCalled();
  });

  it("remembers the start's and the polls' Retry-After for the wait (pollNotBefore)", async () => {
    const { s, c } = make();
    await s.prepare('daily load');
    vi.spyOn(c, 'runPipeline').mockResolvedValue({ jobId: JOB, retryAfterMs: 60_000 });
    const before = Date.now();
    await s.startRun({ pipelineName: 'daily load', parameters: { a: 1 }, flags: {} });
    expect(c.runPipeline).toHaveBeenCalledWith(WS, ITEM, { a: 1 }, undefined);
    const ref = { runId: JOB, pipelineName: 'daily load' };
    expect(s.pollNotBefore(ref)).toBeGreaterThanOrEqual(before + 60_000);
    vi.spyOn(c, 'getJob').mockResolvedValueOnce({ job: { id: JOB, status: 'InProgress' }, retryAfterMs: 3_000 });
    await s.getRun(ref);
    expect(s.pollNotBefore(ref)! - Date.now()).toBeLessThanOrEqual(3_000);
    vi.spyOn(c, 'getJob').mockResolvedValueOnce({ job: { id: JOB, status: 'InProgress' }, retryAfterMs: undefined });
    await s.getRun(ref);
    expect(s.pollNotBefore(ref)).toBeUndefined();
  });

  it('cancel: JobAlreadyCompleted means nothing to cancel; other errors stand', async () => {
    const { s, c } = make();
    const ref = { runId: JOB, pipelineName: 'daily load' };
    const err = (code: string, status = 400) =>
      new ServiceError({ op: 'cancel job instance', status, code, message: 'm' });
    vi.spyOn(c, 'cancelJob').mockRejectedValueOnce(err('JobAlreadyCompleted'));
    await expect(s.cancelRun(ref, true)).resolves.toBeUndefined();
    vi.spyOn(c, 'cancelJob').mockRejectedValueOnce(err('InsufficientPrivileges', 403));
    await expect(s.cancelRun(ref, true)).rejects.toThrow(/InsufficientPrivileges/);
  });

  it("findRuns: the item's job instances in the window and statuses asked, newest first", async () => {
    const { s, c } = make();
    vi.spyOn(c, 'listJobs').mockResolvedValue([
      { id: 'old', status: 'Completed', startTimeUtc: '2026-01-01T00:00:00', endTimeUtc: '2026-01-01T01:00:00' },
      { id: 'a', status: 'InProgress', startTimeUtc: '2026-05-01T10:00:00', endTimeUtc: null },
      { id: 'b', status: 'NotStarted', startTimeUtc: '2026-05-01T11:00:00', endTimeUtc: null },
      { id: 'c', status: 'Completed', startTimeUtc: '2026-05-01T09:00:00', endTimeUtc: '2026-05-01T10:30:00' },
    ]);
    const q = {
      pipelineName: 'daily load',
      after: new Date('2026-05-01T10:15:00Z'),
      before: new Date('2026-05-02T00:00:00Z'),
    };
    expect((await s.findRuns(q)).map((r) => r.runId)).toEqual(['b', 'a', 'c']);
    expect((await s.findRuns({ ...q, statuses: ['Queued', 'InProgress'] })).map((r) => r.runId)).toEqual(['b', 'a']);
  });

  it('activity runs: the item ID Fabric gives as pipelineName becomes the display name', async () => {
    const { s, c } = make();
    await s.prepare('daily load');
    vi.spyOn(c, 'queryActivityRuns').mockResolvedValue([
      { activityName: 'Copy', pipelineName: ITEM.toUpperCase(), status: 'Failed' },
      { activityName: 'Other', pipelineName: 'child', status: 'Succeeded' },
    ]);
    const runs = await s.listActivityRuns({ runId: JOB, pipelineName: 'daily load' });
    expect(runs.map((r) => r.pipelineName)).toEqual(['daily load', 'child']);
    const filter = vi.mocked(c.queryActivityRuns).mock.calls[0]![2];
    expect(filter).toMatchObject({ filters: [], orderBy: [{ orderBy: 'ActivityRunStart', order: 'ASC' }] });
  });

  it('readDefinition: none is offered, said as a notice', async () => {
    const { s } = make();
    const d = await s.readDefinition('daily load');
    expect(d).toMatchObject({ level: 'notice' });
    expect('unavailable' in d && d.unavailable).toMatch(/unchecked/);
  });

  it('names Fabric in what users read, and has no client-request-ID de-duplication', () => {
    const { s } = make();
    expect([s.kind, s.shortName, s.studioName, s.runIdFromClientRequestId]).toEqual([
      'fabric',
      'Fabric',
      'the Fabric monitoring hub',
      false,
    ]);
  });
});

describe('explainFabricError', () => {
  const names = {
    workspace: 'Sales Analytics',
    pipelineName: 'p',
    scope: 'https://api.fabric.microsoft.com/.default',
    apiBase: 'https://api.fabric.microsoft.com',
  };
  const explained = (status: number, code: string) => {
    const e = new ServiceError({ op: 'op', status, code, message: 'm' });
    explainFabricError(e, names);
    return e.hint ?? '';
  };
  it('the tenant setting for PrincipalTypeNotSupported and for 401s', () => {
    expect(explained(401, 'PrincipalTypeNotSupported')).toMatch(
      /Service principals can use Fabric APIs.*Tenant settings → Developer settings/,
    );
    expect(explained(401, 'InvalidToken')).toContain('https://api.fabric.microsoft.com/.default');
    expect(explained(401, 'InvalidToken')).toContain('Service principals can use Fabric APIs');
  });
  it('roles for 403, marking what is not verified', () => {
    const h = explained(403, 'InsufficientPrivileges');
    expect(h).toMatch(/Contributor/);
    expect(h).toMatch(/Viewer/);
    expect(h).toMatch(/not verified/);
  });
  it('what to check for missing things', () => {
    expect(explained(404, 'ItemNotFound')).toContain("Check 'pipeline-name'");
    expect(explained(404, 'WorkspaceNotFound')).toContain("Check 'workspace'");
    expect(explained(404, 'EntityNotFound')).toContain("Check 'service-endpoint'");
  });
});
