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
export function oidcAuth(s: AuthSettings): AuthMethod {
  let claims: Record<string, unknown> | undefined;
  const getAssertion = async () => {
    const idToken = await core.getIDToken(s.audience);
    core.setSecret(idToken);
    claims = decodeJwtClaims(idToken);
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
