// Contract tests for the local ADF emulator: its answers must have the shapes and headers of the
// verbatim Microsoft examples in ../shared/adf-spec/examples, its errors must be shaped like ARM's
// and Entra's, and the real Azure SDK credentials must work against it.
import { execFile, spawn } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Faults } from '../emulator/faults.ts';
import {
  DEFAULT_CONFIG,
  DEFAULT_PIPELINES,
  DEFAULTS,
  startEmulator,
  writeFakeAzConfig,
  type Emulator,
  type RunScript,
} from '../emulator/index.ts';
import {
  decodeJwtPayload,
  ENTRA_ERROR_DESCRIPTION,
  example,
  http,
  repoRoot,
  shape,
  typeOf,
  waitFor,
  type HttpOptions,
  type HttpResult,
} from './helpers.ts';

const D = DEFAULTS;
const FACTORY = { subscriptionId: D.subscriptionId, resourceGroup: D.resourceGroup, factoryName: D.factoryName };

/** Short runs so the suite stays fast. */
const FAST: RunScript = {
  phases: [
    { status: 'Queued', ms: 30 },
    { status: 'InProgress', ms: 90 },
  ],
  activities: [
    { name: 'ExampleForeachActivity', type: 'ForEach' },
    {
      name: 'ExampleCopyActivity',
      type: 'Copy',
      input: { source: { type: 'BlobSource' } },
      output: { dataRead: 142000, dataWritten: 142000 },
    },
  ],
};
const SLOW: RunScript = {
  phases: [
    { status: 'Queued', ms: 20 },
    { status: 'InProgress', ms: 60_000 },
  ],
  activities: [{ name: 'Wait', type: 'Wait' }],
};

let emu: Emulator;
let token: string;
let P: string;

function api(path: string): string {
  return `${P}${path}${path.includes('?') ? '&' : '?'}api-version=2018-06-01`;
}
function arm(method: string, path: string, opts: HttpOptions = {}): Promise<HttpResult> {
  return http(emu, method, api(path), {
    ...opts,
    headers: { authorization: `Bearer ${token}`, ...(opts.headers ?? {}) },
  });
}
function tokenRequest(form: Record<string, string>, tenant: string = D.tenantId): Promise<HttpResult> {
  return http(emu, 'POST', `${emu.entraUrl}/${tenant}/oauth2/v2.0/token`, { form });
}
function secretForm(over: Record<string, string> = {}): Record<string, string> {
  return {
    grant_type: 'client_credentials',
    client_id: D.clientId,
    client_secret: D.clientSecret,
    scope: `${emu.armUrl}/.default`,
    ...over,
  };
}
function assertionForm(assertion: string, over: Record<string, string> = {}): Record<string, string> {
  return {
    grant_type: 'client_credentials',
    client_id: D.clientId,
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: assertion,
    scope: `${emu.armUrl}/.default`,
    ...over,
  };
}
async function idToken(audience: string = D.audience): Promise<string> {
  const r = await http(emu, 'GET', `${emu.oidcRequestUrl}&audience=${encodeURIComponent(audience)}`, {
    headers: { authorization: `Bearer ${emu.oidcRequestToken}` },
  });
  expect(r.status).toBe(200);
  return r.json.value as string;
}
async function createRun(pipeline: string, params?: Record<string, unknown>, query = ''): Promise<string> {
  const r = await arm('POST', `/pipelines/${pipeline}/createRun${query}`, params === undefined ? {} : { json: params });
  expect(r.status, r.text).toBe(200);
  return r.json.runId as string;
}
function waitStatus(runId: string, ...statuses: string[]): Promise<string> {
  return waitFor(
    () => {
      const s = emu.runStatus(runId);
      return s !== undefined && statuses.includes(s) ? s : undefined;
    },
    `run ${runId} to reach ${statuses.join('/')}`,
  );
}
function expectCloudError(r: HttpResult, status: number, code: string): void {
  expect(r.status, r.text).toBe(status);
  expect(Object.keys(r.json)).toEqual(['error']);
  expect(r.json.error.code).toBe(code);
  expect(typeof r.json.error.message).toBe('string');
  expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
  expect(r.headers['x-ms-request-id']).toMatch(/^[0-9a-f-]{36}$/);
}
function expectEntraError(r: HttpResult, status: number, error: string, code: number): void {
  expect(r.status, r.text).toBe(status);
  expect(Object.keys(r.json).sort()).toEqual([
    'correlation_id',
    'error',
    'error_codes',
    'error_description',
    'error_uri',
    'timestamp',
    'trace_id',
  ]);
  expect(r.json.error).toBe(error);
  expect(r.json.error_codes).toEqual([code]);
  expect(r.json.error_description).toMatch(ENTRA_ERROR_DESCRIPTION);
  expect(r.json.error_description.startsWith(`AADSTS${code}: `)).toBe(true);
}
/** Every header of the example must be present (names are case-insensitive). */
function expectExampleHeaders(r: HttpResult, exampleHeaders: Record<string, string>): void {
  for (const h of Object.keys(exampleHeaders)) expect(r.headers, `header ${h}`).toHaveProperty(h.toLowerCase());
}

beforeAll(async () => {
  emu = await startEmulator({ seed: true });
  P = `${emu.armUrl}/subscriptions/${D.subscriptionId}/resourceGroups/${D.resourceGroup}/providers/Microsoft.DataFactory/factories/${D.factoryName}`;
  emu.addPipeline({
    ...FACTORY,
    name: 'fast',
    parameters: { OutputBlobNameList: { type: 'Array', defaultValue: [] }, count: { type: 'Int', defaultValue: 1 } },
    script: FAST,
  });
  emu.addPipeline({ ...FACTORY, name: 'slow', script: SLOW });
  const r = await tokenRequest(secretForm());
  token = r.json.access_token as string;
});
afterAll(async () => {
  await emu?.close();
});
afterEach(() => {
  emu.faults.clear();
  emu.allow(D.clientId);
  emu.allow(D.objectId);
  Object.assign(emu.config, structuredClone(DEFAULT_CONFIG));
});

describe('Entra ID', () => {
  it('publishes an OpenID configuration msal-node accepts, and rejects unknown tenants', async () => {
    const r = await http(emu, 'GET', `${emu.entraUrl}/${D.tenantId}/v2.0/.well-known/openid-configuration`);
    expect(r.status).toBe(200);
    for (const k of ['authorization_endpoint', 'token_endpoint', 'issuer', 'jwks_uri'])
      expect(typeof r.json[k]).toBe('string');
    expect(r.json.token_endpoint).toBe(`${emu.entraUrl}/${D.tenantId}/oauth2/v2.0/token`);
    expect(r.json.issuer).toBe(`${emu.entraUrl}/${D.tenantId}/v2.0`);
    const bad = await http(emu, 'GET', `${emu.entraUrl}/no-such-tenant/v2.0/.well-known/openid-configuration`);
    expectEntraError(bad, 400, 'invalid_tenant', 90002);
    expect(emu.requestsFor('openidConfig').at(-1)?.status).toBe(400);
    const unknown = await http(emu, 'GET', `${emu.entraUrl}/common/discovery/instance?api-version=1.1`);
    expect(unknown.status).toBe(404);
    expect(emu.requests.at(-1)).toMatchObject({ service: 'entra', op: 'unknown', status: 404 });
  });

  it('issues an access token for a client secret, with aud/tid/appid/oid/exp', async () => {
    const r = await tokenRequest(secretForm());
    expect(r.status).toBe(200);
    expect(shape(r.json)).toEqual({
      token_type: 'string',
      expires_in: 'number',
      ext_expires_in: 'number',
      access_token: 'string',
    });
    expect(r.json.expires_in).toBe(3600);
    const c = decodeJwtPayload(r.json.access_token);
    expect(c).toMatchObject({ aud: emu.armUrl, tid: D.tenantId, appid: D.clientId, oid: D.objectId, appidacr: '1' });
    expect((c.exp as number) - (c.iat as number)).toBe(3600);
    const rec = emu.requestsFor('token').at(-1)!;
    expect(rec.body).toMatchObject({ grant_type: 'client_credentials', client_id: D.clientId });
    emu.config.tokenLifetimeSec = 3;
    const short = await tokenRequest(secretForm());
    expect(short.json.expires_in).toBe(3);
  });

  it('answers each credential error with the real AADSTS code and body shape', async () => {
    expectEntraError(
      await tokenRequest(secretForm(), 'aaaaaaaa-0000-0000-0000-000000000000'),
      400,
      'invalid_request',
      90002,
    );
    const unknownClient = await tokenRequest(secretForm({ client_id: '99999999-9999-4999-8999-999999999999' }));
    expectEntraError(unknownClient, 400, 'unauthorized_client', 700016);
    expect(unknownClient.json.error_description).toContain(
      "Application with identifier '99999999-9999-4999-8999-999999999999' was not found in the directory",
    );
    const wrongSecret = await tokenRequest(secretForm({ client_secret: 'nope' }));
    expectEntraError(wrongSecret, 401, 'invalid_client', 7000215);
    expect(wrongSecret.json.error_description).toContain('Invalid client secret provided');
    expectEntraError(await tokenRequest(secretForm({ scope: emu.armUrl })), 400, 'invalid_scope', 1002012);
    const { client_secret: _omit, ...noCredential } = secretForm();
    expectEntraError(await tokenRequest(noCredential), 401, 'invalid_client', 7000216);
    const correlated = await http(emu, 'POST', `${emu.entraUrl}/${D.tenantId}/oauth2/v2.0/token`, {
      form: secretForm({ client_secret: 'nope' }),
      headers: { 'client-request-id': '11111111-2222-4333-8444-555555555555' },
    });
    expect(correlated.json.correlation_id).toBe('11111111-2222-4333-8444-555555555555');
  });

  it('exchanges a GitHub ID token (client assertion) for an access token', async () => {
    const r = await tokenRequest(assertionForm(await idToken()));
    expect(r.status, r.text).toBe(200);
    expect(decodeJwtPayload(r.json.access_token)).toMatchObject({
      aud: emu.armUrl,
      appid: D.clientId,
      oid: D.objectId,
      appidacr: '2',
    });
    const ok = await http(emu, 'GET', api(''), { headers: { authorization: `Bearer ${r.json.access_token}` } });
    expect(ok.status).toBe(200);
  });

  it('rejects assertions with the matching AADSTS7002xx / 700024 / 700027 errors', async () => {
    const wrongSubject = emu.mintIdToken({ sub: 'repo:Octo-Org/octo-repo:ref:refs/heads/main' }, D.audience);
    const s = await tokenRequest(assertionForm(wrongSubject));
    expectEntraError(s, 401, 'invalid_client', 700213);
    expect(s.json.error_description).toContain(
      "presented assertion subject 'repo:Octo-Org/octo-repo:ref:refs/heads/main'",
    );

    const a = await tokenRequest(assertionForm(await idToken('api://SomethingElse')));
    expectEntraError(a, 401, 'invalid_client', 700212);
    expect(a.json.error_description).toContain("presented assertion audience 'api://SomethingElse'");

    const i = await tokenRequest(
      assertionForm(emu.mintIdToken({ iss: 'https://token.actions.githubusercontent.com' }, D.audience)),
    );
    expectEntraError(i, 401, 'invalid_client', 700211);
    expect(i.json.error_description).toContain(
      "presented assertion issuer 'https://token.actions.githubusercontent.com'",
    );

    const now = Math.floor(Date.now() / 1000);
    const expired = await tokenRequest(
      assertionForm(emu.mintIdToken({ iat: now - 700, nbf: now - 700, exp: now - 100 }, D.audience)),
    );
    expectEntraError(expired, 401, 'invalid_client', 700024);
    expect(expired.json.error_description).toContain(
      'Client assertion is not within its valid time range. Current time: ',
    );

    const good = await idToken();
    const tampered = good.slice(0, -6) + (good.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA');
    expectEntraError(await tokenRequest(assertionForm(tampered)), 401, 'invalid_client', 700027);

    // The subject the federated credential expects follows config.oidcSubject only at seeding time.
    emu.config.oidcSubject = 'repo:octo-org/octo-repo:environment:prod';
    expectEntraError(await tokenRequest(assertionForm(await idToken())), 401, 'invalid_client', 700213);
  });

  it("renders an injected AADSTS70021 with the assertion's issuer, subject and audience", async () => {
    emu.faults.add({ service: 'entra', op: 'token', fault: { status: 400, code: 'AADSTS70021' } });
    const r = await tokenRequest(assertionForm(await idToken()));
    expectEntraError(r, 400, 'invalid_client', 70021);
    expect(r.json.error_description).toContain(
      `No matching federated identity record found for presented assertion. Assertion Issuer: '${emu.oidcUrl}'. Assertion Subject: '${DEFAULT_CONFIG.oidcSubject}'. Assertion Audience: '${D.audience}'.`,
    );
    expect(emu.requestsFor('token').at(-1)).toMatchObject({ status: 400, fault: 'status:400' });
  });
});

describe('GitHub OIDC token service', () => {
  it('needs the request token, and signs ID tokens with the published key', async () => {
    expect((await http(emu, 'GET', emu.oidcRequestUrl)).status).toBe(401);
    expect((await http(emu, 'GET', emu.oidcRequestUrl, { headers: { authorization: 'Bearer wrong' } })).status).toBe(
      401,
    );

    const noAudience = await http(emu, 'GET', emu.oidcRequestUrl, {
      headers: { authorization: `Bearer ${emu.oidcRequestToken}` },
    });
    expect(decodeJwtPayload(noAudience.json.value).aud).toBe('https://github.com/octo-org');

    emu.config.idTokenLifetimeSec = 120;
    emu.config.oidcClaims = { environment: 'prod' };
    const jwt = await idToken();
    const c = decodeJwtPayload(jwt);
    expect(c).toMatchObject({
      iss: emu.oidcUrl,
      aud: D.audience,
      sub: DEFAULT_CONFIG.oidcSubject,
      repository: 'octo-org/octo-repo',
      repository_owner: 'octo-org',
      ref: 'refs/heads/main',
      job_workflow_ref: 'octo-org/octo-repo/.github/workflows/ci.yml@refs/heads/main',
      environment: 'prod',
    });
    expect((c.exp as number) - (c.iat as number)).toBe(120);
    for (const k of ['jti', 'nbf']) expect(c).toHaveProperty(k);

    const conf = await http(emu, 'GET', `${emu.oidcUrl}/.well-known/openid-configuration`);
    expect(conf.json.issuer).toBe(emu.oidcUrl);
    const jwks = await http(emu, 'GET', conf.json.jwks_uri);
    const [h, p, sig] = jwt.split('.') as [string, string, string];
    const header = JSON.parse(Buffer.from(h, 'base64url').toString());
    const jwk = jwks.json.keys.find((k: { kid: string }) => k.kid === header.kid);
    expect(
      verify(
        'sha256',
        Buffer.from(`${h}.${p}`),
        createPublicKey({ key: jwk, format: 'jwk' }),
        Buffer.from(sig, 'base64url'),
      ),
    ).toBe(true);
  });
});

describe('ARM: shapes of the Microsoft examples', () => {
  it('createRun matches Pipelines_CreateRun.json', async () => {
    const ex = example('Pipelines_CreateRun.json').responses['200']!;
    const r = await arm('POST', '/pipelines/fast/createRun', { json: { OutputBlobNameList: ['exampleoutput.csv'] } });
    expect(r.status).toBe(200);
    expect(shape(r.json)).toEqual(shape(ex.body));
    expectExampleHeaders(r, ex.headers!);
    expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
    const run = emu.getRun(r.json.runId)!;
    expect(run.body).toEqual({ OutputBlobNameList: ['exampleoutput.csv'] });
    expect(run.parameters).toEqual({ OutputBlobNameList: ['exampleoutput.csv'], count: 1 });
  });

  it('getRun matches PipelineRuns_Get.json (parameters as strings)', async () => {
    const ex = example('PipelineRuns_Get.json').responses['200']!;
    const runId = await createRun('fast', { OutputBlobNameList: ['exampleoutput.csv'] });
    const early = await arm('GET', `/pipelineruns/${runId}`);
    // As recorded (azure-powershell__TestPipelineRunV2.json): runStart is set already while Queued,
    // and message is null then.
    expect(early.json.status).toBe('Queued');
    expect(early.json.runStart).toEqual(expect.any(String));
    expect(early.json.message).toBeNull();
    await waitStatus(runId, 'Succeeded');
    const r = await arm('GET', `/pipelineruns/${runId}`);
    expect(r.status).toBe(200);
    expect(shape(r.json)).toMatchObject(shape(ex.body));
    expectExampleHeaders(r, ex.headers!);
    expect(r.json).toMatchObject({
      runId,
      runGroupId: runId,
      isLatest: true,
      pipelineName: 'fast',
      parameters: { OutputBlobNameList: '["exampleoutput.csv"]', count: '1' },
      invokedBy: { name: 'Manual', invokedByType: 'Manual' },
      status: 'Succeeded',
      message: '',
      annotations: [],
      runDimension: {},
    });
    // Up to 7 fractional digits, trailing zeros trimmed (as recorded).
    expect(r.json.runStart).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{0,6}[1-9])?Z$/);
    // end − start in 100-ns ticks, truncated to ms: within 1 ms of the millisecond difference.
    const ms = Date.parse(r.json.runEnd) - Date.parse(r.json.runStart);
    expect(r.json.durationInMs).toBeGreaterThanOrEqual(ms - 1);
    expect(r.json.durationInMs).toBeLessThanOrEqual(ms);
    expect(r.json.invokedBy.id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('queryPipelineRuns matches PipelineRuns_QueryByFactory.json, including a cancelled run', async () => {
    const ex = example('PipelineRuns_QueryByFactory.json');
    const exBody = ex.responses['200']!.body as { value: Array<Record<string, unknown>> };
    emu.config.cancelDelayMs = 0;
    emu.config.queryVisibilityDelayMs = 0;
    const done = await createRun('fast');
    const cancelled = await createRun('slow');
    await waitStatus(done, 'Succeeded');
    expect((await arm('POST', `/pipelineruns/${cancelled}/cancel`)).status).toBe(200);
    await waitStatus(cancelled, 'Cancelled');
    const r = await arm('POST', '/queryPipelineRuns', {
      json: {
        lastUpdatedAfter: new Date(Date.now() - 60_000).toISOString(),
        lastUpdatedBefore: new Date(Date.now() + 60_000).toISOString(),
        filters: [{ operand: 'RunGroupId', operator: 'In', values: [done, cancelled] }],
      },
    });
    expect(r.status).toBe(200);
    expectExampleHeaders(r, ex.responses['200']!.headers!);
    expect(Object.keys(r.json)).toEqual(['value']);
    const byId = new Map(r.json.value.map((v: { runId: string }) => [v.runId, v]));
    // The example says runDimension (singular) as real ADF does (the schema says runDimensions).
    expect(shape(byId.get(done))).toMatchObject(shape(exBody.value[0]));
    // The example's Cancelled run has runEnd/durationInMs null; recorded Cancelled runs have both
    // (azure-sdk-for-net__synapse_TestQueryActivityAsync.json), and the recordings win.
    expect(shape(byId.get(cancelled), ['runEnd', 'durationInMs'])).toMatchObject(
      shape(exBody.value[1], ['runEnd', 'durationInMs']),
    );
    expect(byId.get(cancelled)).toMatchObject({
      status: 'Cancelled',
      runEnd: expect.any(String),
      durationInMs: expect.any(Number),
    });
  });

  it('queryActivityruns matches ActivityRuns_QueryByPipelineRun.json', async () => {
    const ex = example('ActivityRuns_QueryByPipelineRun.json').responses['200']!;
    const exItem = (ex.body as { value: Array<Record<string, unknown>> }).value[1]!;
    const runId = await createRun('fast');
    await waitStatus(runId, 'Succeeded');
    const r = await arm('POST', `/pipelineruns/${runId}/queryActivityruns`, {
      json: {
        lastUpdatedAfter: new Date(Date.now() - 60_000).toISOString(),
        lastUpdatedBefore: new Date(Date.now() + 60_000).toISOString(),
      },
    });
    expect(r.status).toBe(200);
    expectExampleHeaders(r, ex.headers!);
    expect(r.json.value.map((a: { activityName: string }) => a.activityName)).toEqual([
      'ExampleForeachActivity',
      'ExampleCopyActivity',
    ]);
    const item = r.json.value[1];
    expect(shape(item)).toEqual(shape(exItem));
    expect(shape(item.error)).toEqual(shape(exItem.error));
    expect(item.error).toEqual({ errorCode: '', message: '', failureType: '', target: 'ExampleCopyActivity' });
    expect(item).toMatchObject({
      pipelineName: 'fast',
      pipelineRunId: runId,
      status: 'Succeeded',
      retryAttempt: null,
      linkedServiceName: '',
      userProperties: {},
    });
  });

  it('cancel matches PipelineRuns_Cancel.json (200, no body) and getPipeline matches Pipelines_Get.json', async () => {
    const runId = await createRun('slow');
    const c = await arm('POST', `/pipelineruns/${runId}/cancel?isRecursive=true`);
    expect(c.status).toBe(200);
    expect(c.text).toBe('');
    expect(c.headers['x-ms-ratelimit-remaining-subscription-writes']).toBeDefined();
    expect(emu.getRun(runId)!.cancelRequests[0]).toMatchObject({ isRecursive: true });

    const ex = example('Pipelines_Get.json').responses;
    const g = await arm('GET', '/pipelines/fast');
    expect(g.status).toBe(200);
    expect(shape(g.json)).toEqual(shape(ex['200']!.body));
    expectExampleHeaders(g, ex['200']!.headers!);
    expect(g.json).toMatchObject({
      name: 'fast',
      type: 'Microsoft.DataFactory/factories/pipelines',
      properties: { parameters: { OutputBlobNameList: { type: 'Array' } } },
    });
    expect(g.json.id).toBe(
      `/subscriptions/${D.subscriptionId}/resourceGroups/${D.resourceGroup}/providers/Microsoft.DataFactory/factories/${D.factoryName}/pipelines/fast`,
    );
    const notModified = await arm('GET', '/pipelines/fast', { headers: { 'if-none-match': g.json.etag } });
    expect(notModified.status).toBe(304);
    expectExampleHeaders(notModified, ex['304']!.headers!);

    const list = await arm('GET', '/pipelines');
    expect(list.json.value.map((p: { name: string }) => p.name)).toContain(DEFAULT_PIPELINES.dailyLoad);
    const f = await arm('GET', '');
    expect(f.json).toMatchObject({
      name: D.factoryName,
      type: 'Microsoft.DataFactory/factories',
      properties: { provisioningState: 'Succeeded', version: '2018-06-01' },
    });
  });

  it('matches path words case-insensitively, decodes segments and echoes correlation ids', async () => {
    const lower = `${emu.armUrl}/SUBSCRIPTIONS/${D.subscriptionId}/resourcegroups/${D.resourceGroup}/PROVIDERS/microsoft.datafactory/Factories/${D.factoryName}/PipeLines/fa%73t?api-version=2018-06-01`;
    const r = await http(emu, 'GET', lower, {
      headers: { authorization: `Bearer ${token}`, 'x-ms-client-request-id': 'c0ffee00-0000-4000-8000-000000000001' },
    });
    expect(r.status).toBe(200);
    expect(r.headers['x-ms-correlation-request-id']).toBe('c0ffee00-0000-4000-8000-000000000001');
    expect(emu.requests.at(-1)).toMatchObject({ op: 'getPipeline', status: 200 });
  });
});

describe('ARM: errors', () => {
  it('checks api-version', async () => {
    const missing = await http(emu, 'GET', `${P}/pipelines/fast`, { headers: { authorization: `Bearer ${token}` } });
    expectCloudError(missing, 400, 'MissingApiVersionParameter');
    expect(missing.json.error.message).toBe(
      'The api-version query parameter (?api-version=) is required for all requests.',
    );
    const wrong = await http(emu, 'GET', `${P}/pipelines/fast?api-version=2017-01-01`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expectCloudError(wrong, 400, 'InvalidApiVersionParameter');
  });

  it('checks the bearer token: missing, malformed, wrong audience, expired', async () => {
    const missing = await http(emu, 'GET', api('/pipelines/fast'));
    expectCloudError(missing, 401, 'AuthenticationFailed');
    expect(missing.json.error.message).toBe("Authentication failed. The 'Authorization' header is missing.");
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer authorization_uri="/);
    const garbage = await http(emu, 'GET', api('/pipelines/fast'), { headers: { authorization: 'Bearer not.a.jwt' } });
    expectCloudError(garbage, 401, 'InvalidAuthenticationToken');
    const forged = token.slice(0, token.lastIndexOf('.')) + '.' + Buffer.from('forged').toString('base64url');
    expectCloudError(
      await http(emu, 'GET', api('/pipelines/fast'), { headers: { authorization: `Bearer ${forged}` } }),
      401,
      'InvalidAuthenticationToken',
    );
    const wrongAud = emu.mintAccessToken({ audience: 'https://management.azure.com' });
    const aud = await http(emu, 'GET', api('/pipelines/fast'), { headers: { authorization: `Bearer ${wrongAud}` } });
    expectCloudError(aud, 401, 'InvalidAuthenticationTokenAudience');
    const expired = emu.mintAccessToken({ exp: Math.floor(Date.now() / 1000) - 60 });
    const e = await http(emu, 'GET', api('/pipelines/fast'), { headers: { authorization: `Bearer ${expired}` } });
    expectCloudError(e, 401, 'ExpiredAuthenticationToken');
    expect(e.json.error.message).toMatch(
      /^The access token expiry UTC time '\d+\/\d+\/\d{4} \d+:\d\d:\d\d [AP]M' is earlier than current UTC time '.+'\.$/,
    );
    expect(e.headers['www-authenticate']).toBe(
      `Bearer authorization_uri="${emu.entraUrl}/${D.tenantId}", error="invalid_token", error_description="The access token has expired."`,
    );
    const slash = emu.mintAccessToken({ audience: `${emu.armUrl}/` });
    expect(
      (await http(emu, 'GET', api('/pipelines/fast'), { headers: { authorization: `Bearer ${slash}` } })).status,
    ).toBe(200);
  });

  it('reports missing subscriptions, resource groups, factories, pipelines and runs', async () => {
    const base = `${emu.armUrl}/subscriptions/${D.subscriptionId}/resourceGroups`;
    const get = (url: string) =>
      http(emu, 'GET', `${url}?api-version=2018-06-01`, { headers: { authorization: `Bearer ${token}` } });
    const rg = await get(`${base}/rg-missing/providers/Microsoft.DataFactory/factories/${D.factoryName}`);
    expectCloudError(rg, 404, 'ResourceGroupNotFound');
    expect(rg.json.error.message).toBe("Resource group 'rg-missing' could not be found.");
    const f = await get(`${base}/${D.resourceGroup}/providers/Microsoft.DataFactory/factories/nope`);
    expectCloudError(f, 404, 'ResourceNotFound');
    expect(f.json.error.message).toBe(
      `The Resource 'Microsoft.DataFactory/factories/nope' under resource group '${D.resourceGroup}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`,
    );
    expectCloudError(
      await get(
        `${emu.armUrl}/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/x/providers/Microsoft.DataFactory/factories/y`,
      ),
      404,
      'SubscriptionNotFound',
    );
    const missing = await arm('GET', '/pipelines/nope');
    expectCloudError(missing, 404, 'NotFound');
    expect(missing.json.error).toEqual({
      code: 'NotFound',
      message: 'The document could not be retrieved because it does not exist.',
      target: `/subscriptions/${D.subscriptionId}/resourceGroups/${D.resourceGroup}/providers/Microsoft.DataFactory/factories/${D.factoryName}/pipelines/nope`,
      details: null,
    });
    expectCloudError(await arm('POST', '/pipelines/nope/createRun'), 404, 'NotFound');
    emu.config.pipelineNotFound = {
      code: 'PipelineNotFound',
      message: 'Pipeline {pipeline} is missing from {factory}.',
    };
    const custom = await arm('GET', '/pipelines/nope');
    expect(custom.json.error).toEqual({
      code: 'PipelineNotFound',
      message: `Pipeline nope is missing from ${D.factoryName}.`,
    });
    expectCloudError(
      await arm('GET', '/pipelineruns/2f7fdb90-5df1-4b8e-ac2f-064cfa58202b'),
      404,
      'PipelineRunNotFound',
    );
    expectCloudError(await arm('GET', '/datasets/x'), 404, 'InvalidResourceType');
    expect(emu.requests.at(-1)?.op).toBe('unknown');
  });

  it('rejects a bad referencePipelineRunId, bad bodies and bad filters', async () => {
    const ref = await arm('POST', '/pipelines/fast/createRun?referencePipelineRunId=not-a-run');
    expectCloudError(ref, 400, 'ReferencedPipelineRunNotValid');
    expect(ref.json.error).toEqual({
      code: 'ReferencedPipelineRunNotValid',
      message: 'Referenced pipeline run id not-a-run is not a valid run id.',
      target: 'pipeline/fast/',
    });
    expectCloudError(
      await arm('POST', '/pipelines/fast/createRun', {
        raw: '{not json',
        headers: { 'content-type': 'application/json' },
      }),
      400,
      'InvalidRequestContent',
    );
    expectCloudError(
      await arm('POST', '/queryPipelineRuns', { json: { lastUpdatedBefore: new Date().toISOString() } }),
      400,
      'BadRequest',
    );
    expectCloudError(await arm('POST', '/queryPipelineRuns'), 400, 'BadRequest');
    expectCloudError(
      await arm('POST', '/queryPipelineRuns', {
        json: {
          lastUpdatedAfter: '2020-01-01T00:00:00Z',
          lastUpdatedBefore: '2030-01-01T00:00:00Z',
          filters: [{ operand: 'Bogus', operator: 'Equals', values: ['x'] }],
        },
      }),
      400,
      'BadRequest',
    );
    emu.addPipeline({ ...FACTORY, name: 'needs-param', parameters: { required: { type: 'String' } }, script: FAST });
    expectCloudError(await arm('POST', '/pipelines/needs-param/createRun'), 400, 'BadRequest');
    emu.config.missingParameter = null;
    expect((await arm('POST', '/pipelines/needs-param/createRun')).status).toBe(200);
  });

  it('deny() gives 403 AuthorizationFailed for that action only, by client id or object id', async () => {
    emu.deny(D.clientId, 'Microsoft.DataFactory/factories/pipelines/createrun/action');
    const r = await arm('POST', '/pipelines/fast/createRun');
    expectCloudError(r, 403, 'AuthorizationFailed');
    expect(r.json.error.message).toBe(
      `The client '${D.objectId}' with object id '${D.objectId}' does not have authorization to perform action 'Microsoft.DataFactory/factories/pipelines/createrun/action' over scope '/subscriptions/${D.subscriptionId}/resourceGroups/${D.resourceGroup}/providers/Microsoft.DataFactory/factories/${D.factoryName}/pipelines/fast' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
    );
    expect((await arm('GET', '/pipelines/fast')).status).toBe(200);
    emu.allow(D.clientId);
    emu.deny(D.objectId, 'Microsoft.DataFactory/factories/pipelines/read');
    expectCloudError(await arm('GET', '/pipelines/fast'), 403, 'AuthorizationFailed');
    expect((await arm('POST', '/pipelines/fast/createRun')).status).toBe(200);
    emu.allow(D.objectId);
  });
});

describe('ARM: runs', () => {
  it('records createRun flags; reference runs copy parameters and recovery joins the group', async () => {
    const first = await createRun('fast', { OutputBlobNameList: ['a.csv'], count: 5 });
    await waitStatus(first, 'Succeeded');
    const rerun = await createRun(
      'fast',
      { ignored: true },
      `?referencePipelineRunId=${first}&isRecovery=true&startActivityName=ExampleCopyActivity&startFromFailure=false`,
    );
    const run = emu.getRun(rerun)!;
    expect(run).toMatchObject({
      referencePipelineRunId: first,
      isRecovery: true,
      startActivityName: 'ExampleCopyActivity',
      startFromFailure: false,
      runGroupId: first,
      parameters: { OutputBlobNameList: ['a.csv'], count: 5 },
      body: { ignored: true },
    });
    expect(run.query).toMatchObject({ isRecovery: 'true', startFromFailure: 'false' });
    expect(run.script.activities?.map((a) => a.name)).toEqual(['ExampleCopyActivity']);
    expect((await arm('GET', `/pipelineruns/${first}`)).json.isLatest).toBe(false);
    expect((await arm('GET', `/pipelineruns/${rerun}`)).json).toMatchObject({ isLatest: true, runGroupId: first });
    const plain = await createRun('fast', undefined, `?referencePipelineRunId=${first}`);
    expect(emu.getRun(plain)!.runGroupId).toBe(plain);
  });

  it('runs scripted failures with an ADF-like message and failed activity error', async () => {
    const runId = await createRun('fast');
    expect(emu.getRun(runId)!.script).toBe(FAST);
    emu.nextRunScript('fast', {
      phases: [
        { status: 'Queued', ms: 10 },
        { status: 'InProgress', ms: 60 },
      ],
      final: 'Failed',
      activities: [
        {
          name: 'Copy',
          type: 'Copy',
          status: 'Failed',
          error: { errorCode: '2200', message: 'Blob missing', failureType: 'UserError' },
        },
      ],
    });
    const failed = await createRun('fast');
    await waitStatus(failed, 'Failed');
    const r = await arm('GET', `/pipelineruns/${failed}`);
    expect(r.json.message).toBe('Operation on target Copy failed: Blob missing');
    const acts = await arm('POST', `/pipelineruns/${failed}/queryActivityruns`, {
      json: {
        lastUpdatedAfter: '2000-01-01T00:00:00Z',
        lastUpdatedBefore: '2100-01-01T00:00:00Z',
        filters: [{ operand: 'Status', operator: 'Equals', values: ['Failed'] }],
      },
    });
    expect(acts.json.value).toHaveLength(1);
    expect(acts.json.value[0].error).toEqual({
      errorCode: '2200',
      message: 'Blob missing',
      failureType: 'UserError',
      target: 'Copy',
    });
  });

  it('pages activity runs with continuationToken', async () => {
    emu.config.activityPageSize = 2;
    emu.addPipeline({
      ...FACTORY,
      name: 'many',
      script: {
        phases: [
          { status: 'Queued', ms: 10 },
          { status: 'InProgress', ms: 100 },
        ],
        activities: ['A', 'B', 'C', 'D', 'E'].map((n) => ({ name: n, type: 'Wait', startMs: 0, durationMs: 10 })),
      },
    });
    const runId = await createRun('many');
    await waitStatus(runId, 'Succeeded');
    const names: string[] = [];
    let continuationToken: string | undefined;
    let pages = 0;
    do {
      const r = await arm('POST', `/pipelineruns/${runId}/queryActivityruns`, {
        json: {
          lastUpdatedAfter: '2000-01-01T00:00:00Z',
          lastUpdatedBefore: '2100-01-01T00:00:00Z',
          orderBy: [{ orderBy: 'ActivityName', order: 'ASC' }],
          ...(continuationToken ? { continuationToken } : {}),
        },
      });
      names.push(...r.json.value.map((a: { activityName: string }) => a.activityName));
      continuationToken = r.json.continuationToken;
      pages++;
    } while (continuationToken);
    expect(pages).toBe(3);
    expect(names).toEqual(['A', 'B', 'C', 'D', 'E']);
  });

  it('pages and filters queryPipelineRuns', async () => {
    emu.config.runPageSize = 1;
    emu.config.queryVisibilityDelayMs = 0;
    const ids = [await createRun('quick'), await createRun('quick')];
    const body = {
      lastUpdatedAfter: new Date(Date.now() - 60_000).toISOString(),
      lastUpdatedBefore: new Date(Date.now() + 60_000).toISOString(),
      filters: [
        { operand: 'RunGroupId', operator: 'In', values: ids },
        { operand: 'Status', operator: 'NotIn', values: ['Failed'] },
      ],
    };
    const one = await arm('POST', '/queryPipelineRuns', { json: body });
    expect(one.json.value).toHaveLength(1);
    expect(typeof one.json.continuationToken).toBe('string');
    const two = await arm('POST', '/queryPipelineRuns', {
      json: { ...body, continuationToken: one.json.continuationToken },
    });
    expect(two.json.value).toHaveLength(1);
    expect(two.json.continuationToken).toBeUndefined();
    expect([one.json.value[0].runId, two.json.value[0].runId].sort()).toEqual([...ids].sort());
  });

  it('cancel: Canceling then Cancelled; finished runs answer an error or 200 as configured', async () => {
    // Stay Canceling until the test shortens the delay (the state is computed when asked).
    emu.config.cancelDelayMs = 600_000;
    const runId = await createRun('slow');
    await waitStatus(runId, 'InProgress');
    expect((await arm('POST', `/pipelineruns/${runId}/cancel?isRecursive=false`)).status).toBe(200);
    const canceling = await arm('GET', `/pipelineruns/${runId}`);
    expect(canceling.json.status).toBe('Canceling');
    expect(canceling.json.runEnd).toBeNull();
    emu.config.cancelDelayMs = 0;
    await waitStatus(runId, 'Cancelled');
    const cancelled = await arm('GET', `/pipelineruns/${runId}`);
    // As recorded: a Cancelled run has runEnd and durationInMs, and lastUpdated = runEnd.
    expect(cancelled.json).toMatchObject({ status: 'Cancelled', runEnd: expect.any(String), message: '' });
    expect(cancelled.json.lastUpdated).toBe(cancelled.json.runEnd);
    expect(cancelled.json.durationInMs).toBeGreaterThan(0);
    expect(emu.getRun(runId)!.cancelRequests[0]).toMatchObject({ isRecursive: false, query: { isRecursive: 'false' } });

    const again = await arm('POST', `/pipelineruns/${runId}/cancel`);
    expectCloudError(again, 400, 'PipelineRunNotRunning');
    expect(again.json.error.message).toBe(
      "Pipeline run has already completed with status 'Cancelled'.Only pipeline runs that are in progress or queued can be canceled.",
    );
    emu.config.cancelFinishedRun = 'ok';
    expect((await arm('POST', `/pipelineruns/${runId}/cancel`)).status).toBe(200);
    expect(emu.getRun(runId)!.cancelRequests).toHaveLength(3);
  });

  it('ExecutePipeline activities start child runs; recursive cancel cancels them', async () => {
    emu.addPipeline({
      ...FACTORY,
      name: 'fast-child',
      parameters: { table: { type: 'String' } },
      script: {
        phases: [
          { status: 'Queued', ms: 10 },
          { status: 'InProgress', ms: 80 },
        ],
        activities: [{ name: 'Copy table', type: 'Copy' }],
      },
    });
    emu.addPipeline({
      ...FACTORY,
      name: 'fast-parent',
      script: {
        phases: [
          { status: 'Queued', ms: 10 },
          { status: 'InProgress', ms: 200 },
        ],
        activities: [
          { name: 'Prepare', type: 'SetVariable', durationMs: 20 },
          {
            name: 'Run child',
            type: 'ExecutePipeline',
            child: { pipelineName: 'fast-child', parameters: { table: 'orders' } },
          },
        ],
      },
    });
    const parentId = await createRun('fast-parent');
    const child = await waitFor(() => emu.runs.find((r) => r.parentRunId === parentId), 'the child run');
    expect(child.pipelineName).toBe('fast-child');
    const childView = await arm('GET', `/pipelineruns/${child.runId}`);
    expect(childView.json.invokedBy).toMatchObject({
      name: 'Run child',
      invokedByType: 'PipelineActivity',
      pipelineName: 'fast-parent',
      pipelineRunId: parentId,
    });
    expect(childView.json.runGroupId).toBe(child.runId);
    expect(childView.json.parameters).toEqual({ table: 'orders' });
    await waitStatus(parentId, 'Succeeded');
    const acts = await arm('POST', `/pipelineruns/${parentId}/queryActivityruns`, {
      json: { lastUpdatedAfter: '2000-01-01T00:00:00Z', lastUpdatedBefore: '2100-01-01T00:00:00Z' },
    });
    const exec = acts.json.value.find((a: { activityType: string }) => a.activityType === 'ExecutePipeline');
    expect(exec).toMatchObject({ status: 'Succeeded', output: { pipelineRunId: child.runId } });
    const childActs = await arm('POST', `/pipelineruns/${child.runId}/queryActivityruns`, {
      json: { lastUpdatedAfter: '2000-01-01T00:00:00Z', lastUpdatedBefore: '2100-01-01T00:00:00Z' },
    });
    expect(childActs.json.value.map((a: { activityName: string }) => a.activityName)).toEqual(['Copy table']);

    emu.addPipeline({
      ...FACTORY,
      name: 'slow-parent',
      script: {
        phases: [
          { status: 'Queued', ms: 10 },
          { status: 'InProgress', ms: 60_000 },
        ],
        activities: [{ name: 'Run slow', type: 'ExecutePipeline', startMs: 0, child: { pipelineName: 'slow' } }],
      },
    });
    const p2 = await createRun('slow-parent');
    const c2 = await waitFor(() => emu.runs.find((r) => r.parentRunId === p2), 'the slow child');
    await waitStatus(c2.runId, 'InProgress');
    expect((await arm('POST', `/pipelineruns/${p2}/cancel?isRecursive=true`)).status).toBe(200);
    await waitStatus(c2.runId, 'Cancelled');
    await waitStatus(p2, 'Cancelled');
  });

  it('concurrency keeps extra runs Queued until a slot frees', async () => {
    emu.addPipeline({
      ...FACTORY,
      name: 'one-at-a-time',
      concurrency: 1,
      script: {
        phases: [
          { status: 'Queued', ms: 10 },
          { status: 'InProgress', ms: 150 },
        ],
      },
    });
    const a = await createRun('one-at-a-time');
    const b = await createRun('one-at-a-time');
    expect(emu.getRun(b)!.queueDelayMs).toBeGreaterThan(0);
    await waitStatus(a, 'Succeeded');
    await waitStatus(b, 'Succeeded');
    // b leaves Queued only once a has ended (its runStart is set while Queued, as in real ADF).
    const rb = emu.getRun(b)!;
    expect(rb.createdAt + rb.startOffset).toBeGreaterThanOrEqual(Date.parse(emu.runView(a)!.runEnd!));
  });
});

describe('faults', () => {
  it('429 with Retry-After and the SubscriptionRequestsThrottled body; skip and count', async () => {
    emu.faults.add({ service: 'arm', op: 'getRun', skip: 1, count: 2, fault: { status: 429, retryAfter: 7 } });
    const runId = await createRun('fast');
    const statuses: number[] = [];
    let throttled: HttpResult | undefined;
    for (let i = 0; i < 4; i++) {
      const r = await arm('GET', `/pipelineruns/${runId}`);
      statuses.push(r.status);
      if (r.status === 429) throttled = r;
    }
    expect(statuses).toEqual([200, 429, 429, 200]);
    expectCloudError(throttled!, 429, 'SubscriptionRequestsThrottled');
    expect(throttled!.headers['retry-after']).toBe('7');
    expect(throttled!.json.error.message).toBe(
      `Number of 'read' requests for subscription '${D.subscriptionId}' actor '${D.objectId}' exceeded. Please try again after '7' seconds after additional tokens are available. Refer to https://aka.ms/arm-throttling for additional information.`,
    );
    expect(
      emu
        .requestsFor('getRun')
        .slice(-4)
        .map((r) => r.status),
    ).toEqual([200, 429, 429, 200]);
  });

  it('5xx faults are CloudErrors', async () => {
    emu.faults.add({ op: 'createRun', fault: { status: 503, retryAfter: 1 } });
    emu.faults.add({ op: 'createRun', fault: { status: 500, code: 'InternalServerError', message: 'boom' } });
    const before = emu.runs.length;
    const a = await arm('POST', '/pipelines/fast/createRun');
    expectCloudError(a, 503, 'ServiceUnavailable');
    expect(a.headers['retry-after']).toBe('1');
    const b = await arm('POST', '/pipelines/fast/createRun');
    expect(b.json).toEqual({ error: { code: 'InternalServerError', message: 'boom' } });
    expect(emu.runs.length).toBe(before);
  });

  it("drop 'before' creates nothing; drop 'after' creates the run but never answers", async () => {
    const before = emu.runs.length;
    emu.faults.add({ op: 'createRun', fault: { drop: 'before' } });
    await expect(arm('POST', '/pipelines/fast/createRun')).rejects.toThrow();
    expect(emu.runs.length).toBe(before);
    expect(emu.requestsFor('createRun').at(-1)).toMatchObject({ status: 'dropped', fault: 'drop:before' });

    emu.faults.add({ op: 'createRun', fault: { drop: 'after' } });
    await expect(arm('POST', '/pipelines/fast/createRun', { json: { count: 9 } })).rejects.toThrow();
    expect(emu.runs.length).toBe(before + 1);
    expect(emu.runs.at(-1)!.parameters.count).toBe(9);
    expect(emu.requestsFor('createRun').at(-1)).toMatchObject({ status: 'dropped', wouldHaveBeen: 200 });
  });

  it('latency answers normally; random faults are reproducible with a seed', async () => {
    emu.faults.add({ op: 'getPipeline', fault: { latencyMs: 30 } });
    expect((await arm('GET', '/pipelines/fast')).status).toBe(200);
    expect(emu.requestsFor('getPipeline').at(-1)).toMatchObject({ status: 200, fault: 'latency' });

    const sequence = (seed: number) => {
      const f = new Faults();
      f.random({ rate: 0.33, seed, faults: [{ status: 503 }, { drop: 'before' }], services: ['arm'] });
      return Array.from({ length: 60 }, () => f.pick('arm', 'getRun'));
    };
    const a = sequence(42);
    expect(sequence(42)).toEqual(a);
    const hits = a.filter((x) => x !== undefined).length;
    expect(hits).toBeGreaterThan(5);
    expect(hits).toBeLessThan(40);
    expect(new Faults().pick('arm', 'getRun')).toBeUndefined();

    emu.faults.random({ rate: 1, seed: 1, faults: [{ status: 502 }], ops: ['listPipelines'] });
    expectCloudError(await arm('GET', '/pipelines'), 502, 'BadGateway');
    expect((await arm('GET', '/pipelines/fast')).status).toBe(200);
  });

  it('hang never answers until close() destroys the socket', async () => {
    const other = await startEmulator({ seed: true });
    try {
      other.faults.add({ service: 'oidc', op: 'idToken', fault: { hang: true } });
      const pending = http(other, 'GET', other.oidcRequestUrl, {
        headers: { authorization: `Bearer ${other.oidcRequestToken}` },
      });
      const settled = pending.then(
        () => 'answered',
        () => 'failed',
      );
      await waitFor(() => other.requestsFor('idToken')[0]?.status === 'hung', 'the hung request');
      await other.close();
      expect(await settled).toBe('failed');
    } finally {
      await other.close();
    }
  });
});

describe('real credentials against the emulator (child process with NODE_EXTRA_CA_CERTS)', () => {
  it('ClientSecretCredential, ClientAssertionCredential + getIDToken, and AzureCliCredential with the fake az', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-contract-'));
    try {
      const loggedIn = writeFakeAzConfig(emu, join(dir, 'in'));
      const loggedOut = writeFakeAzConfig(emu, join(dir, 'out'), { loggedIn: false });
      const log = join(dir, 'az.log');
      const unknownBefore = emu.requests.filter((r) => r.service === 'entra' && r.op === 'unknown').length;
      const script = `
        import { ClientSecretCredential, ClientAssertionCredential, AzureCliCredential } from '@azure/identity';
        import * as core from '@actions/core';
        const i = JSON.parse(process.env.EMU_INFO);
        const out = {};
        const attempt = async (name, fn) => {
          try { const t = await fn(); out[name] = { ok: true, token: t.token, expiresOnTimestamp: t.expiresOnTimestamp }; }
          catch (e) { out[name] = { ok: false, name: e.name, message: e.message }; }
        };
        const scope = i.armUrl + '/.default';
        const opts = { authorityHost: i.entraUrl, disableInstanceDiscovery: true };
        await attempt('secret', () => new ClientSecretCredential(i.tenantId, i.clientId, i.clientSecret, opts).getToken(scope));
        await attempt('assertion', () => new ClientAssertionCredential(i.tenantId, i.clientId, () => core.getIDToken(i.audience), opts).getToken(scope));
        await attempt('cli', () => new AzureCliCredential().getToken(scope));
        process.env.FAKE_AZ_CONFIG = i.loggedOutConfig;
        await attempt('cliLoggedOut', () => new AzureCliCredential().getToken(scope));
        process.stdout.write('\\nRESULT ' + JSON.stringify(out) + '\\n');
      `;
      const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
        cwd: repoRoot,
        env: {
          ...process.env,
          ...emu.env(),
          ...loggedIn.env,
          // The fake az runs on the same node as this test.
          PATH: `${loggedIn.binDir}${delimiter}${dirname(process.execPath)}${delimiter}${process.env.PATH ?? ''}`,
          FAKE_AZ_LOG: log,
          EMU_INFO: JSON.stringify({
            ...D,
            entraUrl: emu.entraUrl,
            armUrl: emu.armUrl,
            loggedOutConfig: loggedOut.configPath,
          }),
        },
      });
      const line = stdout.split('\n').find((l) => l.startsWith('RESULT '));
      expect(line, stdout).toBeDefined();
      const out = JSON.parse(line!.slice('RESULT '.length));
      for (const name of ['secret', 'assertion', 'cli']) {
        expect(out[name], `${name}: ${JSON.stringify(out[name])}`).toMatchObject({ ok: true });
        const r = await http(emu, 'GET', api(''), { headers: { authorization: `Bearer ${out[name].token}` } });
        expect(r.status, name).toBe(200);
      }
      expect(decodeJwtPayload(out.assertion.token).appidacr).toBe('2');
      expect(out.cliLoggedOut).toMatchObject({ ok: false, name: 'CredentialUnavailableError' });
      expect(out.cliLoggedOut.message).toContain("Please run 'az login'");
      const calls = readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).args);
      expect(calls[0]).toEqual(['account', 'get-access-token', '--output', 'json', '--resource', emu.armUrl]);
      const discovery = emu.requestsFor('openidConfig');
      expect(discovery.length).toBeGreaterThan(0);
      // With disableInstanceDiscovery MSAL calls nothing but discovery and the token endpoint.
      expect(emu.requests.filter((r) => r.service === 'entra' && r.op === 'unknown').length).toBe(unknownBefore);
      expect(emu.requestsFor('idToken').some((r) => r.query.audience === D.audience)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('standalone CLI', () => {
  it('prints its endpoints, writes the env file, serves /_emulator/* and stops on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'emu-cli-'));
    const envFile = join(dir, 'emu.env');
    const child = spawn(process.execPath, ['test/emulator/cli.ts', '--write-env', envFile], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const firstLine = await new Promise<string>((resolvePromise, reject) => {
        let buf = '';
        child.stdout.on('data', (c: Buffer) => {
          buf += c.toString();
          const nl = buf.indexOf('\n');
          if (nl >= 0) resolvePromise(buf.slice(0, nl));
        });
        child.on('exit', (code) => reject(new Error(`cli exited early with ${code}`)));
      });
      const info = JSON.parse(firstLine);
      expect(Object.keys(info).sort()).toEqual(
        [
          'armUrl',
          'caFile',
          'clientId',
          'clientSecret',
          'entraUrl',
          'factoryName',
          'fabricUrl',
          'fabricWorkspaceId',
          'fabricWorkspaceName',
          'oidcRequestToken',
          'oidcRequestUrl',
          'oidcUrl',
          'pricesUrl',
          'resourceGroup',
          'subscriptionId',
          'synapseEndpoint',
          'synapseUrl',
          'synapseWorkspace',
          'tenantId',
        ].sort(),
      );
      expect(info).toMatchObject({ tenantId: D.tenantId, factoryName: D.factoryName });
      const env = readFileSync(envFile, 'utf8');
      expect(env).toContain(`ARM_URL=${info.armUrl}\n`);
      expect(env).toContain(`SYNAPSE_ENDPOINT=${info.synapseUrl}/ws/${D.synapseWorkspace}\n`);
      expect(env).toContain(`FABRIC_URL=${info.fabricUrl}\n`);
      expect(env).toContain(`PRICES_URL=${info.pricesUrl}\n`);
      expect(env).toContain(`ACTIONS_ID_TOKEN_REQUEST_URL=${info.oidcRequestUrl}\n`);
      const caPem = readFileSync(info.caFile, 'utf8');
      const t = await http({ caPem }, 'POST', `${info.entraUrl}/${info.tenantId}/oauth2/v2.0/token`, {
        form: {
          grant_type: 'client_credentials',
          client_id: info.clientId,
          client_secret: info.clientSecret,
          scope: `${info.armUrl}/.default`,
        },
      });
      const factory = `${info.armUrl}/subscriptions/${info.subscriptionId}/resourceGroups/${info.resourceGroup}/providers/Microsoft.DataFactory/factories/${info.factoryName}`;
      const created = await http(
        { caPem },
        'POST',
        `${factory}/pipelines/${DEFAULT_PIPELINES.dailyLoad}/createRun?api-version=2018-06-01`,
        {
          headers: { authorization: `Bearer ${t.json.access_token}` },
          json: { batchSize: 7 },
        },
      );
      expect(created.status).toBe(200);
      const requests = await http({ caPem }, 'GET', `${info.armUrl}/_emulator/requests?op=createRun`);
      expect(requests.json).toHaveLength(1);
      const runs = await http({ caPem }, 'GET', `${info.armUrl}/_emulator/runs/${created.json.runId}`);
      expect(runs.json).toMatchObject({
        runId: created.json.runId,
        body: { batchSize: 7 },
        parameters: { batchSize: '7' },
      });
      const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(existsSync(info.caFile)).toBe(false);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('records', () => {
  it('records every request with service, op, query, headers and parsed body', async () => {
    emu.clearRequests();
    await arm('POST', '/queryPipelineRuns', {
      json: { lastUpdatedAfter: '2020-01-01T00:00:00Z', lastUpdatedBefore: '2030-01-01T00:00:00Z' },
    });
    expect(emu.requests).toHaveLength(1);
    const r = emu.requests[0]!;
    expect(r).toMatchObject({
      service: 'arm',
      op: 'queryPipelineRuns',
      method: 'POST',
      query: { 'api-version': '2018-06-01' },
      status: 200,
    });
    expect(r.headers.authorization).toMatch(/^Bearer /);
    expect(r.body).toEqual({ lastUpdatedAfter: '2020-01-01T00:00:00Z', lastUpdatedBefore: '2030-01-01T00:00:00Z' });
    expect(typeOf(r.at)).toBe('number');
    const control = await http(emu, 'GET', `${emu.armUrl}/_emulator/requests?op=queryPipelineRuns`);
    expect(control.json).toHaveLength(1);
    const runs = await http(emu, 'GET', `${emu.armUrl}/_emulator/runs`);
    expect(runs.json.length).toBe(emu.runs.length);
    expect(emu.requests).toHaveLength(1);
  });
});
