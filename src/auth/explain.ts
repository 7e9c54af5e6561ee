// Sign-in failures: one definition of "this is a sign-in error", which of them may pass on their
// own (and are retried), and what to change for the ones that will not.
import type { AuthMethod } from './types.js';
import { ID_TOKEN_HINT } from './hints.js';
import { AuthError, errorMessage } from '../http/errors.js';
import { aadstsCode } from '../http/sign-in-errors.js';

export interface AuthContext {
  method: AuthMethod;
  clientId: string;
  tenantId: string;
  audience: string;
  cloudName: string;
  defaultAudience: string;
  authorityHost: string;
}

function entraText(e: unknown): string {
  const desc = (e as { errorResponse?: { errorDescription?: string } })?.errorResponse?.errorDescription;
  const text = desc || errorMessage(e);
  // MSAL's ServerError (wrapped in AuthenticationRequiredError) prefixes "invalid_client: Error(s):
  // 700213 - Timestamp: ... - Description: "; Entra appends trace and correlation IDs on their own
  // lines. Keep Entra's own sentence.
  const own = /AADSTS\d+:[^\r\n]*/.exec(text)?.[0];
  return (own ?? text.split(/\r?\n/)[0]).trim();
}

const SUBJECT_FORMS = [
  'repo:OWNER/REPO:ref:refs/heads/BRANCH   (a push or workflow_dispatch on a branch)',
  'repo:OWNER/REPO:environment:NAME        (a job with `environment: NAME`; this replaces the ref form)',
  'repo:OWNER/REPO:pull_request            (pull_request events)',
  'repo:OWNER/REPO:ref:refs/tags/TAG       (a tag)',
];

function claimLines(claims: Record<string, unknown> | undefined): string {
  if (!claims) return '  (no ID token was obtained, so its claims cannot be shown)';
  const pick = ['iss', 'sub', 'aud', 'job_workflow_ref', 'environment', 'event_name', 'ref'];
  return pick
    .filter((k) => claims[k] !== undefined)
    .map((k) => `  ${k}: ${Array.isArray(claims[k]) ? (claims[k] as unknown[]).join(', ') : String(claims[k])}`)
    .join('\n');
}

/** Maps a sign-in failure to an AuthError whose message says what to change. */
export function explainAuthError(e: unknown, ctx: AuthContext): AuthError {
  if (e instanceof AuthError) return e;
  if (ctx.method.mode === 'azure-cli' && typeof (e as { permanent?: unknown })?.permanent === 'boolean') {
    return explainAzureCli(errorMessage(e), e);
  }
  const code = aadstsCode(e);
  const claims = ctx.method.lastIdTokenClaims?.();
  const raw = code ? entraText(e) : errorMessage(e);
  const app = `application ${ctx.clientId} in tenant ${ctx.tenantId}`;
  const fail = (summary: string, hint: string) =>
    new AuthError(`Sign-in to Azure failed (${ctx.method.mode}): ${summary}`, { cause: e, hint });

  switch (code) {
    case '70021':
    case '700213':
    case '7002138':
    case '700211': {
      const sub = claims?.sub ? String(claims.sub) : 'SUBJECT';
      return fail(
        `no federated credential of ${app} matches this workflow's ID token. Entra said: ${raw}`,
        [
          'The ID token GitHub issued for this job has these claims (the token itself is never printed):',
          claimLines(claims),
          `Add a federated credential to the app registration (Certificates & secrets → Federated credentials) with issuer '${claims?.iss ?? 'https://token.actions.githubusercontent.com'}', subject '${sub}' and audience '${ctx.audience}'.`,
          'The subject must match exactly, and the match is case-sensitive. Its form depends on the trigger:',
          ...SUBJECT_FORMS.map((f) => `  ${f}`),
          'Repositories created after July 2026 use immutable IDs: repo:OWNER@OWNER-ID/REPO@REPO-ID:...; copy the sub claim above.',
        ].join('\n'),
      );
    }
    case '700212':
      return fail(
        `the ID token's audience does not match the federated credential. Entra said: ${raw}`,
        `The token was requested for audience '${ctx.audience}'. The ${ctx.cloudName} default is '${ctx.defaultAudience}'; set the 'audience' input to the audience registered on the federated credential, or register '${ctx.audience}' there.\n${claimLines(claims)}`,
      );
    case '700024':
      return fail(
        `the client assertion (GitHub ID token) had expired. Entra said: ${raw}`,
        'The action fetches a fresh ID token for every sign-in, so this usually means the job ran past the ~6 hours for which GitHub lets it request tokens, or the runner clock is wrong. Check the runner clock, or shorten the wait (timeout).',
      );
    case '7000215':
      return fail(
        `Entra rejected the client secret of ${app}. Entra said: ${raw}`,
        "Use the secret's Value (shown once when the secret is created), not its Secret ID, and check that the secret belongs to this client-id. Better: switch to OIDC and drop the secret.",
      );
    case '7000222':
      return fail(
        `the client secret of ${app} has expired. Entra said: ${raw}`,
        'Create a new client secret and update the repository secret, or switch to OIDC.',
      );
    case '700016':
      return fail(
        `Entra does not know ${app}. Entra said: ${raw}`,
        "Check 'client-id' (the Application (client) ID, not the object ID) and 'tenant-id' (the Directory (tenant) ID the app is registered in), and that 'environment' is the cloud the app lives in.",
      );
    case '90002':
      return fail(
        `tenant '${ctx.tenantId}' was not found. Entra said: ${raw}`,
        `Check 'tenant-id' and 'environment' (${ctx.cloudName}, signing in at ${ctx.authorityHost}): a tenant exists in one cloud only.`,
      );
  }
  const name = (e as Error)?.name;
  const message = errorMessage(e);
  if (/ACTIONS_ID_TOKEN_REQUEST/.test(message)) {
    return fail('this job cannot request a GitHub OIDC token.', ID_TOKEN_HINT);
  }
  if (ctx.method.mode === 'azure-cli') {
    if (/could not be found|not installed/i.test(message)) {
      return fail('the Azure CLI (`az`) was not found.', "Install it, or set 'client-id' and 'tenant-id' for OIDC.");
    }
    if (/az login/i.test(message)) {
      return fail(
        'the Azure CLI is not logged in.',
        "Run azure/login earlier in the job (with the same permissions), or let this action sign in itself: set 'client-id' and 'tenant-id' with 'permissions: id-token: write'.",
      );
    }
  }
  if (name === 'CredentialUnavailableError' && /endpoints_resolution_error/.test(message)) {
    return fail(
      `could not read Entra's OpenID configuration for tenant '${ctx.tenantId}' at ${ctx.authorityHost}.`,
      "Check three things: that 'tenant-id' exists in this cloud; that 'authority-host' (if set) is right and reachable; and that its TLS certificate is trusted by the runner.",
    );
  }
  return fail(
    raw,
    code
      ? `See https://login.microsoftonline.com/error?code=${code} for Entra's explanation of AADSTS${code}.`
      : 'Check the sign-in inputs (client-id, tenant-id, client-secret or OIDC permissions, environment).',
  );
}

const AZ_LOGIN_HINT =
  "let this action sign in itself: set 'client-id' and 'tenant-id' with 'permissions: id-token: write' (it fetches a fresh ID token whenever it needs one)";

/** `az` failed in a way asking again cannot fix: its own message, and what to change. */
function explainAzureCli(message: string, cause: unknown): AuthError {
  const fail = (summary: string, hint: string) =>
    new AuthError(`Sign-in to Azure failed (azure-cli): ${summary} az said: ${message}`, { cause, hint });
  if (/subscription/i.test(message) && /not found|doesn't exist|does not exist|az account set/i.test(message)) {
    return fail(
      'the Azure CLI session has no such subscription.',
      "Give azure/login the subscription that holds the factory ('subscription-id'), or run 'az account set --subscription <id>' before this step.",
    );
  }
  if (
    /AADSTS(?:700024|700082|70043|50173|50078)\b|expired|re-?authenticate|interactive authentication/i.test(message)
  ) {
    return fail(
      'the Azure CLI session (from azure/login or az login) has expired.',
      `With OIDC, azure/login's session lasts only as long as its GitHub ID token: run azure/login right before this step, or ${AZ_LOGIN_HINT}.`,
    );
  }
  return fail(
    '`az account get-access-token` failed.',
    `Run 'az account get-access-token --output none' in a step before this one to see the same error, or ${AZ_LOGIN_HINT}.`,
  );
}
