import { describe, expect, it } from 'vitest';
import { ID_TOKEN_HINT, chooseAuth, type Environment } from '../../../src/auth/index.js';
import { AuthError } from '../../../src/http/errors.js';
import { findCloud } from '../../../src/model/clouds.js';
import type { Inputs } from '../../../src/inputs/inputs.js';

const CLIENT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const TENANT = '99999999-8888-7777-6666-555555555555';

function inputs(over: Partial<Inputs> = {}): Inputs {
  return {
    warnings: [],
    service: 'data-factory',
    location: {},
    workspace: '',
    serviceEndpoint: '',
    subscriptionId: '11111111-2222-3333-4444-555555555555',
    resourceGroup: 'rg',
    factoryName: 'adf-1',
    pipelineName: 'p',
    parameters: {},
    auth: 'auto',
    clientId: '',
    tenantId: '',
    clientSecret: '',
    audience: 'api://AzureADTokenExchange',
    cloud: { ...findCloud('AzureCloud')! },
    customAuthority: false,
    referenceRunId: '',
    recovery: false,
    startActivity: '',
    startFromFailure: false,
    pipelines: [],
    maxParallel: 0,
    failFast: false,
    onRerun: 'resume',
    rerunKey: '',
    retries: 0,
    retryOn: ['system-error'],
    retryDelayMs: 60_000,
    billing: true,
    costEstimate: false,
    currency: 'USD',
    retailPricesEndpoint: '',
    validateParameters: true,
    wait: true,
    timeoutMs: 3_600_000,
    pollInterval: 'auto',
    cancelOnTimeout: true,
    cancelOnWorkflowCancel: true,
    cancelRecursive: true,
    jobSummary: true,
    runId: '',
    ifRunning: 'start',
    prComment: false,
    githubToken: '',
    ...over,
  };
}

const ids = { clientId: CLIENT, tenantId: TENANT };
const ALL: Environment = { idTokenAvailable: true, azAvailable: true };
const NONE: Environment = { idTokenAvailable: false, azAvailable: false };

function thrown(fn: () => unknown): AuthError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AuthError);
    return e as AuthError;
  }
  throw new Error('expected an AuthError');
}

describe('chooseAuth: auto', () => {
  it('picks client-secret when a secret is set, even with an ID token and az available', () => {
    const c = chooseAuth(inputs({ ...ids, clientSecret: 's3cret' }), ALL);
    expect(c.method.mode).toBe('client-secret');
    expect(c.reason).toBe("'client-secret' is set");
    expect(c.method.description).toBe(`client secret for application ${CLIENT} in tenant ${TENANT}`);
    expect(c.method.lastIdTokenClaims).toBeUndefined();
  });

  it('picks OIDC when the ids are set and the job can request an ID token', () => {
    const c = chooseAuth(inputs({ ...ids, audience: 'api://AzureADTokenExchangeUSGov' }), ALL);
    expect(c.method.mode).toBe('oidc');
    expect(c.reason).toBe("'client-id' and 'tenant-id' are set and the job can request an ID token");
    expect(c.method.description).toBe(
      `OIDC federated credential for application ${CLIENT} in tenant ${TENANT} (audience api://AzureADTokenExchangeUSGov)`,
    );
    // No ID token fetched yet.
    expect(c.method.lastIdTokenClaims?.()).toBeUndefined();
  });

  it('picks OIDC without az too', () => {
    expect(chooseAuth(inputs(ids), { idTokenAvailable: true, azAvailable: false }).method.mode).toBe('oidc');
  });

  it('falls back to the az session when the ids are set but no ID token can be requested', () => {
    const c = chooseAuth(inputs(ids), { idTokenAvailable: false, azAvailable: true });
    expect(c.method.mode).toBe('azure-cli');
    expect(c.reason).toContain("no 'permissions: id-token: write'");
    expect(c.method.description).toBe(`the Azure CLI session (tenant ${TENANT})`);
  });

  it('uses the az session when nothing is set', () => {
    const c = chooseAuth(inputs(), { idTokenAvailable: true, azAvailable: true });
    expect(c.method.mode).toBe('azure-cli');
    expect(c.reason).toBe("no 'client-id'/'client-secret' is set, so the existing Azure CLI session is used");
    expect(c.method.description).toBe('the Azure CLI session');
  });

  it('does not use OIDC with only one of the ids', () => {
    expect(chooseAuth(inputs({ clientId: CLIENT }), ALL).method.mode).toBe('azure-cli');
    expect(chooseAuth(inputs({ tenantId: TENANT }), ALL).method.mode).toBe('azure-cli');
  });

  it('fails with id-token: write in the hint when ids are set but there is no ID token and no az', () => {
    const e = thrown(() => chooseAuth(inputs(ids), NONE));
    expect(e.message).toBe('No way to sign in to Azure was found.');
    expect(e.hint).toBe(
      `'client-id' and 'tenant-id' are set, but the job cannot request an OIDC token. ${ID_TOKEN_HINT}`,
    );
    expect(e.hint).toContain('id-token: write');
  });

  it('fails saying what to set when nothing is set and there is no az', () => {
    const e = thrown(() => chooseAuth(inputs(), { idTokenAvailable: true, azAvailable: false }));
    expect(e.message).toBe('No way to sign in to Azure was found.');
    expect(e.hint).toContain("Set 'client-id' and 'tenant-id'");
    expect(e.hint).toContain("'permissions: id-token: write'");
    expect(e.hint).toContain("'client-secret'");
    expect(e.hint).toContain('azure/login');
  });
});

describe('chooseAuth: explicit modes', () => {
  it('client-secret is used as asked', () => {
    const c = chooseAuth(inputs({ ...ids, auth: 'client-secret', clientSecret: 's' }), NONE);
    expect(c).toMatchObject({ reason: 'auth: client-secret' });
    expect(c.method.mode).toBe('client-secret');
  });

  it('oidc is used as asked, even with a secret set', () => {
    const c = chooseAuth(inputs({ ...ids, auth: 'oidc', clientSecret: 's' }), ALL);
    expect(c.method.mode).toBe('oidc');
    expect(c.reason).toBe('auth: oidc');
  });

  it('oidc without an ID token fails with the id-token hint', () => {
    const e = thrown(() =>
      chooseAuth(inputs({ ...ids, auth: 'oidc' }), { idTokenAvailable: false, azAvailable: true }),
    );
    expect(e.message).toBe('auth: oidc, but this job cannot request a GitHub OIDC token.');
    expect(e.hint).toBe(ID_TOKEN_HINT);
  });

  it('azure-cli is used as asked, even with ids and an ID token', () => {
    const c = chooseAuth(inputs({ ...ids, auth: 'azure-cli' }), ALL);
    expect(c.method.mode).toBe('azure-cli');
    expect(c.reason).toBe('auth: azure-cli');
  });

  it('azure-cli without az fails, pointing at azure/login', () => {
    const e = thrown(() => chooseAuth(inputs({ auth: 'azure-cli' }), { idTokenAvailable: true, azAvailable: false }));
    expect(e.message).toBe('auth: azure-cli, but no `az` executable is on PATH.');
    expect(e.hint).toContain('azure/login');
  });
});

describe('ID_TOKEN_HINT', () => {
  it('says what to add and who never gets a token', () => {
    expect(ID_TOKEN_HINT).toContain("'permissions: id-token: write'");
    expect(ID_TOKEN_HINT).toContain('forks');
    expect(ID_TOKEN_HINT).toContain('Dependabot');
  });
});
