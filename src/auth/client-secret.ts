import { diagnoseDiscovery } from './discovery.js';
import type { AuthMethod, AuthSettings } from './types.js';

export function clientSecretAuth(s: AuthSettings): AuthMethod {
  return {
    mode: 'client-secret',
    description: `client secret for application ${s.clientId} in tenant ${s.tenantId}`,
    async createCredential() {
      const { ClientSecretCredential } = await import('@azure/identity');
      return new ClientSecretCredential(s.tenantId, s.clientId, s.clientSecret, {
        authorityHost: s.authorityHost,
        disableInstanceDiscovery: s.disableInstanceDiscovery,
      });
    },
    diagnose: (e) => diagnoseDiscovery(e, s.authorityHost, s.tenantId),
  };
}
