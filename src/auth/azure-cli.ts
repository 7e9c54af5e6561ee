import type { AuthMethod, AuthSettings } from './types.js';

/** The session left by `az login` or azure/login earlier in the job. */
export function azureCliAuth(s: AuthSettings): AuthMethod {
  return {
    mode: 'azure-cli',
    description: `the Azure CLI session${s.tenantId ? ` (tenant ${s.tenantId})` : ''}`,
    async createCredential() {
      const { AzureCliCredential } = await import('@azure/identity');
      return new AzureCliCredential({ tenantId: s.tenantId || undefined, processTimeoutInMs: 30_000 });
    },
  };
}
