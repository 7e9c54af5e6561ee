import { diagnoseDiscovery } from './discovery.js';
import type { AuthMethod, AuthSettings } from './types.js';
import { sdkTransport } from './transport.js';

export function clientSecretAuth(s: AuthSettings): AuthMethod {
  return {
    mode: 'client-secret',
    description: `client secret for application ${s.clientId} in tenant ${s.tenantId}`,
    async createCredential(transport) {
      const { ClientSecretCredential } = await import('@azure/identity');
      return new ClientSecretCredential(s.tenantId, s.clientId, s.clientSecret, {
        authorityHost: s.authorityHost,
        disableInstanceDiscovery: s.disableInstanceDiscovery,
        ...sdkTransport(transport),
      });
    },
    diagnose: (e) => diagnoseDiscovery(e, s.authorityHost, s.tenantId),
  };
}
