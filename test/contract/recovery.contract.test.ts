// Recovery runs as Azure has them, and the action's side of them, against the emulator: the
// services (in process, through the action's own clients) start a run scripted to fail, recover it
// with the flags recovery.ts chooses, and find it again as a re-run would (earlier-run.ts). Both
// Data Factory and Synapse.
import { Agent } from 'node:https';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RestClient } from '../../src/http/rest-client.js';
import { fetchActivityRows, failedActivities } from '../../src/run/activities.js';
import { findEarlierRun } from '../../src/run/earlier-run.js';
import { recoveryPlan } from '../../src/run/recovery.js';
import { decideRetry, parseRetryOn } from '../../src/run/retry-policy.js';
import { runIdFor, type RunIdentity } from '../../src/run/run-ids.js';
import { API_VERSION, parseArmError } from '../../src/services/data-factory/client.js';
import { DataFactoryService } from '../../src/services/data-factory/service.js';
import type { RunView } from '../../src/model/run.js';
import type { PipelineService } from '../../src/services/service.js';
import { API_VERSION as SYNAPSE_API_VERSION, parseSynapseError } from '../../src/services/synapse/client.js';
import { SynapseService } from '../../src/services/synapse/service.js';
import { DEFAULTS, RERUN_PIPELINES, TRANSIENT_ERROR, startEmulator, type Emulator } from '../emulator/index.ts';

let emu: Emulator;
let agent: Agent;
beforeAll(async () => {
  emu = await startEmulator({ seed: true });
  emu.addRerunPipelines();
  agent = new Agent({ ca: emu.caPem, keepAlive: true });
});
afterAll(async () => {
  agent?.destroy();
  await emu?.close();
});

function rest(baseUrl: string, audience: string, apiVersion: string, parseError: typeof parseArmError) {
  return new RestClient({
    baseUrl,
    scope: `${audience}/.default`,
    apiVersion,
    credential: () => ({
      getToken: async () => ({ token: emu.mintAccessToken({ audience }), expiresOnTimestamp: Date.now() + 3_600_000 }),
    }),
    userAgent: 'recovery-contract-test',
    requestTimeoutMs: 10_000,
    agent,
    parseError,
  });
}

type Kind = 'data-factory' | 'synapse';
const emuService = (kind: Kind) => (kind === 'data-factory' ? 'arm' : 'synapse');

function serviceFor(kind: Kind): PipelineService {
  if (kind === 'data-factory') {
    const factory = `/subscriptions/${DEFAULTS.subscriptionId}/resourceGroups/${DEFAULTS.resourceGroup}/providers/Microsoft.DataFactory/factories/${DEFAULTS.factoryName}`;
    return new DataFactoryService(
      {
        service: 'data-factory',
        resourceManager: emu.armUrl,
        subscriptionId: DEFAULTS.subscriptionId,
        resourceGroup: DEFAULTS.resourceGroup,
        factoryName: DEFAULTS.factoryName,
        studioHost: 'https://adf.azure.com',
      },
      rest(`${emu.armUrl}${factory}`, emu.armUrl, API_VERSION, parseArmError),
    );
  }
  const audience = emu.config.synapseAudience;
  return new SynapseService(
    {
      service: 'synapse',
      workspace: DEFAULTS.synapseWorkspace,
      endpoint: emu.synapseEndpoint(),
      resource: audience,
      subscriptionId: '',
      resourceGroup: '',
      studioHost: 'https://web.azuresynapse.net',
    },
    rest(emu.synapseEndpoint(), audience, SYNAPSE_API_VERSION, parseSynapseError),
  );
}

async function ended(service: PipelineService, runId: string): Promise<RunView> {
  for (const until = Date.now() + 15_000; Date.now() < until;) {
    const v = await service.getRun({ runId, pipelineName: '' });
    if (v.status === 'Succeeded' || v.status === 'Failed' || v.status === 'Cancelled') return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`run ${runId} did not end`);
}

const identity = (kind: Kind, pipeline: string, job: string): RunIdentity => ({
  repository: 'octo-org/octo-repo',
  workflowRunId: '1234567890',
  job,
  action: 'run',
  rerunKey: 'null',
  service: kind,
  home: kind === 'data-factory' ? DEFAULTS.factoryName : DEFAULTS.synapseWorkspace,
  pipeline,
  parameters: {},
  item: 0,
});

describe.each(['data-factory', 'synapse'] as const)('%s', (kind) => {
  let service: PipelineService;
  beforeAll(() => {
    service = serviceFor(kind);
  });
  const createRuns = () => emu.requestsFor('createRun', emuService(kind));
  const activities = async (run: RunView) =>
    (await service.listActivityRuns({ runId: run.runId, pipelineName: run.pipelineName, runStart: run.runStart }))
      .map((a) => `${a.activityName}: ${a.status}`)
      .sort();

  it('fails once with a SystemError; the recovery run reruns only the failed activity, in the same group, and succeeds', async () => {
    const id = identity(kind, RERUN_PIPELINES.failsOnce, 'once');
    const firstId = runIdFor(id, 1, 0);
    await service.startRun({
      pipelineName: RERUN_PIPELINES.failsOnce,
      parameters: { runDate: '2026-12-01' },
      flags: {},
      clientRequestId: firstId,
    });
    const first = await ended(service, firstId);
    expect(first).toMatchObject({ status: 'Failed', runGroupId: firstId, isLatest: true, recovery: false });
    const rows = await fetchActivityRows(service, first);
    expect(failedActivities(rows)).toMatchObject([
      { name: 'Refresh model', failureType: 'SystemError', errorCode: TRANSIENT_ERROR.errorCode },
    ]);
    expect(decideRetry(parseRetryOn('system-error').policy, first, failedActivities(rows))).toEqual({
      retry: true,
      reason: 'retrying: every failed activity is a SystemError',
    });

    const plan = recoveryPlan(kind, first, rows);
    expect(plan.flags).toEqual(
      kind === 'data-factory'
        ? { referencePipelineRunId: firstId, isRecovery: true, startFromFailure: true }
        : { referencePipelineRunId: firstId, isRecovery: true, startActivityName: 'Refresh model' },
    );
    const recoveryId = runIdFor(id, 1, 1);
    const started = await service.startRun({
      pipelineName: RERUN_PIPELINES.failsOnce,
      parameters: {},
      flags: plan.flags!,
      clientRequestId: recoveryId,
    });
    expect(started.runId).toBe(recoveryId);
    expect(createRuns().at(-1)!.query).toMatchObject(
      kind === 'data-factory'
        ? { referencePipelineRunId: firstId, isRecovery: 'true', startFromFailure: 'true' }
        : { referencePipelineRunId: firstId, isRecovery: 'true', startActivityName: 'Refresh model' },
    );

    // The group moves on: the recovery run is the latest, the first one no longer.
    expect(await service.getRun({ runId: firstId, pipelineName: '' })).toMatchObject({ isLatest: false });
    const recovered = await ended(service, recoveryId);
    expect(recovered).toMatchObject({
      status: 'Succeeded',
      runGroupId: firstId,
      isLatest: true,
      recovery: true,
      // The reference run's parameters, not the (empty) body's.
      parameters: { runDate: '2026-12-01' },
    });
    expect(await activities(first)).toEqual([
      'Copy sales: Succeeded',
      'Lookup config: Succeeded',
      'Refresh model: Failed',
    ]);
    // Activities that succeeded are not run again, and their time is saved.
    expect(await activities(recovered)).toEqual(['Refresh model: Succeeded']);
    expect(recovered.durationMs!).toBeLessThan(first.durationMs! - 800);
  });

  it('latestInRunGroup: one query with RunGroupId and LatestOnly finds the newest run of the group', async () => {
    emu.config.queryVisibilityDelayMs = 0;
    try {
      const id = identity(kind, RERUN_PIPELINES.failsAlwaysSystem, 'latest');
      const firstId = runIdFor(id, 1, 0);
      await service.startRun({
        pipelineName: RERUN_PIPELINES.failsAlwaysSystem,
        parameters: {},
        flags: {},
        clientRequestId: firstId,
      });
      const first = await ended(service, firstId);
      const flags = recoveryPlan(kind, first, await fetchActivityRows(service, first)).flags!;
      await service.startRun({
        pipelineName: first.pipelineName,
        parameters: {},
        flags,
        clientRequestId: runIdFor(id, 1, 1),
      });
      const window = { after: new Date(Date.now() - 60_000), before: new Date(Date.now() + 60_000) };
      emu.clearRequests();
      const latest = await service.latestInRunGroup!(firstId, window);
      expect(latest).toMatchObject({ runId: runIdFor(id, 1, 1), runGroupId: firstId, isLatest: true, recovery: true });
      const queries = emu.requestsFor('queryPipelineRuns', emuService(kind));
      expect(queries).toHaveLength(1);
      expect(queries[0]!.body).toMatchObject({
        filters: [
          { operand: 'RunGroupId', operator: 'Equals', values: [firstId] },
          { operand: 'LatestOnly', operator: 'Equals', values: ['true'] },
        ],
      });
      expect(await service.latestInRunGroup!('00000000-0000-0000-0000-000000000000', window)).toBeUndefined();
    } finally {
      emu.config.queryVisibilityDelayMs = 1000;
    }
  });

  it('a re-run finds the earlier attempt: recover a failure, then reuse the recovered success (a read per attempt, one query)', async () => {
    emu.config.queryVisibilityDelayMs = 0;
    try {
      const id = identity(kind, RERUN_PIPELINES.failsOnce, 'rerun');
      // Attempt 1 started its try 0, which failed.
      await service.startRun({
        pipelineName: id.pipeline,
        parameters: {},
        flags: {},
        clientRequestId: runIdFor(id, 1, 0),
      });
      await ended(service, runIdFor(id, 1, 0));

      emu.clearRequests();
      const second = await findEarlierRun(service, id, 2);
      expect(second).toMatchObject({ kind: 'recover', attempt: 1, reads: 2, run: { runId: runIdFor(id, 1, 0) } });
      expect(emu.requests.map((q) => q.op)).toEqual(['getRun', 'queryPipelineRuns']);
      if (second.kind !== 'recover') throw new Error('unreachable');
      const rows = await fetchActivityRows(service, second.run);
      await service.startRun({
        pipelineName: id.pipeline,
        parameters: {},
        flags: recoveryPlan(kind, second.run, rows).flags!,
        clientRequestId: runIdFor(id, 2, 0),
      });
      // While the recovery runs, attempt 3 attaches to it.
      const during = await findEarlierRun(service, id, 3);
      expect(during).toMatchObject({ kind: 'attach', attempt: 2, run: { runId: runIdFor(id, 2, 0) } });
      await ended(service, runIdFor(id, 2, 0));

      emu.clearRequests();
      const third = await findEarlierRun(service, id, 3);
      expect(third).toMatchObject({ kind: 'reuse', attempt: 2, reads: 2, run: { runId: runIdFor(id, 2, 0) } });
      expect(emu.requests.map((q) => q.op)).toEqual(['getRun', 'queryPipelineRuns']);
      // A 404 for an attempt that started nothing costs one read and moves on to the one before.
      emu.clearRequests();
      const fourth = await findEarlierRun(service, id, 5);
      expect(fourth).toMatchObject({ kind: 'reuse', attempt: 2, reads: 4 });
      expect(emu.requests.map((q) => `${q.op} ${q.status}`)).toEqual([
        'getRun 404',
        'getRun 404',
        'getRun 200',
        'queryPipelineRuns 200',
      ]);
    } finally {
      emu.config.queryVisibilityDelayMs = 1000;
    }
  });

  it('fails always with a UserError: the recovery fails again, and the policy does not retry it', async () => {
    const id = identity(kind, RERUN_PIPELINES.failsAlways, 'always');
    await service.startRun({
      pipelineName: id.pipeline,
      parameters: {},
      flags: {},
      clientRequestId: runIdFor(id, 1, 0),
    });
    const first = await ended(service, runIdFor(id, 1, 0));
    const rows = await fetchActivityRows(service, first);
    expect(decideRetry(parseRetryOn('system-error').policy, first, failedActivities(rows))).toEqual({
      retry: false,
      reason: "not retrying: activity 'Refresh model' failed with UserError 2200",
    });
    await service.startRun({
      pipelineName: id.pipeline,
      parameters: {},
      flags: recoveryPlan(kind, first, rows).flags!,
      clientRequestId: runIdFor(id, 1, 1),
    });
    const again = await ended(service, runIdFor(id, 1, 1));
    expect(again.status).toBe('Failed');
    expect(await activities(again)).toEqual(['Refresh model: Failed']);
  });

  it('a run started anew (no isRecovery) is a group of its own, and fails once again', async () => {
    const a = await service.startRun({ pipelineName: RERUN_PIPELINES.failsOnce, parameters: {}, flags: {} });
    const failed = await ended(service, a.runId);
    const b = await service.startRun({
      pipelineName: RERUN_PIPELINES.failsOnce,
      parameters: {},
      flags: { referencePipelineRunId: a.runId },
    });
    const again = await ended(service, b.runId);
    expect(failed.status).toBe('Failed');
    expect(again).toMatchObject({ status: 'Failed', runGroupId: b.runId, recovery: false });
    expect(await activities(again)).toHaveLength(3);
  });

  it('startActivityName reruns that activity and those after it', async () => {
    const a = await service.startRun({ pipelineName: RERUN_PIPELINES.failsAlways, parameters: {}, flags: {} });
    await ended(service, a.runId);
    const b = await service.startRun({
      pipelineName: RERUN_PIPELINES.failsAlways,
      parameters: {},
      flags: { referencePipelineRunId: a.runId, isRecovery: true, startActivityName: 'Copy sales' },
    });
    expect(await activities(await ended(service, b.runId))).toEqual(['Copy sales: Succeeded', 'Refresh model: Failed']);
  });

  it("RunGroupId takes one value: a list is refused with ADF's text (runGroupIdValues 'one')", async () => {
    emu.config.runGroupIdValues = 'one';
    const rest = (service as DataFactoryService | SynapseService).client;
    await expect(
      rest.queryPipelineRuns({
        lastUpdatedAfter: new Date(Date.now() - 60_000).toISOString(),
        lastUpdatedBefore: new Date().toISOString(),
        filters: [{ operand: 'RunGroupId', operator: 'In', values: ['a', 'b'] }],
      }),
    ).rejects.toThrow(
      "Filter operand 'RunGroupId' does not support and array of values. Make sure to provide only one.",
    );
    emu.config.runGroupIdValues = 'any';
  });
});

describe('data-factory from-failure semantics', () => {
  let service: PipelineService;
  beforeAll(() => {
    service = serviceFor('data-factory');
    emu.addPipeline({
      subscriptionId: DEFAULTS.subscriptionId,
      resourceGroup: DEFAULTS.resourceGroup,
      factoryName: DEFAULTS.factoryName,
      name: 'parallel-branches',
      script: {
        activities: [
          // Two branches side by side, the first listed fails once; then a final step after both.
          { name: 'Copy us', type: 'Copy', startMs: 0, durationMs: 400, failTimes: 1 },
          { name: 'Copy eu', type: 'Copy', startMs: 0, durationMs: 400 },
          { name: 'Publish', type: 'WebActivity', startMs: 400, durationMs: 200 },
        ],
      },
    });
  });
  it("failPer 'pipeline': the pipeline's first run fails, and a later run started anew succeeds", async () => {
    emu.addPipeline({
      subscriptionId: DEFAULTS.subscriptionId,
      resourceGroup: DEFAULTS.resourceGroup,
      factoryName: DEFAULTS.factoryName,
      name: 'fails-first-run',
      script: {
        activities: [{ name: 'Refresh', type: 'WebActivity', durationMs: 200, failTimes: 1, failPer: 'pipeline' }],
      },
    });
    const a = await service.startRun({ pipelineName: 'fails-first-run', parameters: {}, flags: {} });
    expect((await ended(service, a.runId)).status).toBe('Failed');
    const b = await service.startRun({ pipelineName: 'fails-first-run', parameters: {}, flags: {} });
    expect(await ended(service, b.runId)).toMatchObject({ status: 'Succeeded', runGroupId: b.runId });
  });

  const names = async (runId: string) =>
    (await service.listActivityRuns({ runId, pipelineName: '' })).map((a) => `${a.activityName}: ${a.status}`).sort();

  it('a branch that succeeded beside the failed activity is not rerun; what follows the failure is', async () => {
    const a = await service.startRun({ pipelineName: 'parallel-branches', parameters: {}, flags: {} });
    expect((await ended(service, a.runId)).status).toBe('Failed');
    const b = await service.startRun({
      pipelineName: 'parallel-branches',
      parameters: {},
      flags: { referencePipelineRunId: a.runId, isRecovery: true, startFromFailure: true },
    });
    expect((await ended(service, b.runId)).status).toBe('Succeeded');
    expect(await names(b.runId)).toEqual(['Copy us: Succeeded', 'Publish: Succeeded']);
  });

  it('a cancelled run: its recovery from failure reruns what was cancelled or never started', async () => {
    const a = await service.startRun({ pipelineName: RERUN_PIPELINES.failsOnce, parameters: {}, flags: {} });
    // Cancel during 'Copy sales' (Queued 200 ms, then 500 ms per activity).
    await new Promise((r) => setTimeout(r, 950));
    await service.cancelRun({ runId: a.runId, pipelineName: '' }, true);
    const cancelled = await ended(service, a.runId);
    expect(cancelled.status).toBe('Cancelled');
    expect(await names(a.runId)).toEqual(['Copy sales: Cancelled', 'Lookup config: Succeeded']);
    const plan = recoveryPlan('data-factory', cancelled);
    expect(plan.notes[0]).toContain('was cancelled');
    const b = await service.startRun({
      pipelineName: RERUN_PIPELINES.failsOnce,
      parameters: {},
      flags: plan.flags!,
    });
    // The group's first run never reached 'Refresh model', so this is the first run of it: it fails.
    expect((await ended(service, b.runId)).status).toBe('Failed');
    expect(await names(b.runId)).toEqual(['Copy sales: Succeeded', 'Refresh model: Failed']);
  });
});
