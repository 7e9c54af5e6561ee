import type { TokenCredential } from '@azure/core-auth';
import type { Agent } from 'node:https';

export type AuthModeName = 'oidc' | 'client-secret' | 'azure-cli';

/** One way of signing in. Each mode is one small implementation of this. */
export interface AuthMethod {
  readonly mode: AuthModeName;
  /** For the log: who signs in, and how. */
  readonly description: string;
  /** A fresh credential (with an empty token cache); called again to re-authenticate. */
  createCredential(transport?: Transport): Promise<TokenCredential>;
  /** Decoded claims of the last ID token (OIDC only), to explain federated-credential mismatches. */
  lastIdTokenClaims?(): Record<string, unknown> | undefined;
  /** A clearer error for a sign-in failure, when one more look can tell (e.g. an unknown tenant). */
  diagnose?(e: unknown): Promise<Error | undefined>;
}

export interface AuthSettings {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  audience: string;
  authorityHost: string;
  /** With a custom authority host MSAL must not ask the public cloud for instance metadata. */
  disableInstanceDiscovery: boolean;
}

/** How the credential's requests to Entra ID travel (see connections.ts). */
export interface Transport {
  /** The process's HTTPS agent, shared with ARM; absent behind a proxy. */
  agent?: Agent;
}
