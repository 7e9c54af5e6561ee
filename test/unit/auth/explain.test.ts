import { describe, expect, it } from 'vitest';
import type { AuthMethod } from '../../../src/auth/index.js';
import { ID_TOKEN_HINT } from '../../../src/auth/index.js';
import { ServiceError, AuthError } from '../../../src/http/errors.js';
import { explainAuthError, type AuthContext } from '../../../src/auth/explain.js';
import { aadstsCode, isTransientAuthError } from '../../../src/http/sign-in-errors.js';
import { explainForbidden } from '../../../src/services/data-factory/explain.js';

const CLIENT = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const TENANT = '99999999-8888-7777-6666-555555555555';
const FACTORY_ID = '/subscriptions/s/resourceGroups/rg/providers/Microsoft.DataFactory/factories/f';

const CLAIMS = {
  iss: 'https://token.actions.githubusercontent.com',
  sub: 'repo:contoso/etl:environment:prod',
  aud: 'api://AzureADTokenExchange',
  job_workflow_ref: 'contoso/etl/.github/workflows/run.yml@refs/heads/main',
  environment: 'prod',
  event_name: 'push',
  ref: 'refs/heads/main',
  run_id: '123',
};

function method(mode: AuthMethod['mode'], claims?: Record<string, unknown>): AuthMethod {
  return {
    mode,
    description: `test ${mode}`,
    createCredential: () => Promise.reject(new Error('not used in unit tests')),
    ...(mode === 'oidc' ? { lastIdTokenClaims: () => claims } : {}),
  };
}

function ctx(m: AuthMethod, over: Partial<AuthContext> = {}): AuthContext {
  return {
    method: m,
    clientId: CLIENT,
    tenantId: TENANT,
    audience: 'api://AzureADTokenExchange',
    cloudName: 'AzureCloud',
    defaultAudience: 'api://AzureADTokenExchange',
    authorityHost: 'https://login.microsoftonline.com',
    ...over,
  };
}

/** The shape @azure/identity's AuthenticationError has: a message and the parsed Entra body. */
function entraError(code: string, text: string, status = 400): Error {
  const description = `AADSTS${code}: ${text}\r\nTrace ID: 0000\r\nCorrelation ID: 1111\r\nTimestamp: 2024-05-01 10:00:00Z`;
  return Object.assign(
    new Error(
      `ClientAssertionCredential authentication failed. invalid_client Status code: ${status}\nMore details:\n${description}`,
    ),
    {
      name: 'AuthenticationError',
      statusCode: status,
      errorResponse: { error: 'invalid_client', errorDescription: description },
    },
  );
}

const named = (name: string, message: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(message), { name, ...extra });

describe('aadstsCode', () => {
  it('finds the code in the message', () => {
    expect(aadstsCode(new Error('AADSTS700213: No matching federated identity record'))).toBe('700213');
  });

  it('finds the code in the error response only', () => {
    expect(
      aadstsCode(
        Object.assign(new Error('authentication failed'), {
          errorResponse: { errorDescription: 'AADSTS7000215: Invalid client secret' },
        }),
      ),
    ).toBe('7000215');
  });

  it('takes the first code', () => {
    expect(aadstsCode(new Error('AADSTS90002: x AADSTS50059: y'))).toBe('90002');
  });

  it('no code', () => {
    expect(aadstsCode(new Error('network down'))).toBeUndefined();
    expect(aadstsCode('plain string AADSTS')).toBeUndefined();
    expect(aadstsCode(undefined)).toBeUndefined();
    expect(aadstsCode('AADSTS50126 in a string')).toBe('50126');
  });
});

describe('explainAuthError: federated credential mismatch', () => {
  it.each(['70021', '700213', '700211', '7002138'])(
    'AADSTS%s prints the ID token claims and the subject forms',
    (code) => {
      const e = entraError(
        code,
        `No matching federated identity record found for presented assertion subject 'repo:contoso/etl:environment:prod'.`,
        401,
      );
      const out = explainAuthError(e, ctx(method('oidc', CLAIMS)));
      expect(out).toBeInstanceOf(AuthError);
      expect(out.cause).toBe(e);
      expect(out.message).toBe(
        `Sign-in to Azure failed (oidc): no federated credential of application ${CLIENT} in tenant ${TENANT} matches this workflow's ID token. Entra said: AADSTS${code}: No matching federated identity record found for presented assertion subject 'repo:contoso/etl:environment:prod'.`,
      );
      const hint = out.hint!;
      expect(hint).toContain('  iss: https://token.actions.githubusercontent.com\n');
      expect(hint).toContain('  sub: repo:contoso/etl:environment:prod\n');
      expect(hint).toContain('  aud: api://AzureADTokenExchange\n');
      expect(hint).toContain('  job_workflow_ref: contoso/etl/.github/workflows/run.yml@refs/heads/main\n');
      expect(hint).toContain('  environment: prod');
      expect(hint).not.toContain('run_id');
      expect(hint).toContain(
        `with issuer 'https://token.actions.githubusercontent.com', subject 'repo:contoso/etl:environment:prod' and audience 'api://AzureADTokenExchange'.`,
      );
      expect(hint).toContain('repo:OWNER/REPO:ref:refs/heads/BRANCH');
      expect(hint).toContain('repo:OWNER/REPO:environment:NAME');
      expect(hint).toContain('repo:OWNER/REPO:pull_request');
      expect(hint).toContain('repo:OWNER/REPO:ref:refs/tags/TAG');
      expect(hint).toContain('case-sensitive');
      // Trace and correlation lines of Entra's text are dropped from the summary.
      expect(out.message).not.toContain('Trace ID');
    },
  );

  it('joins an array audience claim', () => {
    const out = explainAuthError(
      entraError('70021', 'No matching federated identity record found.'),
      ctx(method('oidc', { ...CLAIMS, aud: ['a', 'b'] })),
    );
    expect(out.hint).toContain('  aud: a, b\n');
  });

  it('says when no ID token was obtained', () => {
    const out = explainAuthError(
      entraError('700213', 'No matching federated identity record found.'),
      ctx(method('oidc', undefined)),
    );
    expect(out.hint).toContain('(no ID token was obtained, so its claims cannot be shown)');
    expect(out.hint).toContain(`subject 'SUBJECT'`);
    expect(out.hint).toContain(`issuer 'https://token.actions.githubusercontent.com'`);
  });

  it('700212 names the requested audience and the cloud default', () => {
    const out = explainAuthError(
      entraError(
        '700212',
        "No matching federated identity record found for presented assertion audience 'api://custom'.",
      ),
      ctx(method('oidc', { ...CLAIMS, aud: 'api://custom' }), {
        audience: 'api://custom',
        cloudName: 'AzureUSGovernment',
        defaultAudience: 'api://AzureADTokenExchangeUSGov',
      }),
    );
    expect(out.message).toMatch(
      /^Sign-in to Azure failed \(oidc\): the ID token's audience does not match the federated credential\. Entra said: AADSTS700212: /,
    );
    expect(out.hint).toContain(`The token was requested for audience 'api://custom'.`);
    expect(out.hint).toContain(`The AzureUSGovernment default is 'api://AzureADTokenExchangeUSGov'`);
    expect(out.hint).toContain(`set the 'audience' input`);
    expect(out.hint).toContain('  aud: api://custom');
  });
});

describe('explainAuthError: other Entra codes', () => {
  it('700024: expired assertion', () => {
    const out = explainAuthError(
      entraError('700024', 'Client assertion is not within its valid time range.'),
      ctx(method('oidc', CLAIMS)),
    );
    expect(out.message).toBe(
      'Sign-in to Azure failed (oidc): the client assertion (GitHub ID token) had expired. Entra said: AADSTS700024: Client assertion is not within its valid time range.',
    );
    expect(out.hint).toContain('runner clock');
    expect(out.hint).toContain('6 hours');
  });

  it('7000215: wrong secret (value vs ID)', () => {
    const out = explainAuthError(
      entraError('7000215', 'Invalid client secret provided.', 401),
      ctx(method('client-secret')),
    );
    expect(out.message).toBe(
      `Sign-in to Azure failed (client-secret): Entra rejected the client secret of application ${CLIENT} in tenant ${TENANT}. Entra said: AADSTS7000215: Invalid client secret provided.`,
    );
    expect(out.hint).toContain("Use the secret's Value");
    expect(out.hint).toContain('not its Secret ID');
  });

  it('7000222: expired secret', () => {
    const out = explainAuthError(
      entraError('7000222', 'The provided client secret keys are expired.', 401),
      ctx(method('client-secret')),
    );
    expect(out.message).toContain(`the client secret of application ${CLIENT} in tenant ${TENANT} has expired.`);
    expect(out.hint).toBe('Create a new client secret and update the repository secret, or switch to OIDC.');
  });

  it('700016: unknown application', () => {
    const out = explainAuthError(
      entraError('700016', `Application with identifier '${CLIENT}' was not found in the directory.`),
      ctx(method('oidc', CLAIMS)),
    );
    expect(out.message).toContain(`Entra does not know application ${CLIENT} in tenant ${TENANT}.`);
    expect(out.hint).toContain('not the object ID');
    expect(out.hint).toContain("'environment'");
  });

  it('90002: unknown tenant names the cloud and authority', () => {
    const out = explainAuthError(
      entraError('90002', `Tenant '${TENANT}' not found.`),
      ctx(method('client-secret'), { cloudName: 'AzureChinaCloud', authorityHost: 'https://login.chinacloudapi.cn' }),
    );
    expect(out.message).toBe(
      `Sign-in to Azure failed (client-secret): tenant '${TENANT}' was not found. Entra said: AADSTS90002: Tenant '${TENANT}' not found.`,
    );
    expect(out.hint).toBe(
      "Check 'tenant-id' and 'environment' (AzureChinaCloud, signing in at https://login.chinacloudapi.cn): a tenant exists in one cloud only.",
    );
  });

  it("an unknown code keeps Entra's text and links the code", () => {
    const out = explainAuthError(
      entraError('50126', 'Error validating credentials due to invalid username or password.'),
      ctx(method('client-secret')),
    );
    expect(out.message).toBe(
      'Sign-in to Azure failed (client-secret): AADSTS50126: Error validating credentials due to invalid username or password.',
    );
    expect(out.hint).toBe(
      "See https://login.microsoftonline.com/error?code=50126 for Entra's explanation of AADSTS50126.",
    );
  });
});

describe('explainAuthError: without an Entra code', () => {
  it('no ID token request env: names id-token: write', () => {
    const out = explainAuthError(
      new Error('Unable to get ACTIONS_ID_TOKEN_REQUEST_URL env variable'),
      ctx(method('oidc')),
    );
    expect(out.message).toBe('Sign-in to Azure failed (oidc): this job cannot request a GitHub OIDC token.');
    expect(out.hint).toBe(ID_TOKEN_HINT);
    expect(out.hint).toContain('permissions: id-token: write');
  });

  it('az not logged in', () => {
    const e = named(
      'CredentialUnavailableError',
      "Please run 'az login' from a command prompt to authenticate before using this credential.",
    );
    const out = explainAuthError(e, ctx(method('azure-cli')));
    expect(out.message).toBe('Sign-in to Azure failed (azure-cli): the Azure CLI is not logged in.');
    expect(out.hint).toContain('azure/login');
    expect(out.hint).toContain('id-token: write');
  });

  it('az not installed', () => {
    const out = explainAuthError(named('CredentialUnavailableError', 'az: not installed'), ctx(method('azure-cli')));
    expect(out.message).toBe('Sign-in to Azure failed (azure-cli): the Azure CLI (`az`) was not found.');
    expect(out.hint).toBe("Install it, or set 'client-id' and 'tenant-id' for OIDC.");
  });

  // BUG (src/explain.ts:141-147): @azure/identity's real "not installed" text also contains
  // "az login", and the az-login check runs first, so a missing CLI is reported as "not logged in".
  // Flip it.fails to it once fixed.
  it("az not installed, with @azure/identity's real text", () => {
    const e = named(
      'CredentialUnavailableError',
      "Azure CLI could not be found. Please visit https://aka.ms/azure-cli for installation instructions and then, once installed, authenticate to your Azure account using 'az login'.",
    );
    expect(explainAuthError(e, ctx(method('azure-cli'))).message).toBe(
      'Sign-in to Azure failed (azure-cli): the Azure CLI (`az`) was not found.',
    );
  });

  it('the az messages only apply in azure-cli mode', () => {
    const out = explainAuthError(new Error("run 'az login'"), ctx(method('client-secret')));
    expect(out.message).toBe("Sign-in to Azure failed (client-secret): run 'az login'");
  });

  it('endpoints_resolution_error: OpenID configuration unreadable', () => {
    const e = named(
      'CredentialUnavailableError',
      'endpoints_resolution_error: Error: could not resolve endpoints. Please check network and try again.',
    );
    const out = explainAuthError(e, ctx(method('oidc', CLAIMS), { authorityHost: 'https://login.example.test' }));
    expect(out.message).toBe(
      `Sign-in to Azure failed (oidc): could not read Entra's OpenID configuration for tenant '${TENANT}' at https://login.example.test.`,
    );
    expect(out.hint).toContain("'authority-host'");
    expect(out.hint).toContain('TLS certificate');
  });

  it('anything else keeps the message with a generic hint', () => {
    const out = explainAuthError(new Error('socket hang up'), ctx(method('oidc')));
    expect(out.message).toBe('Sign-in to Azure failed (oidc): socket hang up');
    expect(out.hint).toBe(
      'Check the sign-in inputs (client-id, tenant-id, client-secret or OIDC permissions, environment).',
    );
  });

  it('an AuthError passes through unchanged', () => {
    const e = new AuthError('already explained', { hint: 'h' });
    expect(explainAuthError(e, ctx(method('oidc')))).toBe(e);
  });
});

describe('isTransientAuthError', () => {
  it('is false for non-auth errors', () => {
    expect(isTransientAuthError(new Error('AADSTS50058'))).toBe(false);
    expect(isTransientAuthError('AuthenticationError')).toBe(false);
    expect(isTransientAuthError(named('TypeError', 'x'))).toBe(false);
  });

  it.each([
    '70021',
    '700024',
    '700211',
    '700212',
    '700213',
    '7002138',
    '7000215',
    '7000222',
    '700016',
    '90002',
    '900023',
    '50059',
  ])('AADSTS%s is permanent', (code) => {
    expect(isTransientAuthError(entraError(code, 'x'))).toBe(false);
  });

  it.each(['50058', '500011'])('AADSTS%s may pass', (code) => {
    expect(isTransientAuthError(entraError(code, 'x', 400))).toBe(true);
  });

  it('a 4xx without a code is permanent, except 408 and 429', () => {
    expect(isTransientAuthError(named('AuthenticationError', 'bad request', { statusCode: 400 }))).toBe(false);
    expect(isTransientAuthError(named('AuthenticationError', 'forbidden', { statusCode: 403 }))).toBe(false);
    expect(isTransientAuthError(named('AuthenticationError', 'timeout', { statusCode: 408 }))).toBe(true);
    expect(isTransientAuthError(named('AuthenticationError', 'throttled', { statusCode: 429 }))).toBe(true);
    expect(isTransientAuthError(named('AuthenticationError', 'server', { statusCode: 503 }))).toBe(true);
  });

  it('network trouble reaching Entra or GitHub may pass', () => {
    expect(
      isTransientAuthError(named('CredentialUnavailableError', 'getaddrinfo EAI_AGAIN login.microsoftonline.com')),
    ).toBe(true);
    expect(isTransientAuthError(named('AuthenticationRequiredError', 'No response'))).toBe(true);
    expect(isTransientAuthError(named('AuthError', 'Failed to get ID token: 503'))).toBe(true);
  });

  it('a missing or logged-out az is permanent', () => {
    expect(
      isTransientAuthError(named('CredentialUnavailableError', "Please run 'az login' from a command prompt")),
    ).toBe(false);
    expect(isTransientAuthError(named('CredentialUnavailableError', 'Azure CLI could not be found.'))).toBe(false);
    expect(isTransientAuthError(named('CredentialUnavailableError', 'az is not installed'))).toBe(false);
  });
});

describe('explainForbidden', () => {
  const forbidden = (message: string) =>
    new ServiceError({ op: 'createRun', status: 403, code: 'AuthorizationFailed', message });

  it('names the principal, the denied action and the role', () => {
    const text = explainForbidden(
      forbidden(
        `The client '${CLIENT}' with object id '12345678-1234-1234-1234-123456789012' does not have authorization to perform action 'Microsoft.DataFactory/factories/pipelines/createRun/action' over scope '${FACTORY_ID}/pipelines/p' or the scope is invalid. If access was recently granted, please refresh your credentials.`,
      ),
      FACTORY_ID,
    );
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      "The signed-in principal (object id 12345678-1234-1234-1234-123456789012) is not allowed to perform 'Microsoft.DataFactory/factories/pipelines/createRun/action'.",
    );
    expect(lines[1]).toContain(`Grant it the 'Data Factory Contributor' role on the factory (scope ${FACTORY_ID})`);
    expect(lines[1]).toContain(
      `a custom role that includes 'Microsoft.DataFactory/factories/pipelines/createRun/action'`,
    );
    expect(lines[1]).toContain('.../pipelineruns/cancel/action');
    expect(lines[2]).toBe('Role assignments can take a few minutes to apply.');
  });

  it('still helps when ARM does not name the action', () => {
    const text = explainForbidden(forbidden('Forbidden'), FACTORY_ID);
    expect(text.split('\n')[0]).toBe('The signed-in principal is not allowed to do this.');
    expect(text).toContain("'Data Factory Contributor'");
    expect(text).toContain("'Microsoft.DataFactory/factories/pipelines/createrun/action'");
  });
});
