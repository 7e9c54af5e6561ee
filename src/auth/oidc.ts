import * as core from '@actions/core';
import type { AuthMethod, AuthSettings } from './types.js';
import { decodeJwtClaims } from './jwt.js';
import { diagnoseDiscovery } from './discovery.js';
import { sdkTransport } from './transport.js';

/**
 * GitHub OIDC → Entra workload identity federation. The ID token lives ~10 minutes, so the
 * assertion callback asks GitHub for a fresh one on every Entra token request; waits of hours
 * keep working for as long as the job's request token does (~6 h).
 */
/**
 * MSAL asks for the assertion twice in one token acquisition (once to build its client, once for
 * the request), a few milliseconds apart: an ID token fetched that recently, with minutes left,
 * is handed out again instead of costing a second round trip to GitHub on the sign-in's critical
 * path. Any later token request still gets a fresh one.
 */
const REUSE_WITHIN_MS = 10_000;
const MIN_LEFT_MS = 60_000;

export function oidcAuth(s: AuthSettings): AuthMethod {
  let claims: Record<string, unknown> | undefined;
  let last: { idToken: string; fetchedAt: number; expiresAt: number } | undefined;
  const getAssertion = async () => {
    const now = Date.now();
    if (last && now - last.fetchedAt < REUSE_WITHIN_MS && last.expiresAt - now > MIN_LEFT_MS) return last.idToken;
    const idToken = await core.getIDToken(s.audience);
    core.setSecret(idToken);
    claims = decodeJwtClaims(idToken);
    const exp = typeof claims?.exp === 'number' ? claims.exp * 1000 : 0;
    last = { idToken, fetchedAt: Date.now(), expiresAt: exp };
    return idToken;
  };
  return {
    mode: 'oidc',
    description: `OIDC federated credential for application ${s.clientId} in tenant ${s.tenantId} (audience ${s.audience})`,
    async createCredential(transport) {
      const { ClientAssertionCredential } = await import('@azure/identity');
      return new ClientAssertionCredential(s.tenantId, s.clientId, getAssertion, {
        authorityHost: s.authorityHost,
        disableInstanceDiscovery: s.disableInstanceDiscovery,
        ...sdkTransport(transport),
      });
    },
    lastIdTokenClaims: () => claims,
    diagnose: (e) => diagnoseDiscovery(e, s.authorityHost, s.tenantId),
  };
}
