// Turns the errors users actually hit into what to do about them. The tables are pure data so
// they can be unit-tested; the 404 diagnosis makes one extra read to tell factory from pipeline.
import type { AdfClient } from './adf-client.js';
import type { AuthMethod } from './auth/index.js';
import { ID_TOKEN_HINT } from './auth/index.js';
import { ArmError, AuthError, errorMessage } from './errors.js';

export interface AuthContext {
  method: AuthMethod;
  clientId: string;
  tenantId: string;
  audience: string;
  cloudName: string;
  defaultAudience: string;
  authorityHost: string;
}

/** Entra codes whose cause is configuration: asking again will not help. */
const PERMANENT_AADSTS = new Set([
  '70021',
  // Expired assertion: every attempt presents a fresh ID token, so a repeat fails the same way
  // (runner clock, or the job is past the time GitHub issues tokens for).
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
]);

/** Entra codes that may pass on their own although Entra answers 4xx (replication delays). */
const MAY_PASS_AADSTS = new Set(['50058', '500011']);

export function aadstsCode(e: unknown): string | undefined {
  const text = `${errorMessage(e)} ${JSON.stringify((e as { errorResponse?: unknown })?.errorResponse ?? '')}`;
  return /AADSTS(\d+)/.exec(text)?.[1];
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

/** Whether a sign-in failure during a long wait may pass (Entra or GitHub briefly unreachable). */
export function isTransientAuthError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  if (
    !['AuthenticationError', 'CredentialUnavailableError', 'AuthenticationRequiredError', 'AuthError'].includes(e.name)
  ) {
    return false;
  }
  const code = aadstsCode(e);
  if (code && PERMANENT_AADSTS.has(code)) return false;
  if (code && MAY_PASS_AADSTS.has(code)) return true;
  // Other 4xx answers are about the request itself. MSAL's ServerError, the cause of the
  // AuthenticationRequiredError that @azure/identity throws, carries the HTTP status.
  const status = (e as { statusCode?: number }).statusCode ?? (e.cause as { status?: number } | undefined)?.status;
  if (status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429) return false;
  if (code) return true;
  return !/az login|could not be found|not installed/i.test(e.message);
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

/** ARM's 403: name the denied action and the role that grants it. */
export function explainForbidden(e: ArmError, factoryId: string): string {
  const action = /perform action '([^']+)'/.exec(e.armMessage)?.[1];
  const principal = /object id '([^']+)'/.exec(e.armMessage)?.[1];
  const lines = [
    `The signed-in principal${principal ? ` (object id ${principal})` : ''} is not allowed to ${action ? `perform '${action}'` : 'do this'}.`,
    `Grant it the 'Data Factory Contributor' role on the factory (scope ${factoryId}), or a custom role that includes ${
      action ? `'${action}'` : "'Microsoft.DataFactory/factories/pipelines/createrun/action'"
    }. This action needs: Microsoft.DataFactory/factories/pipelines/read, .../pipelines/createrun/action, .../pipelineruns/read, .../pipelineruns/cancel/action, .../querypipelineruns/action and .../pipelineruns/queryactivityruns/action.`,
    'Role assignments can take a few minutes to apply.',
  ];
  return lines.join('\n');
}

/** ARM's 404: tell whether the resource group, the factory or the pipeline is missing. */
export async function explainNotFound(
  e: ArmError,
  client: AdfClient,
  names: { resourceGroup: string; factoryName: string; pipelineName: string; subscriptionId: string },
): Promise<string> {
  if (e.code === 'ResourceGroupNotFound') {
    return `Resource group '${names.resourceGroup}' does not exist in subscription ${names.subscriptionId}. Check 'resource-group' and 'subscription-id'.`;
  }
  if (e.code === 'SubscriptionNotFound') {
    return `Subscription ${names.subscriptionId} was not found. Check 'subscription-id' and 'environment'.`;
  }
  try {
    await client.getFactory({ timeoutMs: 15_000 });
  } catch (inner) {
    if (inner instanceof ArmError && inner.status === 404) {
      if (inner.code === 'ResourceGroupNotFound') {
        return `Resource group '${names.resourceGroup}' does not exist in subscription ${names.subscriptionId}. Check 'resource-group' and 'subscription-id'.`;
      }
      return `Data factory '${names.factoryName}' does not exist in resource group '${names.resourceGroup}' of subscription ${names.subscriptionId}. Check 'factory-name', 'resource-group', 'subscription-id' and 'environment'.`;
    }
    return `Either the factory or the pipeline is missing (the factory could not be read to tell which: ${errorMessage(inner)}).`;
  }
  let listing = '';
  try {
    const names2 = await client.listPipelines({ timeoutMs: 15_000 });
    const near = nearestName(names.pipelineName, names2);
    listing = names2.length
      ? ` ${near ? `Did you mean '${near}'? ` : ''}The factory has ${names2.length} pipeline(s): ${names2.slice(0, 30).join(', ')}${names2.length > 30 ? ', …' : ''}.`
      : ' The factory has no pipelines: has it been published?';
  } catch {
    // Listing is a courtesy; without read access to the list, say what we know.
  }
  return `Pipeline '${names.pipelineName}' does not exist in factory '${names.factoryName}'. Check 'pipeline-name' and that the pipeline is published (not only saved in a Git branch).${listing}`;
}

/**
 * The listed name closest to a mistyped one. ARM matches pipeline names ignoring case, so a 404
 * means more than case differs: separators (daily_load for daily-load) or a typo or two.
 */
export function nearestName(wanted: string, names: string[]): string | undefined {
  const squash = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  const w = wanted.toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const name of names) {
    const d = squash(name) === squash(wanted) ? 0 : editDistance(w, name.toLowerCase());
    if (d <= Math.min(2, Math.floor(w.length / 4)) && (!best || d < best.d)) best = { name, d };
  }
  return best?.name;
}

/** Edits (insert, delete, replace, swap two neighbours) that turn a into b. */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

export interface ExplainContext {
  auth: AuthContext;
  client: AdfClient;
  names: { resourceGroup: string; factoryName: string; pipelineName: string; subscriptionId: string };
}

/** Adds what to do to any error the step may fail with. */
export async function explainError(e: unknown, ctx: ExplainContext): Promise<Error> {
  if (e instanceof ArmError) {
    if (e.status === 403) e.hint = explainForbidden(e, ctx.client.factoryId);
    else if (e.status === 404) e.hint = await explainNotFound(e, ctx.client, ctx.names);
    else if (e.status === 401)
      e.hint = `Azure Resource Manager rejected the token. Check that the principal belongs to the subscription's tenant and that 'environment' matches the cloud.`;
    else if (e.code === 'ReferencedPipelineRunNotValid')
      e.hint = `Check 'reference-run-id': it must be the ID of an earlier run of this pipeline in this factory.`;
    return e;
  }
  if (e instanceof Error && /Authentication|Credential|AuthError/.test(e.name)) return explainAuthError(e, ctx.auth);
  return e instanceof Error ? e : new Error(String(e));
}
