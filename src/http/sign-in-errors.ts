// Which errors are failures to get a token, and which of those may pass on their own. The HTTP
// layer needs this to decide what to retry; src/auth/ builds on it to explain the rest.
import { errorMessage } from './errors.js';

/**
 * Errors @azure/identity throws when no token could be had, and our own AuthError. Entra's own
 * refusals (AADSTS codes) arrive as AuthenticationRequiredError: MSAL's ServerError is wrapped in it.
 */
const SIGN_IN_ERROR_NAMES = new Set([
  'CredentialUnavailableError',
  'AuthenticationError',
  'AuthenticationRequiredError',
  'AggregateAuthenticationError',
  'AuthError',
]);

/** Whether the error is a failure to get a token (as opposed to a service's answer). */
export function isSignInError(e: unknown): boolean {
  return e instanceof Error && SIGN_IN_ERROR_NAMES.has(e.name);
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

/** Whether a sign-in failure during a long wait may pass (Entra or GitHub briefly unreachable). */
export function isTransientAuthError(e: unknown): boolean {
  if (!(e instanceof Error) || !isSignInError(e) || e.name === 'AggregateAuthenticationError') return false;
  // `az` failures say themselves whether asking again can help (src/auth/azure-cli.ts).
  const permanent = (e as { permanent?: unknown }).permanent;
  if (typeof permanent === 'boolean') return !permanent;
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
