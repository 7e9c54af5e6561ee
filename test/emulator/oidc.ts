// The GitHub Actions OIDC token service: what @actions/core's getIDToken() calls with
// ACTIONS_ID_TOKEN_REQUEST_URL (+ "&audience=...") and ACTIONS_ID_TOKEN_REQUEST_TOKEN.
import type { EmulatorContext } from './context.ts';
import { signJwt } from './jwt.ts';
import type { Call, Reply, ServiceDef } from './server.ts';
import type { StatusFault } from './types.ts';
import { guid } from './util.ts';

const json = (status: number, body: unknown): Reply => ({ status, body });

/** Claims GitHub puts in every ID token; overridable through config.oidcClaims. */
function baseClaims(ctx: EmulatorContext): Record<string, unknown> {
  const extra = ctx.config.oidcClaims;
  const repository = typeof extra.repository === 'string' ? extra.repository : 'octo-org/octo-repo';
  const owner = typeof extra.repository_owner === 'string' ? extra.repository_owner : repository.split('/')[0]!;
  const ref = typeof extra.ref === 'string' ? extra.ref : 'refs/heads/main';
  const sha = 'e2f3c1a4b5d6978877665544332211009a8b7c6d';
  return {
    ref,
    sha,
    repository,
    repository_owner: owner,
    repository_owner_id: '1000001',
    repository_id: '2000002',
    repository_visibility: 'private',
    run_id: '9876543210',
    run_number: '42',
    run_attempt: '1',
    actor: 'octocat',
    actor_id: '583231',
    workflow: 'CI',
    workflow_ref: `${repository}/.github/workflows/ci.yml@${ref}`,
    workflow_sha: sha,
    job_workflow_ref: `${repository}/.github/workflows/ci.yml@${ref}`,
    job_workflow_sha: sha,
    head_ref: '',
    base_ref: '',
    event_name: 'push',
    ref_type: 'branch',
    ref_protected: 'false',
    runner_environment: 'github-hosted',
    ...extra,
  };
}

/** Mint an ID token the way the service would (tests may override any claim, even iss/exp). */
export function mintIdToken(
  ctx: EmulatorContext,
  audience: string | undefined,
  overrides: Record<string, unknown> = {},
): string {
  const claims = baseClaims(ctx);
  const now = Math.floor(Date.now() / 1000);
  const aud = audience ?? `https://github.com/${String(claims.repository_owner)}`;
  return signJwt(
    {
      jti: guid(),
      sub: ctx.config.oidcSubject,
      aud,
      ...claims,
      iss: ctx.urls.oidc,
      nbf: now,
      iat: now,
      exp: now + ctx.config.idTokenLifetimeSec,
      ...overrides,
    },
    ctx.oidcKey,
  );
}

export function oidcService(ctx: EmulatorContext): ServiceDef {
  return {
    service: 'oidc',
    classify(call: Call): string {
      if (call.method !== 'GET') return 'unknown';
      if (call.path === '/.well-known/openid-configuration') return 'openidConfig';
      if (call.path === '/.well-known/jwks') return 'jwks';
      if (call.path === ctx.oidcRequestPath) return 'idToken';
      return 'unknown';
    },
    handle(call: Call, op: string): Reply {
      const base = ctx.urls.oidc;
      switch (op) {
        case 'openidConfig':
          return json(200, {
            issuer: base,
            jwks_uri: `${base}/.well-known/jwks`,
            subject_types_supported: ['public', 'pairwise'],
            response_types_supported: ['id_token'],
            claims_supported: [
              'sub',
              'aud',
              'exp',
              'iat',
              'iss',
              'jti',
              'nbf',
              'ref',
              'repository',
              'repository_owner',
              'job_workflow_ref',
              'environment',
              'workflow',
              'event_name',
              'actor',
              'run_id',
            ],
            id_token_signing_alg_values_supported: ['RS256'],
            scopes_supported: ['openid', 'repo', 'repository_owner', 'environment', 'ref', 'job_workflow_ref'],
          });
        case 'jwks':
          return json(200, { keys: [ctx.oidcKey.jwk] });
        case 'idToken': {
          const auth = call.headers.authorization ?? '';
          if (auth !== `Bearer ${ctx.oidcRequestToken}`) {
            return json(401, { message: 'Unauthorized: the request token is missing or invalid.' });
          }
          if (call.query['api-version'] === undefined) {
            return json(400, { message: "The 'api-version' query parameter is required." });
          }
          const audience = call.query.audience;
          return json(200, {
            value: mintIdToken(ctx, audience === undefined || audience === '' ? undefined : audience),
          });
        }
        default:
          return json(404, { message: 'Not Found' });
      }
    },
    faultReply(_call: Call, _op: string, fault: StatusFault): Reply {
      return json(fault.status, {
        message: fault.message ?? `Injected failure (HTTP ${fault.status}).`,
        ...(fault.code ? { code: fault.code } : {}),
      });
    },
  };
}
