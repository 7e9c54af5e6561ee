import { existsSync } from 'node:fs';
import path from 'node:path';
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

/** Whether an `az` executable is on PATH (what `auth: auto` falls back to). */
export function azureCliOnPath(): boolean {
  const exe = process.platform === 'win32' ? ['az.cmd', 'az.exe'] : ['az'];
  return (process.env.PATH ?? '')
    .split(path.delimiter)
    .some((dir) => dir && exe.some((e) => existsSync(path.join(dir, e))));
}
