// The emulator's ADF answers against real Azure's, as recorded by Azure PowerShell, Azure CLI and the
// Azure SDK for .NET (../shared/real-recordings, vendored under test/fixtures/real-recordings): field
// order and presence of run bodies, timestamps, the cancel errors, the 404 texts, absent paging keys.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, DEFAULTS, startEmulator, type Emulator, type RunScript } from '../emulator/index.ts';
import { adfTime } from '../emulator/time.ts';
import { recording, type Interaction } from '../support/recordings.ts';
import { http, shape, waitFor, type HttpOptions, type HttpResult } from './helpers.ts';

const D = DEFAULTS;
const FACTORY = { subscriptionId: D.subscriptionId, resourceGroup: D.resourceGroup, factoryName: D.factoryName };
// Recorded timestamps: up to 7 fractional digits, trailing zeros trimmed, always Z.
const TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{0,6}[1-9])?Z$/;

let emu: Emulator;
let token: string;
let P: string;

const arm = (method: string, path: string, opts: HttpOptions = {}): Promise<HttpResult> =>
  http(emu, method, `${P}${path}${path.includes('?') ? '&' : '?'}api-version=2018-06-01`, {
    ...opts,
    headers: { authorization: `Bearer ${token}`, ...(opts.headers ?? {}) },
  });

async function createRun(pipeline: string): Promise<string> {
  const r = await arm('POST', `/pipelines/${pipeline}/createRun`, { json: { OutputBlobName: 'test' } });
  expect(r.status, r.text).toBe(200);
  return r.json.runId as string;
}
const getRun = async (runId: string) => (await arm('GET', `/pipelineruns/${runId}`)).json as Record<string, unknown>;
const waitStatus = (runId: string, status: string) =>
  waitFor(() => emu.runStatus(runId) === status, `run ${runId} to be ${status}`);

/** The recorded run bodies (GET pipelineruns/{id} and queryPipelineRuns rows), by status. */
function recordedRuns(): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const add = (i: Interaction) => {
    const b = i.responseBody as Record<string, unknown> | undefined;
    if (b && typeof b === 'object' && 'runId' in b && 'status' in b) out.push(b);
    const rows = (b as { value?: unknown[] } | undefined)?.value;
    if (Array.isArray(rows)) for (const r of rows) if (r && typeof r === 'object' && 'runId' in r) out.push(r as never);
  };
  for (const f of [
    'azure-powershell__TestPipelineRunV2.json',
    'azure-sdk-for-net__synapse_TestQueryRuns.json',
    'azure-sdk-for-net__synapse_TestQueryActivityAsync.json',
  ] as const)
    recording(f).interactions.forEach(add);
  return out;
}
const recordedWith = (status: string) => {
  const r = recordedRuns().find((x) => x.status === status);
  if (!r) throw new Error(`no recorded ${status} run`);
  return r;
};

/** Same keys in the same order, the same JSON types, and the recorded `message`/`id` rules. */
function expectLikeRecorded(mine: Record<string, unknown>, real: Record<string, unknown>) {
  expect(Object.keys(mine)).toEqual(Object.keys(real));
  expect(shape(mine)).toEqual(shape(real));
  expect(shape(mine.invokedBy)).toEqual(shape(real.invokedBy));
  expect(mine.invokedBy).toMatchObject({ id: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'Manual' });
  for (const k of ['runStart', 'runEnd', 'lastUpdated'])
    if (typeof mine[k] === 'string') expect(mine[k], k).toMatch(TIMESTAMP);
  // id: the path up to the factory upper-cased, then /pipelineruns/{runId} as is.
  const id = String(mine.id);
  const at = id.indexOf('/pipelineruns/');
  expect(id.slice(0, at)).toBe(id.slice(0, at).toUpperCase());
  expect(id.slice(at)).toBe(`/pipelineruns/${String(mine.runId)}`);
  const realId = String(real.id);
  expect(realId.slice(0, realId.indexOf('/pipelineruns/'))).toBe(
    realId.slice(0, realId.indexOf('/pipelineruns/')).toUpperCase(),
  );
  expect(mine.debugRunId).toBeNull();
  expect(mine.runDimension).toEqual({});
  expect(mine.annotations).toEqual([]);
  if (mine.runEnd !== null) {
    expect(mine.lastUpdated).toBe(mine.runEnd);
    const ms = Date.parse(String(mine.runEnd)) - Date.parse(String(mine.runStart));
    expect(Number(mine.durationInMs)).toBeGreaterThanOrEqual(ms - 1);
    expect(Number(mine.durationInMs)).toBeLessThanOrEqual(ms);
  }
}

beforeAll(async () => {
  emu = await startEmulator({ seed: true });
  P = `${emu.armUrl}/subscriptions/${D.subscriptionId}/resourceGroups/${D.resourceGroup}/providers/Microsoft.DataFactory/factories/${D.factoryName}`;
  const script: RunScript = {
    phases: [
      { status: 'Queued', ms: 150 },
      { status: 'InProgress', ms: 150 },
    ],
  };
  emu.addPipeline({ ...FACTORY, name: 'samplePipeline', parameters: { OutputBlobName: { type: 'String' } }, script });
  emu.addPipeline({
    ...FACTORY,
    name: 'slowPipeline',
    script: {
      phases: [
        { status: 'Queued', ms: 50 },
        { status: 'InProgress', ms: 60_000 },
      ],
    },
  });
  const t = await http(emu, 'POST', `${emu.entraUrl}/${D.tenantId}/oauth2/v2.0/token`, {
    form: {
      grant_type: 'client_credentials',
      client_id: D.clientId,
      client_secret: D.clientSecret,
      scope: `${emu.armUrl}/.default`,
    },
  });
  token = t.json.access_token as string;
});
afterAll(async () => {
  await emu?.close();
});
afterEach(() => {
  Object.assign(emu.config, structuredClone(DEFAULT_CONFIG));
});

describe('pipeline run bodies (azure-powershell__TestPipelineRunV2.json, Synapse query rows)', () => {
  it('createRun answers just {runId}', async () => {
    const real = recording('azure-powershell__TestPipelineRunV2.json').interactions[0]!;
    const r = await arm('POST', '/pipelines/samplePipeline/createRun', { json: { OutputBlobName: 'test' } });
    expect(r.status).toBe(real.status);
    expect(Object.keys(r.json)).toEqual(Object.keys(real.responseBody as object));
  });

  it('Queued: the recorded fields in the recorded order, runStart set, message null', async () => {
    const runId = await createRun('samplePipeline');
    const mine = await getRun(runId);
    expect(mine.status).toBe('Queued');
    const real = recordedWith('Queued');
    expectLikeRecorded(mine, real);
    expect(mine).toMatchObject({ message: null, runEnd: null, durationInMs: null });
    expect(mine.runStart).toEqual(expect.any(String));
    expect(mine.parameters).toEqual({ OutputBlobName: 'test' });
  });

  it('Succeeded and Failed: message "" or text, runEnd = lastUpdated, durationInMs truncated', async () => {
    const ok = await createRun('samplePipeline');
    emu.nextRunScript('samplePipeline', {
      phases: [
        { status: 'Queued', ms: 20 },
        { status: 'InProgress', ms: 80 },
      ],
      final: 'Failed',
      message: "Operation on target MyCopyActivity_0_0 failed: The workflow parameter 'OutputBlobName' is not found",
    });
    const failed = await createRun('samplePipeline');
    await waitStatus(ok, 'Succeeded');
    await waitStatus(failed, 'Failed');
    const s = await getRun(ok);
    expectLikeRecorded(s, recordedWith('Succeeded'));
    expect(s.message).toBe('');
    const f = await getRun(failed);
    expectLikeRecorded(f, recordedWith('Failed'));
    expect(f.message).toBe(recordedWith('Failed').message);
  });

  it('Canceling then Cancelled: message "", and the Cancelled run has runEnd and durationInMs', async () => {
    emu.config.cancelDelayMs = 400;
    const runId = await createRun('slowPipeline');
    await waitStatus(runId, 'InProgress');
    const c = await arm('POST', `/pipelineruns/${runId}/cancel`);
    const canceling = await getRun(runId);
    expectLikeRecorded(canceling, recordedWith('Canceling'));
    expect(canceling).toMatchObject({ status: 'Canceling', message: '', runEnd: null, durationInMs: null });
    expect(c.status).toBe(200);
    await waitStatus(runId, 'Cancelled');
    const cancelled = await getRun(runId);
    expectLikeRecorded(cancelled, recordedWith('Cancelled'));
    expect(cancelled).toMatchObject({ message: '', runEnd: expect.any(String), durationInMs: expect.any(Number) });
  });

  it('timestamps: up to 7 digits with trailing zeros trimmed, so many have fewer than 7', () => {
    for (const r of recordedRuns())
      for (const k of ['runStart', 'runEnd', 'lastUpdated'])
        if (typeof r[k] === 'string') expect(r[k], `recorded ${k}`).toMatch(TIMESTAMP);
    const t0 = Date.parse('2020-03-18T20:51:50.983Z');
    const digits = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const s = adfTime(t0 + i);
      expect(s).toMatch(TIMESTAMP);
      expect(Date.parse(s)).toBe(t0 + i);
      digits.add(/\.(\d+)Z$/.exec(s)?.[1]?.length ?? 0);
    }
    for (const n of [4, 5, 6, 7]) expect(digits, `timestamps with ${n} digits`).toContain(n);
  });
});

describe('cancel (azure-powershell__TestCancelRunNegativeV2.json, azure-sdk-for-net__CancelPipelineRun.json)', () => {
  it('success: 200, Content-Length 0, no Content-Type', async () => {
    const real = recording('azure-powershell__TestPipelineRunV2.json').interactions[1]!;
    expect(real.responseBody).toBe('');
    expect(Object.keys(real.responseHeaders ?? {}).map((h) => h.toLowerCase())).not.toContain('content-type');
    const runId = await createRun('slowPipeline');
    const r = await arm('POST', `/pipelineruns/${runId}/cancel`);
    expect(r.status).toBe(real.status);
    expect(r.text).toBe('');
    expect(r.headers['content-length']).toBe('0');
    expect(r.headers['content-type']).toBeUndefined();
  });

  it('unknown run id: 400 ReferencedPipelineRunNotFound, byte for byte as recorded', async () => {
    for (const f of [
      'azure-powershell__TestCancelRunNegativeV2.json',
      'azure-sdk-for-net__CancelPipelineRun.json',
    ] as const) {
      const real = recording(f).interactions[0]!;
      const id = /pipelineruns\/([^/]+)\/cancel/.exec(real.path)![1]!;
      const r = await arm('POST', `/pipelineruns/${id}/cancel`);
      expect(r.status, f).toBe(real.status);
      expect(r.text, f).toBe(JSON.stringify(real.responseBody));
      expect(r.headers['content-type']).toBe(real.responseHeaders?.['Content-Type']);
    }
  });

  it("finished run: PipelineRunNotRunning with ADF's text (no space after the period); 'ok' answers 200", async () => {
    const runId = await createRun('samplePipeline');
    await waitStatus(runId, 'Succeeded');
    const r = await arm('POST', `/pipelineruns/${runId}/cancel`);
    expect(r.status).toBe(400); // not recorded: our choice
    expect(r.json.error.code).toBe('PipelineRunNotRunning');
    expect(r.json.error.message).toBe(
      "Pipeline run has already completed with status 'Succeeded'.Only pipeline runs that are in progress or queued can be canceled.",
    );
    emu.config.cancelFinishedRun = 'ok';
    const ok = await arm('POST', `/pipelineruns/${runId}/cancel`);
    expect(ok.status).toBe(200);
    expect(ok.text).toBe('');
  });
});

describe('404s (azure-powershell__TestPipelineV2.json, azure-powershell__TestDataFactoryPipingV2.json)', () => {
  it('missing pipeline: NotFound, the recorded message, target = the resource path, details null', async () => {
    const real = recording('azure-powershell__TestPipelineV2.json').interactions.find((i) => i.status === 404)!;
    const r = await arm('GET', '/pipelines/samplePipelineGone');
    expect(r.status).toBe(404);
    const realError = (real.responseBody as { error: Record<string, unknown> }).error;
    expect(Object.keys(r.json)).toEqual(['error']);
    expect(Object.keys(r.json.error)).toEqual(Object.keys(realError));
    expect(r.json.error).toEqual({
      ...realError,
      target: `/subscriptions/${D.subscriptionId}/resourceGroups/${D.resourceGroup}/providers/Microsoft.DataFactory/factories/${D.factoryName}/pipelines/samplePipelineGone`,
    });
    expect(real.path.endsWith(String(realError.target).split('/factories/')[1]!)).toBe(true);
  });

  it('missing factory: ARM gateway ResourceNotFound, x-ms-failure-cause: gateway, no target or details', async () => {
    const real = recording('azure-powershell__TestDataFactoryPipingV2.json').interactions.find(
      (i) => i.status === 404,
    )!;
    const base = `${emu.armUrl}/subscriptions/${D.subscriptionId}/resourceGroups/${D.resourceGroup}/providers/Microsoft.DataFactory/factories/ps2163?api-version=2018-06-01`;
    const r = await http(emu, 'GET', base, { headers: { authorization: `Bearer ${token}` } });
    expect(r.status).toBe(real.status);
    expect(r.headers['x-ms-failure-cause']).toBe(real.responseHeaders?.['x-ms-failure-cause']);
    const realError = (real.responseBody as { error: Record<string, string> }).error;
    expect(Object.keys(r.json.error)).toEqual(Object.keys(realError));
    expect(r.json.error.code).toBe(realError.code);
    // Modern ARM appends the aka.ms suffix that the 2018 recording lacks.
    expect(r.json.error.message).toBe(
      `${realError.message.replace('ps8192', D.resourceGroup)} For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    );
  });
});

describe('paging keys (azure-cli-extensions__test_datafactory_main.json, Synapse queries)', () => {
  it('a query page with nothing more has no continuationToken key; oldest first', async () => {
    const real = recording('azure-sdk-for-net__synapse_TestQueryRuns.json').interactions.find((i) =>
      i.path.endsWith('queryPipelineRuns'),
    )!;
    expect(Object.keys(real.responseBody as object)).toEqual(['value']);
    emu.config.queryVisibilityDelayMs = 0;
    const a = await createRun('samplePipeline');
    const b = await createRun('samplePipeline');
    const r = await arm('POST', '/queryPipelineRuns', {
      json: { lastUpdatedAfter: '0001-01-01T00:00:00.0000000Z', lastUpdatedBefore: '9999-12-31T23:59:59.9999999Z' },
    });
    expect(r.status).toBe(200);
    expect(Object.keys(r.json)).toEqual(Object.keys(real.responseBody as object));
    const ids = r.json.value.map((v: { runId: string }) => v.runId);
    expect(ids.indexOf(a)).toBeLessThan(ids.indexOf(b));
    const starts = r.json.value.map((v: { runStart: string }) => Date.parse(v.runStart));
    expect(starts).toEqual([...starts].sort((x: number, y: number) => x - y));
  });

  it('a window that misses every run: 200 {"value":[]} (queryActivityruns too)', async () => {
    const real = recording('azure-powershell__TestPipelineRunV2.json').interactions[2]!;
    const runId = await createRun('samplePipeline');
    const window = { lastUpdatedAfter: '2017-01-01T00:00:00Z', lastUpdatedBefore: '2017-01-02T00:00:00Z' };
    const acts = await arm('POST', `/pipelineruns/${runId}/queryActivityruns`, { json: window });
    expect(acts.status).toBe(real.status);
    expect(acts.text).toBe(JSON.stringify(real.responseBody));
    const runs = await arm('POST', '/queryPipelineRuns', { json: window });
    expect(runs.text).toBe('{"value":[]}');
  });

  it('a pipeline list of one page has no nextLink key; more pages carry a full nextLink URL', async () => {
    const real = recording('azure-cli-extensions__test_datafactory_main.json').interactions.find((i) =>
      i.path.endsWith('/pipelines'),
    )!;
    expect(Object.keys(real.responseBody as object)).toEqual(['value']);
    emu.config.pipelinePageSize = 100;
    const one = await arm('GET', '/pipelines');
    expect(Object.keys(one.json)).toEqual(['value']);
    const all = one.json.value.map((p: { name: string }) => p.name);
    emu.config.pipelinePageSize = 3;
    const names: string[] = [];
    let page = await arm('GET', '/pipelines');
    for (;;) {
      names.push(...page.json.value.map((p: { name: string }) => p.name));
      if (!('nextLink' in page.json)) break;
      expect(Object.keys(page.json)).toEqual(['value', 'nextLink']);
      expect(page.json.nextLink.startsWith(`${P}/pipelines?`)).toBe(true);
      expect(page.json.nextLink).toContain('api-version=2018-06-01');
      page = await http(emu, 'GET', page.json.nextLink, { headers: { authorization: `Bearer ${token}` } });
      expect(page.status).toBe(200);
    }
    expect(names).toEqual(all);
    expect(emu.requestsFor('listPipelines').length).toBeGreaterThan(2);
  });
});

describe('query visibility (queryVisibilityDelayMs)', () => {
  it('a new run is listed only after the delay; GET sees it at once', async () => {
    emu.config.queryVisibilityDelayMs = 700;
    const runId = await createRun('samplePipeline');
    const query = () =>
      arm('POST', '/queryPipelineRuns', {
        json: {
          lastUpdatedAfter: new Date(Date.now() - 60_000).toISOString(),
          lastUpdatedBefore: new Date(Date.now() + 60_000).toISOString(),
          filters: [{ operand: 'RunGroupId', operator: 'Equals', values: [runId] }],
        },
      });
    expect((await query()).json.value).toEqual([]);
    expect((await arm('GET', `/pipelineruns/${runId}`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 750));
    expect((await query()).json.value.map((v: { runId: string }) => v.runId)).toEqual([runId]);
  });
});
