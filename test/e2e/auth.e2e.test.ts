// End to end: each way of signing in (client secret, GitHub OIDC, the Azure CLI), what `auth: auto`
// picks, sovereign clouds, and that no secret or token ever shows up where the user can see it.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeFakeAzConfig } from '../emulator/index.ts';
import { startWorld, type World } from '../support/scenario.ts';
import {
  armBearerTokens,
  expectFailure,
  expectHidden,
  expectSuccess,
  idTokensSeen,
  jwtClaims,
  log,
  step,
  tempDir,
  tokenForms,
} from './helpers.ts';

const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const SECURE_VALUE = 'pa55-Secure-Value-7f3e9c21d0';
const USGOV_CLIENT = '5a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const CHINA_CLIENT = '6b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e';

let w: World;
beforeAll(async () => {
  w = await startWorld();
  const factory = {
    subscriptionId: w.seed.subscriptionId,
    resourceGroup: w.seed.resourceGroup,
    factoryName: w.seed.factoryName,
  };
  // A short pipeline with a SecureString parameter, for the secret checks.
  w.emu.addPipeline({
    ...factory,
    name: 'secure-quick',
    parameters: { apiKey: { type: 'SecureString' }, region: { type: 'String', defaultValue: 'westeurope' } },
    script: {
      phases: [
        { status: 'Queued', ms: 100 },
        { status: 'InProgress', ms: 400 },
      ],
      activities: [{ name: 'Call API', type: 'WebActivity' }],
    },
  });
  // App registrations whose federated credential accepts only a sovereign cloud's audience.
  for (const [clientId, audience] of [
    [USGOV_CLIENT, 'api://AzureADTokenExchangeUSGov'],
    [CHINA_CLIENT, 'api://AzureADTokenExchangeChina'],
  ]) {
    w.emu.addClient({
      tenantId: w.seed.tenantId,
      clientId,
      federated: [{ issuer: w.emu.oidcUrl, subject: w.emu.config.oidcSubject, audiences: [audience] }],
    });
  }
});
afterAll(() => w?.emu.close());

const quick = () => ({ ...w.base, 'pipeline-name': 'quick', 'poll-interval': '1s' });

/** The fake `az` on PATH (first), logging each call. */
function fakeAz(opts: { loggedIn?: boolean } = {}) {
  const dir = tempDir('fake-az-');
  const logFile = path.join(dir, 'az-calls.log');
  const fake = writeFakeAzConfig(w.emu, dir, opts);
  return {
    env: { ...fake.env, FAKE_AZ_LOG: logFile },
    calls: (): Array<{ args: string[] }> =>
      existsSync(logFile)
        ? readFileSync(logFile, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((l) => JSON.parse(l) as { args: string[] })
        : [],
  };
}

function expectArmTokensFor(requests: Parameters<typeof armBearerTokens>[0], clientId: string, appidacr: string) {
  const tokens = armBearerTokens(requests);
  expect(tokens.length).toBeGreaterThan(0);
  for (const t of tokens) {
    const c = jwtClaims(t);
    expect(c.aud).toBe(w.emu.armUrl);
    expect(c.appid).toBe(clientId);
    expect(c.tid).toBe(w.seed.tenantId);
    expect(c.appidacr).toBe(appidacr);
  }
}

describe('client secret', () => {
  test('signs in with the secret and runs the pipeline to success', async () => {
    const s = await step(w, { inputs: { ...quick(), ...w.secretAuth, auth: 'client-secret' }, env: w.caEnv });
    expectSuccess(s.r);
    expect(s.r.outputs.status).toBe('Succeeded');
    expect(s.r.stdout).toContain('with client secret for application');

    const forms = tokenForms(s.requests);
    expect(forms.length).toBeGreaterThan(0);
    for (const f of forms) {
      expect(f).toMatchObject({
        grant_type: 'client_credentials',
        client_id: w.seed.clientId,
        client_secret: w.seed.clientSecret,
        scope: `${w.emu.armUrl}/.default`,
      });
      expect(f.client_assertion).toBeUndefined();
    }
    expect(s.ops('idToken')).toHaveLength(0);
    expect(s.ops('createRun')).toHaveLength(1);
    expectArmTokensFor(s.requests, w.seed.clientId, '1');
  });
});

describe('OIDC', () => {
  test('requests an ID token for api://AzureADTokenExchange and signs in with it as client assertion', async () => {
    const s = await step(w, { inputs: { ...quick(), ...w.oidcAuth, auth: 'oidc' }, env: w.oidcEnv });
    expectSuccess(s.r);
    expect(s.r.outputs.status).toBe('Succeeded');

    const idRequests = s.ops('idToken', 'oidc');
    // One ID token per sign-in: MSAL asks for the assertion twice in one acquisition, and the
    // second ask, milliseconds later, is answered from the first (no second round trip to GitHub).
    expect(idRequests).toHaveLength(1);
    expect(s.ops('token', 'entra')).toHaveLength(1);
    for (const q of idRequests) {
      expect(q.query.audience).toBe('api://AzureADTokenExchange');
      expect(q.headers.authorization).toBe(`Bearer ${w.emu.oidcRequestToken}`);
    }
    const forms = tokenForms(s.requests);
    expect(forms.length).toBeGreaterThan(0);
    for (const f of forms) {
      expect(f.client_assertion_type).toBe(JWT_BEARER);
      expect(f.client_assertion).toBeTruthy();
      expect(f.client_secret).toBeUndefined();
      expect(f.client_id).toBe(w.seed.clientId);
      const claims = jwtClaims(f.client_assertion);
      expect(claims.aud).toBe('api://AzureADTokenExchange');
      expect(claims.iss).toBe(w.emu.oidcUrl);
      expect(claims.sub).toBe(w.emu.config.oidcSubject);
    }
    expectArmTokensFor(s.requests, w.seed.clientId, '2');
  });

  test('auth: oidc in a job without id-token permission fails before any request, saying what to add', async () => {
    const s = await step(w, { inputs: { ...quick(), ...w.oidcAuth, auth: 'oidc' }, env: w.caEnv });
    const failure = expectFailure(s.r);
    expect(failure).toContain('id-token: write');
    expect(s.requests).toHaveLength(0);
  });
});

describe('Azure CLI', () => {
  test('uses the `az login` session: the fake az is called and ARM gets its token', async () => {
    const az = fakeAz();
    const s = await step(w, {
      inputs: { ...quick(), auth: 'azure-cli' },
      env: { ...w.caEnv, ...az.env },
    });
    expectSuccess(s.r);
    expect(s.r.outputs.status).toBe('Succeeded');
    expect(s.r.stdout).toContain('the Azure CLI session');

    const calls = az.calls();
    expect(calls.length).toBeGreaterThan(0);
    const tokenCall = calls.find((c) => c.args[0] === 'account' && c.args[1] === 'get-access-token');
    expect(tokenCall, JSON.stringify(calls)).toBeDefined();
    expect(tokenCall!.args.join(' ')).toContain(w.emu.armUrl);

    expect(s.ops('idToken')).toHaveLength(0);
    expectArmTokensFor(s.requests, w.seed.clientId, '1');
    expect(s.ops('createRun')).toHaveLength(1);
  });

  test('`az` not logged in: fails saying so and what to do, and ARM is never called', async () => {
    const az = fakeAz({ loggedIn: false });
    const s = await step(w, { inputs: { ...quick(), auth: 'azure-cli' }, env: { ...w.caEnv, ...az.env } });
    const failure = expectFailure(s.r);
    expect(failure).toMatch(/Azure CLI is not logged in/);
    expect(failure).toContain('azure/login');
    expect(az.calls().length).toBeGreaterThan(0);
    expect(s.requests.filter((q) => q.service === 'arm')).toHaveLength(0);
    // No run: run-id is empty and started false (the outputs say so).
    expect(s.r.outputs['run-id']).toBe('');
    expect(s.r.outputs.started).toBe('false');
  });
});

describe('auth: auto', () => {
  test('picks the client secret when one is set, even with OIDC and az available', async () => {
    const az = fakeAz();
    const s = await step(w, { inputs: { ...quick(), ...w.secretAuth }, env: { ...w.oidcEnv, ...az.env } });
    expectSuccess(s.r);
    expect(s.r.stdout).toContain("('client-secret' is set)");
    expect(tokenForms(s.requests).every((f) => f.client_secret === w.seed.clientSecret)).toBe(true);
    expect(s.ops('idToken')).toHaveLength(0);
    expect(az.calls()).toHaveLength(0);
  });

  test('picks OIDC when client-id and tenant-id are set and the job can request an ID token', async () => {
    const az = fakeAz();
    const s = await step(w, { inputs: { ...quick(), ...w.oidcAuth }, env: { ...w.oidcEnv, ...az.env } });
    expectSuccess(s.r);
    expect(s.r.stdout).toContain('OIDC federated credential');
    expect(s.ops('idToken').length).toBeGreaterThan(0);
    expect(tokenForms(s.requests).every((f) => f.client_assertion_type === JWT_BEARER)).toBe(true);
    expect(az.calls()).toHaveLength(0);
  });

  test('picks the Azure CLI session when no client-id or secret is given', async () => {
    const az = fakeAz();
    const s = await step(w, { inputs: quick(), env: { ...w.oidcEnv, ...az.env } });
    expectSuccess(s.r);
    expect(s.r.stdout).toContain("no 'client-id'/'client-secret' is set, so the existing Azure CLI session is used");
    expect(az.calls().length).toBeGreaterThan(0);
    expect(s.ops('idToken')).toHaveLength(0);
    expectArmTokensFor(s.requests, w.seed.clientId, '1');
  });

  test('falls back to the Azure CLI when client-id/tenant-id are set but the job has no ID token', async () => {
    const az = fakeAz();
    const s = await step(w, { inputs: { ...quick(), ...w.oidcAuth }, env: { ...w.caEnv, ...az.env } });
    expectSuccess(s.r);
    expect(s.r.stdout).toContain('the existing Azure CLI session is used');
    expect(az.calls().length).toBeGreaterThan(0);
    expect(s.ops('idToken')).toHaveLength(0);
  });

  test('no credentials and no az on PATH: fails naming what to set, before any request', async () => {
    const s = await step(w, {
      inputs: quick(),
      env: { ...w.caEnv, PATH: path.dirname(process.execPath) },
    });
    const failure = expectFailure(s.r);
    expect(failure).toContain('No way to sign in to Azure was found');
    for (const what of ["'client-id'", "'tenant-id'", 'id-token: write', "'client-secret'", 'azure/login'])
      expect(failure).toContain(what);
    expect(s.requests).toHaveLength(0);
  });
});

describe('sovereign clouds', () => {
  test.each([
    ['AzureUSGovernment', USGOV_CLIENT, 'api://AzureADTokenExchangeUSGov', 'https://adf.azure.us/'],
    ['azurechinacloud', CHINA_CLIENT, 'api://AzureADTokenExchangeChina', 'https://adf.azure.cn/'],
  ])('%s: OIDC audience and ADF Studio host follow the cloud', async (environment, clientId, audience, studio) => {
    const s = await step(w, {
      inputs: { ...quick(), environment, 'client-id': clientId, 'tenant-id': w.seed.tenantId, auth: 'oidc' },
      env: w.oidcEnv,
    });
    expectSuccess(s.r);
    const idRequests = s.ops('idToken', 'oidc');
    expect(idRequests.length).toBeGreaterThan(0);
    for (const q of idRequests) expect(q.query.audience).toBe(audience);
    for (const f of tokenForms(s.requests)) expect(jwtClaims(f.client_assertion).aud).toBe(audience);
    expect(s.r.outputs['run-url'].startsWith(`${studio}en/monitoring/pipelineruns/${s.r.outputs['run-id']}`)).toBe(
      true,
    );
    expect(s.r.summary).toContain(studio);
    expectArmTokensFor(s.requests, clientId, '2');
  });
});

describe('secrets never reach the log, outputs, state or summary', () => {
  const params = JSON.stringify({ apiKey: SECURE_VALUE, region: 'northeurope' });

  test('client secret', async () => {
    const s = await step(w, {
      inputs: {
        ...w.base,
        ...w.secretAuth,
        'pipeline-name': 'secure-quick',
        'poll-interval': '1s',
        parameters: params,
      },
      env: w.caEnv,
    });
    expectSuccess(s.r);
    expect(s.ops('createRun')[0]!.body).toMatchObject({ apiKey: SECURE_VALUE });
    // getRun echoes every parameter; the `run` output carries the SecureString one masked.
    expect(JSON.parse(s.r.outputs.run).parameters).toEqual({ apiKey: '***', region: 'northeurope' });
    expectHidden(s.r, [w.seed.clientSecret, ...armBearerTokens(s.requests), SECURE_VALUE]);
  });

  test('OIDC', async () => {
    const s = await step(w, {
      inputs: { ...w.base, ...w.oidcAuth, 'pipeline-name': 'secure-quick', 'poll-interval': '1s', parameters: params },
      env: w.oidcEnv,
    });
    expectSuccess(s.r);
    const idTokens = idTokensSeen(s.requests);
    expect(idTokens.length).toBeGreaterThan(0);
    expectHidden(s.r, [...armBearerTokens(s.requests), ...idTokens, SECURE_VALUE]);
  });

  test('a failed run', async () => {
    w.emu.nextRunScript('secure-quick', {
      phases: [
        { status: 'Queued', ms: 100 },
        { status: 'InProgress', ms: 400 },
      ],
      final: 'Failed',
      activities: [
        {
          name: 'Call API',
          type: 'WebActivity',
          status: 'Failed',
          error: {
            errorCode: '2108',
            message: 'Invoking the API failed with 401 Unauthorized.',
            failureType: 'UserError',
          },
        },
      ],
    });
    const s = await step(w, {
      inputs: {
        ...w.base,
        ...w.secretAuth,
        'pipeline-name': 'secure-quick',
        'poll-interval': '1s',
        parameters: params,
      },
      env: w.caEnv,
    });
    expectFailure(s.r);
    expect(s.r.outputs.status, log(s.r)).toBe('Failed');
    expectHidden(s.r, [w.seed.clientSecret, ...armBearerTokens(s.requests), SECURE_VALUE]);
  });
});
