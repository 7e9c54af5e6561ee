// Chooses how to sign in and hands out credentials that register every token as a secret.
import * as core from '@actions/core';
import type { AccessToken, GetTokenOptions, TokenCredential } from '@azure/core-auth';
import { AuthError } from '../http/errors.js';
import { ID_TOKEN_HINT } from './hints.js';
import type { Inputs } from '../inputs/inputs.js';
import type { CredentialSource } from '../model/sign-in.js';
import { azureCliAuth } from './azure-cli.js';
import { clientSecretAuth } from './client-secret.js';
import { oidcAuth } from './oidc.js';
import type { AuthMethod, AuthModeName, AuthSettings, Transport } from './types.js';

export type { AuthMethod, AuthSettings, Transport } from './types.js';

export interface Environment {
  /** Whether the job may request an OIDC token (permissions: id-token: write). */
  idTokenAvailable: boolean;
  /** Whether an `az` executable is on PATH. */
  azAvailable: boolean;
}

export interface Choice {
  method: AuthMethod;
  /** Why auto chose this mode, for the log. */
  reason: string;
}

export { ID_TOKEN_HINT } from './hints.js';

/** The sign-in method for a mode already chosen (by chooseAuth, or saved for the post step). */
export function authMethodFor(mode: AuthModeName, settings: AuthSettings): AuthMethod {
  switch (mode) {
    case 'client-secret':
      return clientSecretAuth(settings);
    case 'oidc':
      return oidcAuth(settings);
    case 'azure-cli':
      return azureCliAuth(settings);
  }
}

/** The non-secret sign-in settings the inputs resolve to. */
export function authSettings(inputs: Inputs): AuthSettings {
  return {
    tenantId: inputs.tenantId,
    clientId: inputs.clientId,
    clientSecret: inputs.clientSecret,
    audience: inputs.audience,
    authorityHost: inputs.cloud.authorityHost,
    disableInstanceDiscovery: inputs.customAuthority,
  };
}

/** Pure: picks the auth mode from the inputs and what the job offers. */
export function chooseAuth(inputs: Inputs, env: Environment): Choice {
  const settings = authSettings(inputs);
  switch (inputs.auth) {
    case 'client-secret':
      return { method: clientSecretAuth(settings), reason: 'auth: client-secret' };
    case 'oidc':
      if (!env.idTokenAvailable) {
        throw new AuthError('auth: oidc, but this job cannot request a GitHub OIDC token.', { hint: ID_TOKEN_HINT });
      }
      return { method: oidcAuth(settings), reason: 'auth: oidc' };
    case 'azure-cli':
      if (!env.azAvailable)
        throw new AuthError('auth: azure-cli, but no `az` executable is on PATH.', { hint: AZ_HINT });
      return { method: azureCliAuth(settings), reason: 'auth: azure-cli' };
    case 'auto':
      break;
  }
  if (inputs.clientSecret) return { method: clientSecretAuth(settings), reason: "'client-secret' is set" };
  const haveIds = Boolean(inputs.clientId && inputs.tenantId);
  if (haveIds && env.idTokenAvailable) {
    return {
      method: oidcAuth(settings),
      reason: "'client-id' and 'tenant-id' are set and the job can request an ID token",
    };
  }
  if (env.azAvailable) {
    return {
      method: azureCliAuth(settings),
      reason: haveIds
        ? "'client-id' and 'tenant-id' are set but the job cannot request an OIDC token (no 'permissions: id-token: write'), so the existing Azure CLI session is used"
        : "no 'client-id'/'client-secret' is set, so the existing Azure CLI session is used",
    };
  }
  throw new AuthError('No way to sign in to Azure was found.', {
    hint: haveIds
      ? `'client-id' and 'tenant-id' are set, but the job cannot request an OIDC token. ${ID_TOKEN_HINT}`
      : "Set 'client-id' and 'tenant-id' and grant 'permissions: id-token: write' (OIDC, recommended); or also set 'client-secret'; or run azure/login earlier in the job.",
  });
}

const AZ_HINT = 'Run azure/login (or `az login`) earlier in the job, or use OIDC: set client-id and tenant-id.';

/**
 * A credential that loads @azure/identity only when the first token is needed and registers
 * every access token with the runner as a secret, so it is masked if anything ever prints it.
 */
export function maskingCredential(method: AuthMethod, transport?: Transport): TokenCredential {
  let inner: Promise<TokenCredential> | undefined;
  const masked = new Set<string>();
  return {
    async getToken(scopes: string | string[], options?: GetTokenOptions): Promise<AccessToken | null> {
      inner ??= method.createCredential(transport);
      let token: AccessToken | null;
      try {
        token = await (await inner).getToken(scopes, options);
      } catch (e) {
        throw (await method.diagnose?.(e)) ?? e;
      }
      if (token?.token && !masked.has(token.token)) {
        masked.add(token.token);
        core.setSecret(token.token);
      }
      return token;
    },
  };
}

/** How the service clients sign in with this method: masked tokens, Entra reached early. */
export function credentialSource(method: AuthMethod, authorityHost: string): CredentialSource {
  return {
    credential: (transport) => maskingCredential(method, transport),
    // The Azure CLI signs in by itself.
    preconnect: method.mode === 'azure-cli' ? [] : [authorityHost],
  };
}
