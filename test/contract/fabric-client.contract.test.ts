// Client-side contract for Fabric: the FabricService (from src/, in process) against a server that
// answers with the REAL Fabric answers recorded by microsoft/fabric-cli (test/fixtures/real-recordings)
// and with Microsoft's spec and doc examples (test/fixtures/adf-spec/fabric). Each request the
// client sends must be the recorded one (method, path, query, body); each answer must be read as
// the recording says it should (job ID from Location, Retry-After, statuses, failureReason, the
// error envelope with its RequestId header).
import { readFileSync } from 'node:fs';
import { Agent, createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ServiceError } from '../../src/http/errors.js';
import { RestClient } from '../../src/http/rest-client.js';
import { FABRIC_REQUEST_ID_HEADER, parseFabricError } from '../../src/services/fabric/client.js';
import { FabricService, type FabricTarget } from '../../src/services/fabric/service.js';
import { makeCerts, type Certs } from '../emulator/certs.ts';
import { repoRoot } from './helpers.ts';

interface Interaction {
  method: string;
  path: string;
  query: Record<string, string>;
  requestBody: unknown;
  status: number;
  responseHeaders: Record<string, string | number>;
  otherHeaders?: Record<string, string>;
  responseBody: unknown;
}
const recording = (name: string) =>
  (
    JSON.parse(
      readFileSync(path.join(repoRoot, 'test/fixtures/real-recordings', `fabric-cli__${name}.json`), 'utf8'),
    ) as {
      interactions: Interaction[];
    }
  ).interactions;
const example = <T>(name: string) =>
  JSON.parse(readFileSync(path.join(repoRoot, 'test/fixtures/adf-spec/fabric/examples', name), 'utf8')) as T;

interface Seen {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  authorization?: string;
}

let certs: Certs;
let server: Server;
let base = '';
let queue: Interaction[] = [];
let seen: Seen[] = [];

beforeAll(async () => {
  certs = await makeCerts();
  server = createServer({ key: certs.keyPem, cert: certs.certPem }, (req, res) => {
    let text = '';
    req.on('data', (c: Buffer) => (text += c.toString('utf8')));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'https://x');
      seen.push({
        method: req.method ?? '',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        body: text ? (JSON.parse(text) as unknown) : null,
        authorization: req.headers.authorization,
      });
      const next = queue.shift();
      if (!next) {
        res.writeHead(599).end();
        return;
      }
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries({ ...next.responseHeaders, ...(next.otherHeaders ?? {}) }))
        headers[k] = String(v).replace('https://api.fabric.microsoft.com', base);
      const body =
        next.responseBody === '' || next.responseBody === null || next.responseBody === undefined
          ? ''
          : JSON.stringify(next.responseBody);
      res.writeHead(next.status, headers).end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.close();
  await certs?.remove();
});
beforeEach(() => {
  queue = [];
  seen = [];
});

/** A service already resolved to the recording's workspace and item (as the post step has it). */
function service(workspaceId: string, itemId: string, name = 'fabcli000001') {
  const target: FabricTarget = {
    service: 'fabric',
    apiBase: base,
    resource: 'https://api.fabric.microsoft.com',
    portal: 'https://app.fabric.microsoft.com',
    workspace: workspaceId,
    resolved: { workspaceId, pipelines: { [name]: { id: itemId, displayName: name } } },
  };
  const rest = new RestClient({
    baseUrl: base,
    scope: 'https://api.fabric.microsoft.com/.default',
    credential: () => ({
      getToken: () => Promise.resolve({ token: 'test-token', expiresOnTimestamp: Date.now() + 3_600_000 }),
    }),
    userAgent: 'contract-test',
    requestTimeoutMs: 10_000,
    agent: new Agent({ ca: certs.caPem }),
    parseError: parseFabricError,
    requestIdHeader: FABRIC_REQUEST_ID_HEADER,
  });
  return { s: new FabricService(target, rest), ref: (runId: string) => ({ runId, pipelineName: name }) };
}

const ids = (p: string) => /\/workspaces\/([^/]+)\/items\/([^/]+)\/jobs\/instances(?:\/([^/]+))?/.exec(p)!;

function expectSent(i: Interaction, s: Seen) {
  expect(s.method).toBe(i.method);
  expect(s.path).toBe(i.path);
  expect(s.query).toEqual(i.query);
  expect(s.body).toEqual(i.requestBody);
  expect(s.authorization).toBe('Bearer test-token');
}

describe('recorded pipeline runs (fabric-cli, real Fabric)', () => {
  test('test_run_pipeline: POST without a body, the job ID from Location, Retry-After 60 / 45 / 3, then Completed', async () => {
    const rec = recording('test_run_pipeline');
    const [, ws, item] = ids(rec[0]!.path);
    const { s, ref } = service(ws!, item!);
    queue = [...rec];
    const sentAt = Date.now();
    const { runId } = await s.startRun({ pipelineName: 'fabcli000001', parameters: {}, flags: {} });
    expect(runId).toBe(ids(rec[0]!.responseHeaders.Location as string)[3]);
    expect(s.pollNotBefore(ref(runId))).toBeGreaterThanOrEqual(sentAt + 60_000);
    const views = [];
    for (let k = 1; k < rec.length; k++) {
      views.push(await s.getRun(ref(runId)));
      if (k === 1) expect(s.pollNotBefore(ref(runId))! - Date.now()).toBeGreaterThan(40_000);
    }
    rec.forEach((i, k) => expectSent(i, seen[k]!));
    expect(views.slice(0, -1).every((v) => v.status === 'InProgress')).toBe(true);
    const last = views.at(-1)!;
    const job = rec.at(-1)!.responseBody as Record<string, string>;
    expect(last).toMatchObject({
      runId,
      status: 'Succeeded',
      message: '',
      runStart: `${job.startTimeUtc}Z`,
      runEnd: `${job.endTimeUtc}Z`,
      invokedByType: 'Manual',
    });
    expect(last.durationMs).toBeGreaterThan(0);
    expect(last.raw).toEqual(job);
    expect(s.pollNotBefore(ref(runId))).toBeUndefined();
  });

  test('test_run_param_job: the parameters body is exactly what real Fabric accepted; NotStarted reads Queued', async () => {
    const rec = recording('test_run_param_job').filter((i) => i.path.includes('c7995b9d'));
    const [, ws, item] = ids(rec[0]!.path);
    const { s, ref } = service(ws!, item!);
    queue = [...rec];
    const parameters = (rec[0]!.requestBody as { executionData: { parameters: Record<string, unknown> } }).executionData
      .parameters;
    const { runId } = await s.startRun({ pipelineName: 'fabcli000001', parameters, flags: {} });
    const statuses = [];
    for (let k = 1; k < rec.length; k++) statuses.push((await s.getRun(ref(runId))).status);
    rec.forEach((i, k) => expectSent(i, seen[k]!));
    expect(statuses).toEqual(['Queued', 'Queued', 'Succeeded']);
  });

  test('test_job_run_exits_with_code_1: failureReason.message is the run message', async () => {
    const rec = recording('test_job_run_exits_with_code_1_success');
    const get = rec[1]!;
    const [, ws, item, job] = ids(get.path);
    const { s, ref } = service(ws!, item!);
    queue = [get];
    const v = await s.getRun(ref(job!));
    expectSent(get, seen[0]!);
    expect(v.status).toBe('Failed');
    expect(v.message).toBe('Job instance failed without detail error');
  });

  test('test_start_job_notebook_and_cancel: cancel is a POST without a body; 202 empty is success', async () => {
    const rec = recording('test_start_job_notebook_and_cancel');
    const [, ws, item, job] = ids(rec[2]!.path);
    const { s, ref } = service(ws!, item!);
    queue = rec.slice(1);
    expect((await s.getRun(ref(job!))).status).toBe('Queued');
    await s.cancelRun(ref(job!), true);
    expect((await s.getRun(ref(job!))).status).toBe('Cancelled');
    rec.slice(1, 4).forEach((i, k) => expectSent(i, seen[k]!));
  });

  test('the recorded error envelope becomes a ServiceError with the code, the message and RequestId', async () => {
    const rec = recording('test_run_schedule_rm_invalid_param_types_failure');
    const i = rec[0]!;
    const { s } = service('w', 'i');
    queue = [i];
    const err = await s.client.rest.request('delete schedule', 'DELETE', `${base}${i.path}`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    const e = err as ServiceError;
    const body = i.responseBody as { errorCode: string; message: string };
    expect(e.status).toBe(404);
    expect(e.code).toBe(body.errorCode);
    expect(e.serviceMessage).toBe(body.message);
    expect(e.requestId).toBe(i.otherHeaders!.RequestId);
    expect(e.ids).toBe(`RequestId: ${i.otherHeaders!.RequestId}`);
  });
});

describe("Microsoft's examples", () => {
  interface Ex {
    parameters: Record<string, string>;
    responses: Record<string, { headers?: Record<string, string | number>; body?: unknown }>;
  }
  const answer = (status: number, r: { headers?: Record<string, string | number>; body?: unknown }): Interaction => ({
    method: '',
    path: '',
    query: {},
    requestBody: null,
    status,
    responseHeaders: r.headers ?? {},
    responseBody: r.body ?? '',
  });

  test('RunOnDemandItemJob: the path, ?jobType=Pipeline, and the job ID from its Location', async () => {
    const ex = example<Ex>('RunOnDemandItemJob.json');
    const { workspaceId, itemId } = ex.parameters;
    const { s } = service(workspaceId!, itemId!);
    queue = [answer(202, ex.responses['202']!)];
    const { runId } = await s.startRun({ pipelineName: 'fabcli000001', parameters: {}, flags: {} });
    expect(runId).toBe('f2d65699-dd22-4889-980c-15226deb0e1b');
    expect(seen[0]).toMatchObject({
      method: 'POST',
      path: `/v1/workspaces/${workspaceId}/items/${itemId}/jobs/instances`,
      query: { jobType: 'Pipeline' },
      body: null,
    });
  });

  test('GetItemJobInstance and ListItemJobInstances are read', async () => {
    const get = example<Ex>('GetItemJobInstance.json');
    const { workspaceId, itemId, jobInstanceId } = get.parameters;
    const { s, ref } = service(workspaceId!, itemId!);
    queue = [answer(200, get.responses['200']!)];
    const v = await s.getRun(ref(jobInstanceId!));
    expect(v).toMatchObject({ status: 'Succeeded', runStart: '2023-04-22T06:35:00.7812154Z', durationMs: 22 });
    expect(seen[0]!.path).toBe(`/v1/workspaces/${workspaceId}/items/${itemId}/jobs/instances/${jobInstanceId}`);

    const list = example<Ex>('ListItemJobInstances.json');
    queue = [answer(200, list.responses['200']!)];
    const runs = await s.findRuns({
      pipelineName: 'fabcli000001',
      after: new Date('2024-06-22T00:00:00Z'),
      before: new Date('2024-06-23T00:00:00Z'),
    });
    expect(runs.map((r) => r.runId).sort()).toEqual(
      ['c0c99aed-be56-4fe0-a6e5-6de5fe277f16', 'f2d65699-dd22-4889-980c-15226deb0e1b'].sort(),
    );
    expect(seen[1]).toMatchObject({
      method: 'GET',
      path: `/v1/workspaces/${workspaceId}/items/${itemId}/jobs/instances`,
    });
  });

  test('CancelItemJobInstance: 202 with Location and Retry-After is success', async () => {
    const ex = example<Ex>('CancelItemJobInstance.json');
    const { workspaceId, itemId, jobInstanceId } = ex.parameters;
    const { s, ref } = service(workspaceId!, itemId!);
    queue = [answer(202, ex.responses['202']!)];
    await s.cancelRun(ref(jobInstanceId!), true);
    expect(seen[0]).toMatchObject({
      method: 'POST',
      path: `/v1/workspaces/${workspaceId}/items/${itemId}/jobs/instances/${jobInstanceId}/cancel`,
      body: null,
    });
  });

  test("the doc's queryactivityruns: the request has the doc's keys, the bare-array answer is read", async () => {
    const docRequest = example<Record<string, unknown>>('docs-QueryActivityRuns.request.json');
    const docResponse = example<unknown[]>('docs-QueryActivityRuns.response.json');
    const { s, ref } = service('ws-1', 'ca91f97e-5bdd-4fe1-b39a-1f134f26a701', 'My pipeline');
    queue = [answer(200, { body: docResponse })];
    const runs = await s.listActivityRuns({
      ...ref('bbbb1b1b-cc2c-dd3d-ee4e-ffffff5f5f5f'),
      runStart: '2024-05-23T13:43:00Z',
    });
    expect(seen[0]!.path).toBe(
      '/v1/workspaces/ws-1/datapipelines/pipelineruns/bbbb1b1b-cc2c-dd3d-ee4e-ffffff5f5f5f/queryactivityruns',
    );
    const body = seen[0]!.body as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(Object.keys(docRequest).sort());
    expect(body.filters).toEqual([]);
    expect(runs).toHaveLength(docResponse.length);
    expect(runs[0]).toMatchObject({ activityName: 'Wait1', status: 'Succeeded', pipelineName: 'My pipeline' });
  });
});
