// How a service client signs in, without knowing how: src/auth/ makes one of these from the chosen
// method, and main hands it to src/services/ (which never imports auth).
import type { TokenCredential } from '@azure/core-auth';
import type { Agent } from 'node:https';

export interface CredentialSource {
  /** A fresh credential whose requests to Entra ID use `transport.agent` (absent behind a proxy). */
  credential(transport: { agent?: Agent }): TokenCredential;
  /** Hosts the sign-in will reach, to open connections to early ([] for the Azure CLI). */
  preconnect: string[];
}
