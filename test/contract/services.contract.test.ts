// Contract tests for the emulated Synapse development endpoint and Fabric REST API: shapes, status codes,
// headers and key order as in the verbatim examples (../shared/adf-spec/{synapse,fabric}/examples) and the real
// recordings (../shared/real-recordings); plus the run-identity rule of createRun (ADF and Synapse).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_PIPELINES,
  DEFAULTS,
  FABRIC_PIPELINE_IDS,
  startEmulator,
  writeFakeAzConfig,
  type Emulator,
  type RunScript,
} from '../emulator/index.ts';
import { recordingsDir, specDir } from '../support/spec.ts';
import { decodeJwtPayload, http, type HttpOptions, type HttpResult } from './helpers.ts';

const D = DEFAULTS;
const WS = D.synapseWorkspace;
const FWS = D.fabricWorkspaceId;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SYN_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,7})?Z$/;
const FABRIC_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,7})?$/;
const WIDE = { lastUpdatedAfter: '0001-01-01T00:00:00.0000000Z', lastUpdatedBefore: '9999-12-31T23:59:59.9999999Z' };
const FAST: RunScript = {
  phases: [
    { status: 'Queued', ms: 150 },
    { status: 'InProgress', ms: 150 },
  ],
  activities: [{ name: 'Noop', type: 'Wait' }],
};
const SLOW: RunScript = {
  phases: [
    { status: 'Queued', ms: 20 },
    { status: 'InProgress', ms: 60_000 },
  ],
  activities: [{ name: 'Wait', type: 'Wait' }],
};

interface Interaction {
  method: string;
  path: string;
  query: Record<string, string>;
  status: number;
  responseHeaders: Record<string, string>;
  responseBody: unknown;
  otherHeaders?: Record<string, string>;
}
function recording(name: string): Interaction[] {
  return (JSON.parse(readFileSync(resolve(recordingsDir, name), 'utf8')) as { interactions: Interaction[] })
    .interactions;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function specExample(path: string): any {
  return JSON.parse(readFileSync(resolve(specDir, path), 'utf8'));
}
const keys = (o: unknown) => Object.keys(o as Record<string, unknown>);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let emu: Emulator;
let synToken: string;
let fabToken: string;

beforeAll(async () => {
  emu = await startEmulator({ seed: true, cancelDelayMs: 100 });
  synToken = emu.mintAccessToken({ audience: 'https://dev.azuresynapse.net' });
  fabToken = emu.mintAccessToken({ audience: 'https://api.fabric.microsoft.com' });
});
afterAll(async () => {
  await emu?.close();
});

function syn(method: string, path: string, opts: HttpOptions = {}, ws: string = WS): Promise<HttpResult> {
  const url = `${emu.synapseEndpoint(ws)}${path}${path.includes('?') ? '&' : '?'}api-version=2020-12-01`;
  return http(emu, method, url, { ...opts, headers: { authorization: `Bearer ${synToken}`, ...(opts.headers ?? {}) } });
}
function fab(method: string, path: string, opts: HttpOptions = {}): Promise<HttpResult> {
  const url = path.startsWith('https://') ? path : `${emu.fabricUrl}${path}`;
  return http(emu, method, url, { ...opts, headers: { authorization: `Bearer ${fabToken}`, ...(opts.headers ?? {}) } });
}
async function synRun(pipeline: string, script: RunScript = FAST, opts: HttpOptions = {}): Promise<string> {
  emu.nextSynapseRunScript(pipeline, script);
  const r = await syn('POST', `/pipelines/${pipeline}/createRun`, opts);
  expect(r.status, r.text).toBe(202);
  return r.json.runId as string;
}

describe('Synapse development endpoint', () => {
  const rec = recording('azure-cli__synapse_test_pipeline.json');

  it('GET /pipelines/{name}: the recorded resource shape; a missing one is the recorded unwrapped 404', async () => {
    const r = await syn('GET', '/pipelines/daily-load');
    expect(r.status).toBe(200);
    const recorded = rec.find((i) => i.method === 'GET' && i.status === 200)!.responseBody as Record<string, unknown>;
    expect(keys(r.json)).toEqual(keys(recorded));
    expect(r.json.id).toBe(
      `/subscriptions/${D.subscriptionId}/resourceGroups/${D.resourceGroup}/providers/Microsoft.Synapse/workspaces/${WS}/pipelines/daily-load`,
    );
    expect(r.json.type).toBe('Microsoft.Synapse/workspaces/pipelines');
    expect(r.json.properties.lastPublishTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(r.json.properties.parameters.apiKey).toMatchObject({ type: 'SecureString' });
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(r.headers['x-ms-request-id']).toMatch(GUID);

    const missing = await syn('GET', '/pipelines/nope');
    const recorded404 = rec.find((i) => i.status === 404)!;
    expect(missing.status).toBe(404);
    expect(keys(missing.json)).toEqual(keys(recorded404.responseBody));
    expect(missing.json).toEqual({
      code: 'PipelineNotFound',
      message: `The Pipeline nope was not found in (subscription=${D.subscriptionId} resourceGroup=${D.resourceGroup} workspace=${WS})`,
    });
    expect(emu.requestsFor('getPipeline', 'synapse').map((q) => q.status)).toEqual([200, 404]);
  });

  it('GET /pipelines lists every pipeline, paged with nextLink only when there is more', async () => {
    const all = await syn('GET', '/pipelines');
    expect(all.status).toBe(200);
    expect(keys(all.json)).toEqual(['value']);
    expect(all.json.value.map((p: { name: string }) => p.name).sort()).toEqual(Object.values(DEFAULT_PIPELINES).sort());
    emu.config.synapsePageSize = 4;
    try {
      const first = await syn('GET', '/pipelines');
      expect(first.json.value).toHaveLength(4);
      const next = await http(emu, 'GET', first.json.nextLink, { headers: { authorization: `Bearer ${synToken}` } });
      expect(next.json.value.map((p: { name: string }) => p.name)).toEqual(['child-load', 'parent-with-child']);
      expect(next.json).not.toHaveProperty('nextLink');
    } finally {
      emu.config.synapsePageSize = 100;
    }
  });

  it('createRun answers 202 {runId} as the example; the run body has the recorded keys in the recorded order', async () => {
    const ex = specExample('synapse/examples/Pipelines_CreateRun.json');
    emu.nextSynapseRunScript('quick', FAST);
    const r = await syn('POST', '/pipelines/quick/createRun', { json: { batch: 1 } });
    expect(r.status).toBe(202);
    expect(keys(r.json)).toEqual(keys(ex.responses['202'].body));
    const runId = r.json.runId as string;
    expect(emu.getRun(runId)).toMatchObject({ service: 'synapse', pipelineName: 'quick', factoryName: WS });

    const queued = await syn('GET', `/pipelineruns/${runId}`);
    const recorded = rec.find((i) => i.path.startsWith('/pipelineruns/') && i.method === 'GET')!.responseBody;
    expect(keys(queued.json)).toEqual(keys(recorded));
    expect(queued.json).toMatchObject({
      status: 'Queued',
      message: null,
      runEnd: null,
      durationInMs: null,
      output: null,
      debugRunId: null,
      runDimension: {},
    });
    expect(queued.json.runStart).toMatch(SYN_TIME); // set while Queued
    expect(queued.json.id).toBe(
      `/SUBSCRIPTIONS/${D.subscriptionId.toUpperCase()}/RESOURCEGROUPS/${D.resourceGroup.toUpperCase()}/PROVIDERS/MICROSOFT.SYNAPSE/WORKSPACES/${WS.toUpperCase()}/pipelineruns/${runId}`,
    );
    expect(queued.json.parameters).toEqual({ batch: '1' });
    await sleep(400);
    const done = await syn('GET', `/pipelineruns/${runId}`);
    expect(done.json).toMatchObject({ status: 'Succeeded', message: '' });
    expect(done.json.runEnd).toMatch(SYN_TIME);
    expect(done.json.lastUpdated).toBe(done.json.runEnd);
    expect(done.json.durationInMs).toBe(Date.parse(done.json.runEnd) - Date.parse(done.json.runStart));
  });

  it('createRun refuses startFromFailure; recovery reruns keep the group', async () => {
    const bad = await syn('POST', '/pipelines/quick/createRun?startFromFailure=true');
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('BadRequest');
    const first = await synRun('nightly-fail');
    const rerun = await syn(
      'POST',
      `/pipelines/nightly-fail/createRun?referencePipelineRunId=${first}&isRecovery=true`,
    );
    expect(rerun.status).toBe(202);
    expect(emu.getRun(rerun.json.runId)!.runGroupId).toBe(first);
    const unknownRef = await syn('POST', `/pipelines/quick/createRun?referencePipelineRunId=${'0'.repeat(32)}`);
    expect(unknownRef.json.error).toMatchObject({ code: 'ReferencedPipelineRunNotValid', target: 'pipeline/quick/' });
  });

  it('queryPipelineRuns: both bounds required; no continuationToken key on the last page; oldest first; rows like GET', async () => {
    const a = await synRun('quick');
    const b = await synRun('quick');
    const missing = await syn('POST', '/queryPipelineRuns', { json: { lastUpdatedAfter: WIDE.lastUpdatedAfter } });
    expect(missing.status).toBe(400);
    const r = await syn('POST', '/queryPipelineRuns', {
      json: { ...WIDE, filters: [{ operand: 'PipelineName', operator: 'Equals', values: ['quick'] }] },
    });
    expect(r.status).toBe(200);
    expect(keys(r.json)).toEqual(['value']);
    const ids = r.json.value.map((v: { runId: string }) => v.runId);
    expect(ids.indexOf(a)).toBeLessThan(ids.indexOf(b));
    const recorded = rec.find((i) => i.path.startsWith('/pipelineruns/') && i.method === 'GET')!.responseBody;
    expect(keys(r.json.value[0])).toEqual(keys(recorded));
    const empty = await syn('POST', '/queryPipelineRuns', {
      json: { lastUpdatedAfter: '2020-09-01T00:36:44.334576Z', lastUpdatedBefore: '2020-10-16T00:36:44.334576Z' },
    });
    expect(empty.json).toEqual(rec.find((i) => i.path === '/queryPipelineRuns')!.responseBody);
  });

  it('queryActivityruns lives under /pipelines/{name}/; another pipeline name gives an empty page', async () => {
    const runId = await synRun('daily-load', {
      phases: [{ status: 'InProgress', ms: 100 }],
      activities: [{ name: 'ExampleCopyActivity', type: 'Copy', output: { dataRead: 1 } }],
    });
    await sleep(150);
    const r = await syn('POST', `/pipelines/daily-load/pipelineruns/${runId}/queryActivityruns`, { json: WIDE });
    expect(r.status).toBe(200);
    const ex = specExample('synapse/examples/ActivityRuns_QueryByPipelineRun.json').responses['200'].body.value[0];
    expect(keys(r.json.value[0])).toEqual(keys(ex));
    expect(r.json.value[0]).toMatchObject({ pipelineName: 'daily-load', pipelineRunId: runId, status: 'Succeeded' });
    const other = await syn('POST', `/pipelines/quick/pipelineruns/${runId}/queryActivityruns`, { json: WIDE });
    expect(other).toMatchObject({ status: 200, json: { value: [] } });
    expect(emu.requestsFor('queryActivityRuns', 'synapse')).toHaveLength(2);
  });

  it('cancel: 200 empty without Content-Type, also for an ended run; Cancelled has runEnd and durationInMs', async () => {
    const runId = await synRun('long-running', SLOW);
    const c = await syn('POST', `/pipelineruns/${runId}/cancel?isRecursive=true`);
    expect(c.status).toBe(200);
    expect(c.text).toBe('');
    expect(c.headers['content-type']).toBeUndefined();
    expect((await syn('GET', `/pipelineruns/${runId}`)).json.status).toBe('Canceling');
    await sleep(150);
    const v = (await syn('GET', `/pipelineruns/${runId}`)).json;
    expect(v).toMatchObject({ status: 'Cancelled', message: '', output: null });
    expect(v.runEnd).toMatch(SYN_TIME);
    expect(typeof v.durationInMs).toBe('number');
    const again = await syn('POST', `/pipelineruns/${runId}/cancel`);
    expect(again.status).toBe(200);
    expect(emu.getRun(runId)!.cancelRequests.map((x) => x.isRecursive)).toEqual([true, null]);
    const unknown = await syn('POST', `/pipelineruns/efbe5443-9879-4495-94a6-4d7c394133ad/cancel`);
    expect(unknown.status).toBe(400);
    expect(unknown.json).toEqual({
      error: {
        code: 'ReferencedPipelineRunNotFound',
        message: 'Referenced pipeline run id efbe5443-9879-4495-94a6-4d7c394133ad does not exist.',
        target: 'pipelinerun',
        details: null,
      },
    });
  });

  it('token: the audience must be exactly the configured Synapse resource (unwrapped 401 otherwise)', async () => {
    const arm = await syn('GET', '/pipelines/quick', { headers: { authorization: `Bearer ${emu.mintAccessToken()}` } });
    expect(arm.status).toBe(401);
    expect(arm.json.code).toBe('InvalidTokenAuthenticationAudience');
    expect(arm.json.message).toMatch(
      /^Token Authentication failed with SecurityTokenInvalidAudienceException - IDX10214/,
    );
    const slash = emu.mintAccessToken({ audience: 'https://dev.azuresynapse.net/' });
    expect((await syn('GET', '/pipelines/quick', { headers: { authorization: `Bearer ${slash}` } })).status).toBe(401);
    const none = await http(emu, 'GET', `${emu.synapseEndpoint()}/pipelines/quick?api-version=2020-12-01`);
    expect(none.status).toBe(401);
    expect(keys(none.json)).toEqual(['code', 'message']);
    for (const aud of ['https://dev.azuresynapse.usgovcloudapi.net', 'https://dev.azuresynapse.azure.cn']) {
      emu.config.synapseAudience = aud;
      try {
        const t = await http(emu, 'POST', `${emu.entraUrl}/${D.tenantId}/oauth2/v2.0/token`, {
          form: {
            grant_type: 'client_credentials',
            client_id: D.clientId,
            client_secret: D.clientSecret,
            scope: `${aud}/.default`,
          },
        });
        expect(decodeJwtPayload(t.json.access_token).aud).toBe(aud);
        const ok = await syn('GET', '/pipelines/quick', {
          headers: { authorization: `Bearer ${t.json.access_token}` },
        });
        expect(ok.status).toBe(200);
        expect((await syn('GET', '/pipelines/quick')).status).toBe(401);
      } finally {
        emu.config.synapseAudience = 'https://dev.azuresynapse.net';
      }
    }
  });

  it('Synapse RBAC: a denied action answers 403 naming the action and scope', async () => {
    emu.deny(D.clientId, 'Microsoft.Synapse/workspaces/credentials/useSecret/action');
    try {
      const r = await syn('POST', '/pipelines/quick/createRun');
      expect(r.status).toBe(403);
      expect(r.json.error.code).toBe('Unauthorized');
      expect(r.json.error.message).toBe(
        `The principal '${D.objectId}' does not have the required Synapse RBAC permission to perform this action. Required permission: Action: Microsoft.Synapse/workspaces/credentials/useSecret/action, Scope: workspaces/${WS}/credentials/WorkspaceSystemIdentity.`,
      );
      expect((await syn('GET', '/pipelines/quick')).status).toBe(200);
    } finally {
      emu.allow(D.clientId);
    }
  });

  it('faults apply per Synapse route, with Retry-After', async () => {
    emu.faults.add({ service: 'synapse', op: 'createRun', fault: { status: 429, retryAfter: 3 } });
    const r = await syn('POST', '/pipelines/quick/createRun');
    expect(r.status).toBe(429);
    expect(r.headers['retry-after']).toBe('3');
    expect(r.json.error.code).toBe('TooManyRequests');
    expect(emu.requestsFor('createRun', 'synapse').at(-1)).toMatchObject({ fault: 'status:429', status: 429 });
  });

  it('echoes x-ms-client-request-id and answers with request and correlation ids, as the .NET recordings show', async () => {
    const recorded = recording('azure-sdk-for-net__synapse_TestGet.json')[0]!;
    const r = await syn('POST', '/pipelines/quick/createRun', {
      headers: { 'x-ms-client-request-id': 'a9f1db9c8fc7e1b7f9e3e4eeda42f519' },
    });
    for (const h of Object.keys(recorded.responseHeaders)) expect(r.headers[h.toLowerCase()], h).toBeDefined();
    expect(r.headers['x-ms-client-request-id']).toBe('a9f1db9c8fc7e1b7f9e3e4eeda42f519');
  });
});

describe('createRun and run identity (ADF and Synapse)', () => {
  const armCreate = (pipeline: string, headers: Record<string, string> = {}) =>
    http(
      emu,
      'POST',
      `${emu.armUrl}/subscriptions/${D.subscriptionId}/resourceGroups/${D.resourceGroup}/providers/Microsoft.DataFactory/factories/${D.factoryName}/pipelines/${pipeline}/createRun?api-version=2018-06-01`,
      { headers: { authorization: `Bearer ${emu.mintAccessToken()}`, ...headers } },
    );

  it('ADF: a GUID client request id becomes the run id; a repeat starts nothing and answers 200 with that run', async () => {
    const id = '9c51f7b2-a656-11eb-8000-00155d55965d';
    const first = await armCreate('quick', { 'x-ms-client-request-id': id });
    expect(first).toMatchObject({ status: 200, json: { runId: id } });
    const before = emu.runs.length;
    const again = await armCreate('quick', { 'x-ms-client-request-id': id.toUpperCase() });
    expect(again).toMatchObject({ status: 200, json: { runId: id } });
    expect(emu.runs).toHaveLength(before);
    const run = emu.getRun(id)!;
    expect(run.clientRequestId).toBe(id);
    expect(run.repeatedCreates).toHaveLength(1);
    const sent = emu
      .requestsFor('createRun', 'arm')
      .slice(-2)
      .map((q) => q.headers['x-ms-client-request-id']?.toLowerCase());
    expect(sent).toEqual([id, id]);
  });

  it('Synapse: 32 hex digits are re-formatted as a GUID (as recorded); the repeat answers 202 with the earlier run', async () => {
    const recorded = recording('azure-sdk-for-net__synapse_TestGet.json')[0]! as Interaction & {
      requestHeaders: Record<string, string>;
    };
    const hex = recorded.requestHeaders['x-ms-client-request-id']!;
    const first = await syn('POST', '/pipelines/quick/createRun', { headers: { 'x-ms-client-request-id': hex } });
    expect(first.status).toBe(202);
    expect(first.json).toEqual(recorded.responseBody);
    const again = await syn('POST', '/pipelines/quick/createRun', { headers: { 'x-ms-client-request-id': hex } });
    expect(again).toMatchObject({ status: 202, json: recorded.responseBody });
    expect(emu.runs.filter((r) => r.clientRequestId === hex)).toHaveLength(1);
  });

  it('without the header, or with a non-GUID one, or with honourClientRequestId off: random ids, every createRun starts a run', async () => {
    const none = await armCreate('quick');
    expect(none.json.runId).toMatch(GUID);
    const odd = await armCreate('quick', { 'x-ms-client-request-id': 'retry-1' });
    expect(emu.getRun(odd.json.runId)!.clientRequestId).toBe('retry-1');
    emu.config.honourClientRequestId = false;
    try {
      const id = '11111111-2222-4333-8444-555555555555';
      const a = await armCreate('quick', { 'x-ms-client-request-id': id });
      const b = await syn('POST', '/pipelines/quick/createRun', { headers: { 'x-ms-client-request-id': id } });
      expect(a.json.runId).not.toBe(id);
      expect(b.json.runId).not.toBe(id);
      expect(a.json.runId).not.toBe(b.json.runId);
      expect(emu.getRun(a.json.runId)!.clientRequestId).toBe(id);
    } finally {
      emu.config.honourClientRequestId = true;
    }
  });
});

describe('Fabric REST API', () => {
  const runRec = recording('fabric-cli__test_run_pipeline.json');
  const items = (id: string) => `/v1/workspaces/${FWS}/items/${id}`;
  async function startJob(id: string, script?: Parameters<Emulator['nextFabricJobScript']>[1], opts: HttpOptions = {}) {
    if (script) emu.nextFabricJobScript(id, script);
    const r = await fab('POST', `${items(id)}/jobs/instances?jobType=Pipeline`, opts);
    expect(r.status, r.text).toBe(202);
    return { r, jobId: String(r.headers.location).split('/').at(-1)! };
  }

  it('lists workspaces and DataPipeline items, paged with continuationToken and continuationUri', async () => {
    const ws = await fab('GET', '/v1/workspaces');
    expect(ws.status).toBe(200);
    expect(ws.json.value).toContainEqual({
      id: FWS,
      displayName: D.fabricWorkspaceName,
      description: 'Emulated Fabric workspace',
      type: 'Workspace',
      capacityId: D.fabricCapacityId,
    });
    expect(ws.json).not.toHaveProperty('continuationToken');
    const list = await fab('GET', `/v1/workspaces/${FWS}/items?type=DataPipeline`);
    expect(list.json.value.map((i: { displayName: string }) => i.displayName)).toEqual([
      'daily-load',
      'nightly-fail',
      'long-running',
      'quick',
    ]);
    expect(keys(list.json.value[0])).toEqual(['id', 'displayName', 'description', 'type', 'workspaceId']);
    emu.config.fabricPageSize = 3;
    try {
      const p1 = await fab('GET', `/v1/workspaces/${FWS}/items?type=DataPipeline`);
      expect(p1.json.value).toHaveLength(3);
      expect(p1.json.continuationUri).toContain(`continuationToken=${p1.json.continuationToken}`);
      const p2 = await fab('GET', p1.json.continuationUri);
      expect(p2.json.value.map((i: { id: string }) => i.id)).toEqual([FABRIC_PIPELINE_IDS.quick]);
      expect(keys(p2.json)).toEqual(['value']);
    } finally {
      emu.config.fabricPageSize = 100;
    }
    const item = await fab('GET', items(FABRIC_PIPELINE_IDS.dailyLoad));
    expect(item.json).toMatchObject({ id: FABRIC_PIPELINE_IDS.dailyLoad, type: 'DataPipeline', workspaceId: FWS });
    expect(emu.requestsFor('listItems', 'fabric')).toHaveLength(3);
  });

  it('run: 202, empty body, application/octet-stream, Location and Retry-After as recorded; parameters from executionData', async () => {
    const recorded = runRec[0]!;
    const params = { string_param: 'new_value', int_param: 10, secstr_param: 'secret' };
    const { r, jobId } = await startJob(FABRIC_PIPELINE_IDS.dailyLoad, undefined, {
      json: { executionData: { parameters: params } },
    });
    expect(r.text).toBe('');
    expect(r.headers['content-type']).toBe(recorded.responseHeaders['Content-Type']);
    expect(r.headers.location).toBe(`${emu.fabricUrl}${items(FABRIC_PIPELINE_IDS.dailyLoad)}/jobs/instances/${jobId}`);
    expect(r.headers['retry-after']).toBe('1');
    expect(r.headers.requestid).toMatch(GUID);
    expect(keys(recorded.responseHeaders).sort()).toEqual(['Content-Type', 'Location', 'Retry-After']);
    const job = emu.fabricJob(jobId)!;
    expect(job.parameters).toMatchObject({ ...params, batchSize: 500, sourcePath: 'raw/daily' });
    expect(job.rootActivityId).toBe(r.headers.requestid);
    // The path form and the recorded Retry-After.
    emu.config.fabricRetryAfterSec = 60;
    try {
      const path = await fab('POST', `${items(FABRIC_PIPELINE_IDS.quick)}/jobs/Pipeline/instances`);
      expect(path.status).toBe(202);
      expect(path.headers['retry-after']).toBe(recorded.responseHeaders['Retry-After']);
    } finally {
      emu.config.fabricRetryAfterSec = 1;
    }
    const badType = await fab('POST', `${items(FABRIC_PIPELINE_IDS.quick)}/jobs/instances?jobType=RunNotebook`);
    expect(badType.status).toBe(400);
    expect(badType.json.errorCode).toBe('InvalidJobType');
    expect(badType.headers['x-ms-public-api-error-code']).toBe('InvalidJobType');
  });

  it('poll: the recorded keys in the recorded order, zone-less times, NotStarted -> InProgress -> Completed', async () => {
    const { r, jobId } = await startJob(FABRIC_PIPELINE_IDS.quick, {
      phases: [
        { status: 'NotStarted', ms: 150 },
        { status: 'InProgress', ms: 200 },
      ],
    });
    const url = String(r.headers.location);
    const first = await fab('GET', url);
    expect(keys(first.json)).toEqual(keys(runRec[1]!.responseBody));
    expect(first.json).toMatchObject({
      id: jobId,
      itemId: FABRIC_PIPELINE_IDS.quick,
      jobType: 'Pipeline',
      invokeType: 'Manual',
      status: 'NotStarted',
      failureReason: null,
      endTimeUtc: null,
    });
    expect(first.json.rootActivityId).toBe(r.headers.requestid);
    expect(first.json.startTimeUtc).toMatch(FABRIC_TIME);
    await sleep(200);
    const running = await fab('GET', url);
    expect(running.json.status).toBe('InProgress');
    expect(running.json.startTimeUtc).not.toBe(first.json.startTimeUtc); // as recorded: changes once it runs
    await sleep(250);
    const done = await fab('GET', url);
    expect(done.json.status).toBe('Completed');
    expect(done.json.endTimeUtc).toMatch(FABRIC_TIME);
    expect(done.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(emu.fabricJobStatus(jobId)).toBe('Completed');
  });

  it("a Failed job carries the recorded failureReason (requestId = that answer's RequestId); Deduped is scriptable", async () => {
    const failedRec = recording('fabric-cli__test_job_run_exits_with_code_1_success.json')[1]!;
    const { r } = await startJob(FABRIC_PIPELINE_IDS.nightlyFail, {
      phases: [{ status: 'InProgress', ms: 50 }],
      final: 'Failed',
    });
    await sleep(80);
    const g = await fab('GET', String(r.headers.location));
    expect(g.json.status).toBe('Failed');
    expect(keys(g.json.failureReason)).toEqual(
      keys((failedRec.responseBody as { failureReason: unknown }).failureReason),
    );
    expect(g.json.failureReason).toEqual({
      requestId: g.headers.requestid,
      errorCode: 'JobInstanceStatusFailed',
      message: 'Job instance failed without detail error',
      isRetriable: false,
    });
    const custom = await startJob(FABRIC_PIPELINE_IDS.nightlyFail, {
      phases: [],
      final: 'Failed',
      failureReason: { message: 'Copy sales failed' },
    });
    expect((await fab('GET', String(custom.r.headers.location))).json.failureReason.message).toBe('Copy sales failed');
    const dd = await startJob(FABRIC_PIPELINE_IDS.quick, { final: 'Deduped' });
    const v = (await fab('GET', String(dd.r.headers.location))).json;
    expect(v).toMatchObject({ status: 'Deduped', failureReason: null });
    expect(v.endTimeUtc).toMatch(FABRIC_TIME);
  });

  it('Retry-After on polls and the status lag are configurable', async () => {
    emu.config.fabricPollRetryAfterSec = 45;
    emu.config.fabricStatusLagMs = 200;
    try {
      const { r } = await startJob(FABRIC_PIPELINE_IDS.quick, { phases: [{ status: 'InProgress', ms: 50 }] });
      await sleep(80);
      const lagging = await fab('GET', String(r.headers.location));
      expect(lagging.json).toMatchObject({ status: 'InProgress', endTimeUtc: null });
      expect(lagging.headers['retry-after']).toBe('45');
      await sleep(250);
      const done = await fab('GET', String(r.headers.location));
      expect(done.json.status).toBe('Completed');
      expect(done.headers['retry-after']).toBeUndefined();
    } finally {
      emu.config.fabricPollRetryAfterSec = null;
      emu.config.fabricStatusLagMs = 0;
    }
  });

  it("lists job instances newest first, in the spec example's envelope", async () => {
    const a = await startJob(FABRIC_PIPELINE_IDS.longRunning, { phases: [{ status: 'InProgress', ms: 60_000 }] });
    await sleep(5);
    const b = await startJob(FABRIC_PIPELINE_IDS.longRunning, { phases: [{ status: 'InProgress', ms: 60_000 }] });
    const list = await fab('GET', `${items(FABRIC_PIPELINE_IDS.longRunning)}/jobs/instances`);
    expect(list.status).toBe(200);
    expect(keys(list.json)).toEqual(
      keys(specExample('fabric/examples/ListItemJobInstances.json').responses['200'].body),
    );
    expect(list.json.value.slice(0, 2).map((j: { id: string }) => j.id)).toEqual([b.jobId, a.jobId]);
    for (const j of [a, b])
      await fab('POST', `${items(FABRIC_PIPELINE_IDS.longRunning)}/jobs/instances/${j.jobId}/cancel`);
  });

  it('cancel: 202 empty + Location + Retry-After as recorded, then Cancelled; again: JobAlreadyCompleted', async () => {
    const cancelRec = recording('fabric-cli__test_start_job_notebook_and_cancel.json')[2]!;
    const { jobId } = await startJob(FABRIC_PIPELINE_IDS.longRunning, {
      phases: [{ status: 'InProgress', ms: 60_000 }],
    });
    const c = await fab('POST', `${items(FABRIC_PIPELINE_IDS.longRunning)}/jobs/instances/${jobId}/cancel`);
    expect(c.status).toBe(cancelRec.status);
    expect(c.text).toBe('');
    expect(c.headers['content-type']).toBe('application/octet-stream');
    expect(c.headers.location).toBe(
      `${emu.fabricUrl}${items(FABRIC_PIPELINE_IDS.longRunning)}/jobs/instances/${jobId}`,
    );
    expect(c.headers['retry-after']).toBe('1');
    expect(emu.fabricJobStatus(jobId)).toBe('InProgress');
    await sleep(150);
    const v = emu.fabricJobView(jobId)!;
    expect(v).toMatchObject({ status: 'Cancelled', failureReason: null });
    const again = await fab('POST', `${items(FABRIC_PIPELINE_IDS.longRunning)}/jobs/instances/${jobId}/cancel`);
    expect(again.status).toBe(400);
    expect(keys(again.json)).toEqual(['requestId', 'errorCode', 'message', 'isRetriable']);
    expect(again.json).toMatchObject({
      errorCode: 'JobAlreadyCompleted',
      isRetriable: false,
      requestId: again.headers.requestid,
    });
    expect(again.headers['x-ms-public-api-error-code']).toBe('JobAlreadyCompleted');
    expect(
      emu
        .requestsFor('cancelJob', 'fabric')
        .slice(-2)
        .map((q) => q.status),
    ).toEqual([202, 400]);
  });

  it("queryactivityruns: ADF-style activity runs as the doc's bare array (or {value} by config)", async () => {
    const { jobId } = await startJob(FABRIC_PIPELINE_IDS.nightlyFail, {
      phases: [{ status: 'InProgress', ms: 100 }],
      final: 'Failed',
      activities: [
        { name: 'Wait1', type: 'Wait', input: { waitTimeInSeconds: 27 } },
        {
          name: 'Copy sales',
          type: 'Copy',
          status: 'Failed',
          error: { errorCode: '2200', message: 'boom', failureType: 'UserError' },
        },
      ],
    });
    await sleep(150);
    const body = specExample('fabric/examples/docs-QueryActivityRuns.request.json');
    const path = `/v1/workspaces/${FWS}/datapipelines/pipelineruns/${jobId}/queryactivityruns`;
    const r = await fab('POST', path, { json: { ...body, ...WIDE } });
    expect(r.status).toBe(200);
    expect(Array.isArray(r.json)).toBe(true);
    const doc = specExample('fabric/examples/docs-QueryActivityRuns.response.json')[0];
    expect(keys(r.json[0])).toEqual(keys(doc));
    expect(keys(r.json[0].error)).toEqual(keys(doc.error));
    expect(r.json.map((a: { activityName: string }) => a.activityName)).toEqual(['Copy sales', 'Wait1']); // DESC
    expect(r.json[0]).toMatchObject({
      pipelineRunId: jobId,
      pipelineName: FABRIC_PIPELINE_IDS.nightlyFail,
      status: 'Failed',
      error: { errorCode: '2200', message: 'boom' },
    });
    expect(r.json[0].id).toContain(
      `/PROVIDERS/MICROSOFT.TRIDENT/WORKSPACES/${FWS}/pipelineruns/${jobId}/activityruns/`,
    );
    emu.config.fabricActivityRunsShape = 'value';
    try {
      const v = await fab('POST', path, { json: WIDE });
      expect(keys(v.json)).toEqual(['value']);
      expect(v.json.value).toHaveLength(2);
    } finally {
      emu.config.fabricActivityRunsShape = 'array';
    }
  });

  it('errors: the recorded Fabric envelope and header; RequestId on every answer', async () => {
    const recorded = recording('fabric-cli__test_run_schedule_rm_invalid_param_types_failure.json')[0]!;
    const r = await fab('GET', items('00000000-0000-0000-0000-000000000000'));
    expect(r.status).toBe(404);
    expect(keys(r.json)).toEqual(keys(recorded.responseBody));
    expect(r.json).toMatchObject({ errorCode: 'ItemNotFound', isRetriable: false });
    expect(r.json.requestId).toBe(r.headers.requestid);
    expect(r.headers['x-ms-public-api-error-code']).toBe('ItemNotFound');
    expect(r.headers['content-type']).toBe(recorded.responseHeaders['Content-Type']);
    const ws = await fab('GET', `/v1/workspaces/00000000-0000-0000-0000-000000000000/items`);
    expect(ws.json.errorCode).toBe('WorkspaceNotFound');
    emu.deny(D.clientId, 'Fabric/items/execute');
    try {
      const d = await fab('POST', `${items(FABRIC_PIPELINE_IDS.quick)}/jobs/instances?jobType=Pipeline`);
      expect(d.status).toBe(403);
      expect(d.json).toMatchObject({
        errorCode: 'InsufficientPrivileges',
        message: 'The caller does not have sufficient permissions to run job instance.',
      });
    } finally {
      emu.allow(D.clientId);
    }
    emu.faults.add({ service: 'fabric', op: 'runJob', fault: { status: 429, retryAfter: 7 } });
    const t = await fab('POST', `${items(FABRIC_PIPELINE_IDS.quick)}/jobs/instances?jobType=Pipeline`);
    expect(t.status).toBe(429);
    expect(t.headers['retry-after']).toBe('7');
    expect(t.json).toMatchObject({ errorCode: 'TooManyRequestsForJobs', isRetriable: true });
    expect(t.headers.requestid).toBe(t.json.requestId);
  });

  it('token: audience api.fabric.microsoft.com; the tenant switch for service principals', async () => {
    const arm = await fab('GET', '/v1/workspaces', { headers: { authorization: `Bearer ${emu.mintAccessToken()}` } });
    expect(arm.status).toBe(401);
    expect(arm.headers['x-ms-public-api-error-code']).toBe(arm.json.errorCode);
    const expired = emu.mintAccessToken({
      audience: 'https://api.fabric.microsoft.com',
      exp: Math.floor(Date.now() / 1000) - 60,
    });
    expect(
      (await fab('GET', '/v1/workspaces', { headers: { authorization: `Bearer ${expired}` } })).json.errorCode,
    ).toBe('TokenExpired');
    emu.config.fabricServicePrincipalsEnabled = false;
    try {
      const off = await fab('GET', '/v1/workspaces');
      expect(off.status).toBe(401);
      expect(off.json.errorCode).toBe('PrincipalTypeNotSupported');
    } finally {
      emu.config.fabricServicePrincipalsEnabled = true;
    }
  });
});

describe('Entra and the fake az for the Synapse and Fabric resources', () => {
  const scopes = [
    'https://dev.azuresynapse.net',
    'https://dev.azuresynapse.usgovcloudapi.net',
    'https://dev.azuresynapse.azure.cn',
    'https://api.fabric.microsoft.com',
  ];

  it('Entra issues tokens whose aud is the scope without /.default', async () => {
    for (const s of scopes) {
      const t = await http(emu, 'POST', `${emu.entraUrl}/${D.tenantId}/oauth2/v2.0/token`, {
        form: {
          grant_type: 'client_credentials',
          client_id: D.clientId,
          client_secret: D.clientSecret,
          scope: `${s}/.default`,
        },
      });
      expect(t.status, s).toBe(200);
      expect(decodeJwtPayload(t.json.access_token).aud).toBe(s);
    }
  });

  it('az account get-access-token --resource / --scope works for them, and the token is accepted', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-svc-az-'));
    try {
      const { binDir, env } = writeFakeAzConfig(emu, dir);
      const run = promisify(execFile);
      const pathEnv = `${binDir}${delimiter}${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`;
      const az = async (...args: string[]) =>
        JSON.parse(
          (await run(join(binDir, 'az'), args, { env: { ...process.env, ...env, PATH: pathEnv } })).stdout,
        ) as { accessToken: string };
      const syn1 = await az(
        'account',
        'get-access-token',
        '--output',
        'json',
        '--resource',
        'https://dev.azuresynapse.net',
      );
      expect(decodeJwtPayload(syn1.accessToken).aud).toBe('https://dev.azuresynapse.net');
      const okSyn = await syn('GET', '/pipelines/quick', { headers: { authorization: `Bearer ${syn1.accessToken}` } });
      expect(okSyn.status).toBe(200);
      const fab1 = await az(
        'account',
        'get-access-token',
        '--output',
        'json',
        '--scope',
        'https://api.fabric.microsoft.com/.default',
      );
      expect(decodeJwtPayload(fab1.accessToken).aud).toBe('https://api.fabric.microsoft.com');
      expect(
        (await fab('GET', '/v1/workspaces', { headers: { authorization: `Bearer ${fab1.accessToken}` } })).status,
      ).toBe(200);
      for (const r of ['https://dev.azuresynapse.usgovcloudapi.net/', 'https://dev.azuresynapse.azure.cn']) {
        const t = await az('account', 'get-access-token', '--output', 'json', '--resource', r);
        expect(decodeJwtPayload(t.accessToken).aud).toBe(r.replace(/\/$/, ''));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
