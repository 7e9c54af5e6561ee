// Issue 4, sign-in errors: each Entra refusal users hit is mapped to what to change, the ID token's
// claims are shown (never the token), nothing is retried that cannot pass, and no ARM request is
// made without a token.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { DEFAULT_CONFIG, writeFakeAzConfig } from '../emulator/index.ts';
import { runStep, type StepResult } from '../support/action-runner.ts';
import { startConnectProxy } from '../support/connect-proxy.ts';
import { withWorld } from '../support/resilience.ts';
import { startWorld, type World } from '../support/scenario.ts';
import { expectNoSecrets, failureOf } from './diagnostics-helpers.ts';

let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(() => w?.emu.close());
beforeEach(() => w.emu.clearRequests());
afterEach(() => {
  w.emu.faults.clear();
  w.emu.config.oidcSubject = DEFAULT_CONFIG.oidcSubject;
  w.emu.config.oidcClaims = {};
  w.emu.config.idTokenLifetimeSec = DEFAULT_CONFIG.idTokenLifetimeSec;
});

const UNKNOWN_GUID = '11111111-2222-4333-8444-555555555555';
const step = { 'pipeline-name': 'quick', 'poll-interval': '1s' };
const oidc = (inputs: Record<string, string> = {}) =>
  runStep({ inputs: { ...w.base, ...w.oidcAuth, ...step, ...inputs }, env: w.oidcEnv });
const secret = (inputs: Record<string, string> = {}) =>
  runStep({ inputs: { ...w.base, ...w.secretAuth, ...step, ...inputs }, env: w.caEnv });

/** Sign-in failed before any ARM request, after exactly one token request (no retries). */
function expectRefusedOnce(r: StepResult): string {
  const message = failureOf(r);
  expect(w.emu.requests.filter((q) => q.service === 'arm')).toEqual([]);
  expect(w.emu.requestsFor('token', 'entra')).toHaveLength(1);
  expect(w.emu.runs).toHaveLength(0);
  expectNoSecrets(r);
  return message;
}

describe('no federated credential matches the ID token', () => {
  const repo = 'octo-org/octo-repo';
  test.each([
    {
      form: 'pull_request',
      subject: `repo:${repo}:pull_request`,
      claims: { event_name: 'pull_request', ref: 'refs/pull/7/merge' },
    },
    {
      form: 'environment',
      subject: `repo:${repo}:environment:production`,
      claims: { environment: 'production' },
    },
    // Registered as repo:octo-org/...; GitHub now sends the owner's current spelling.
    { form: 'case-changed', subject: `repo:Octo-Org/${repo.split('/')[1]}:ref:refs/heads/main`, claims: {} },
  ])('AADSTS700213 ($form subject): prints the decoded claims and the subject to register', async (c) => {
    w.emu.config.oidcSubject = c.subject;
    w.emu.config.oidcClaims = c.claims;
    const r = await oidc();
    const m = expectRefusedOnce(r);

    expect(m).toContain('Sign-in to Azure failed (oidc): no federated credential of application');
    expect(m).toContain(
      `AADSTS700213: No matching federated identity record found for presented assertion subject '${c.subject}'`,
    );
    expect(m).toContain(`  iss: ${w.emu.oidcUrl}\n`);
    expect(m).toContain(`  sub: ${c.subject}\n`);
    expect(m).toContain(`  aud: ${w.seed.audience}\n`);
    const ref = 'ref' in c.claims ? c.claims.ref : 'refs/heads/main';
    expect(m).toContain(`  job_workflow_ref: ${repo}/.github/workflows/ci.yml@${ref}\n`);
    for (const [k, v] of Object.entries(c.claims)) expect(m).toContain(`  ${k}: ${v}\n`);
    expect(m).toContain(`with issuer '${w.emu.oidcUrl}', subject '${c.subject}' and audience '${w.seed.audience}'`);
    expect(m).toContain('case-sensitive');
    expect(m).toMatch(/repo:OWNER\/REPO:environment:NAME/);
    expect(m).toMatch(/repo:OWNER\/REPO:pull_request/);
    // MSAL's wrapper text ("invalid_client: Error(s): ... - Timestamp: ...") is not repeated at the user.
    expect(m).not.toContain('Error(s):');
    // The assertion that reached Entra was GitHub's ID token for this subject.
    const sent = w.emu.requestsFor('token', 'entra')[0].body as Record<string, string>;
    expect(sent.client_assertion).toMatch(/^eyJ/);
    expect(r.all).not.toContain(sent.client_assertion);
    expect(r.masked).toContain(sent.client_assertion);
  });

  test('AADSTS70021 (older wording, injected): same explanation, claims from the real ID token', async () => {
    w.emu.faults.add({ service: 'entra', op: 'token', fault: { status: 401, code: 'AADSTS70021' } });
    const r = await oidc();
    const m = expectRefusedOnce(r);
    expect(m).toContain('AADSTS70021: No matching federated identity record found for presented assertion.');
    expect(m).toContain(`  sub: ${DEFAULT_CONFIG.oidcSubject}\n`);
    expect(m).toContain(`  iss: ${w.emu.oidcUrl}\n`);
    expect(m).toContain(`subject '${DEFAULT_CONFIG.oidcSubject}'`);
  });
});

test('AADSTS700024: an expired ID token is explained (runner clock) and not retried', async () => {
  w.emu.config.idTokenLifetimeSec = -120;
  const r = await oidc();
  const m = expectRefusedOnce(r);
  expect(m).toContain('the client assertion (GitHub ID token) had expired');
  expect(m).toContain('AADSTS700024: Client assertion is not within its valid time range.');
  expect(m).toMatch(/runner clock/);
});

test("AADSTS700212: the audience input differs from the credential's: names both audiences", async () => {
  const r = await oidc({ audience: 'api://ContosoTokenExchange' });
  const m = expectRefusedOnce(r);
  expect(m).toContain("the ID token's audience does not match the federated credential");
  expect(m).toContain(
    "AADSTS700212: No matching federated identity record found for presented assertion audience 'api://ContosoTokenExchange'",
  );
  expect(m).toContain("The token was requested for audience 'api://ContosoTokenExchange'");
  expect(m).toContain("The AzureCloud default is 'api://AzureADTokenExchange'");
  expect(m).toContain('  aud: api://ContosoTokenExchange\n');
  // The ID token really was requested for that audience.
  expect(w.emu.requestsFor('idToken', 'oidc')[0].query.audience).toBe('api://ContosoTokenExchange');
});

test('AADSTS7000215: a wrong client secret says to use the Value, not the Secret ID', async () => {
  const wrong = 'Xy7Q~definitely.not-the-right-secret';
  const r = await secret({ 'client-secret': wrong });
  const m = expectRefusedOnce(r);
  expect(m).toContain(
    `Sign-in to Azure failed (client-secret): Entra rejected the client secret of application ${w.seed.clientId}`,
  );
  expect(m).toContain('AADSTS7000215: Invalid client secret provided.');
  expect(m).toMatch(/Value .*not its Secret ID/);
  expect(r.masked).toContain(wrong);
  expectNoSecrets(r, [wrong, w.seed.clientSecret]);
});

test('AADSTS700016: an unknown client ID names the app and tenant and what to check', async () => {
  const r = await secret({ 'client-id': UNKNOWN_GUID });
  const m = expectRefusedOnce(r);
  expect(m).toContain(`Entra does not know application ${UNKNOWN_GUID} in tenant ${w.seed.tenantId}`);
  expect(m).toContain(`AADSTS700016: Application with identifier '${UNKNOWN_GUID}' was not found`);
  expect(m).toContain("Check 'client-id' (the Application (client) ID, not the object ID) and 'tenant-id'");
});

test.each(['client-secret', 'oidc'] as const)(
  'AADSTS90002 (%s): an unknown tenant is reported as not found, with Entra text, not as a network fault',
  async (mode) => {
    const r = mode === 'oidc' ? await oidc({ 'tenant-id': UNKNOWN_GUID }) : await secret({ 'tenant-id': UNKNOWN_GUID });
    const m = failureOf(r);
    // MSAL reads the tenant's OpenID configuration first; Entra refuses it, so no token request is made.
    expect(w.emu.requestsFor('openidConfig', 'entra').length).toBeGreaterThanOrEqual(1);
    expect(w.emu.requestsFor('openidConfig', 'entra').every((q) => q.path.includes(UNKNOWN_GUID))).toBe(true);
    expect(w.emu.requestsFor('token', 'entra')).toHaveLength(0);
    expect(w.emu.requests.filter((q) => q.service === 'arm')).toEqual([]);
    expect(m).toContain(`Sign-in to Azure failed (${mode}): tenant '${UNKNOWN_GUID}' was not found.`);
    expect(m).toContain(`AADSTS90002: Tenant '${UNKNOWN_GUID}' not found.`);
    expect(m).toContain(`Check 'tenant-id' and 'environment' (AzureCloud, signing in at ${w.emu.entraUrl})`);
    // Not retried as if Entra were unreachable: one discovery by MSAL and one by the diagnosis.
    expect(w.emu.requestsFor('openidConfig', 'entra').length).toBeLessThanOrEqual(2);
    expectNoSecrets(r);
  },
);

test('AADSTS90002 behind HTTPS_PROXY: the diagnosis reaches Entra through the proxy too (defect 4)', () =>
  withWorld(async (own) => {
    const proxy = await startConnectProxy();
    try {
      const r = await runStep({
        inputs: { ...own.base, ...own.secretAuth, ...step, 'tenant-id': UNKNOWN_GUID },
        env: { ...own.caEnv, HTTPS_PROXY: proxy.url },
      });
      const m = failureOf(r);
      expect(m).toContain(`AADSTS90002: Tenant '${UNKNOWN_GUID}' not found.`);
      // MSAL's discovery and the action's own one more look both went to Entra…
      expect(own.emu.requestsFor('openidConfig', 'entra').length).toBe(2);
      // …and every connection to Entra was a tunnel through the proxy: none went around it.
      const entra = new URL(own.emu.entraUrl).host;
      const tunnels = proxy.tunnels.filter((t) => t === entra).length;
      expect(tunnels).toBeGreaterThan(0);
      expect(own.emu.tlsConnections().entra).toBe(tunnels);
    } finally {
      await proxy.close();
    }
  }));

describe('no OIDC token for the job (no `permissions: id-token: write`)', () => {
  test('auth: oidc', async () => {
    const r = await runStep({ inputs: { ...w.base, ...w.oidcAuth, ...step, auth: 'oidc' }, env: w.caEnv });
    const m = failureOf(r);
    expect(m).toContain('auth: oidc, but this job cannot request a GitHub OIDC token.');
    expect(m).toContain("'permissions: id-token: write'");
    expect(w.emu.requests).toEqual([]);
  });

  test('auth: auto with client-id and tenant-id and no az session', async () => {
    const r = await runStep({
      inputs: { ...w.base, ...w.oidcAuth, ...step },
      // No `az` on PATH either: an empty directory.
      env: { ...w.caEnv, PATH: path.dirname(process.execPath) },
    });
    const m = failureOf(r);
    expect(m).toContain("'client-id' and 'tenant-id' are set, but the job cannot request an OIDC token.");
    expect(m).toContain("'permissions: id-token: write'");
    expect(w.emu.requests).toEqual([]);
  });
});

test('`az` not logged in: says to run azure/login or to use OIDC', async () => {
  const az = writeFakeAzConfig(w.emu, mkdtempSync(path.join(tmpdir(), 'adf-az-')), { loggedIn: false });
  const r = await runStep({ inputs: { ...w.base, ...step, auth: 'azure-cli' }, env: { ...w.caEnv, ...az.env } });
  const m = failureOf(r);
  expect(m).toContain('Sign-in to Azure failed (azure-cli): the Azure CLI is not logged in.');
  expect(m).toContain('Run azure/login earlier in the job');
  expect(m).toContain("'permissions: id-token: write'");
  expect(w.emu.requests).toEqual([]);
});

test("an AADSTS code the action does not know keeps Entra's text and links Entra's explanation", async () => {
  const text = 'The tenant-wide policy Contoso-Block-Legacy does not allow this client credential.';
  w.emu.faults.add({
    service: 'entra',
    op: 'token',
    count: Infinity,
    fault: { status: 400, code: 'AADSTS5000224', message: text },
  });
  const r = await secret();
  const m = expectRefusedOnce(r);
  expect(m).toContain(`Sign-in to Azure failed (client-secret): AADSTS5000224: ${text}`);
  expect(m).toContain('https://login.microsoftonline.com/error?code=5000224');
});

test('a passing Entra outage (503) is retried and the run goes ahead', async () => {
  w.emu.faults.add({ service: 'entra', op: 'token', count: 2, fault: { status: 503 } });
  const r = await secret();
  expect(r.exitCode, r.stdout).toBe(0);
  expect(r.outputs.status).toBe('Succeeded');
  expect(w.emu.requestsFor('token', 'entra').length).toBeGreaterThanOrEqual(3);
  expect(w.emu.requestsFor('createRun', 'arm')).toHaveLength(1);
});
