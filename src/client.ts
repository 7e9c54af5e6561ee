import * as core from '@actions/core';
import { AdfClient } from './adf-client.js';
import { maskingCredential, type AuthMethod } from './auth/index.js';
import { createAgent } from './connections.js';
import { requestTimeoutMs } from './tuning.js';
import { USER_AGENT } from './version.js';

/**
 * The ARM client for the step, signing in with the given method. Both ARM and Entra ID requests
 * share one HTTPS agent; unless a proxy is configured, it starts the TLS handshakes with both right
 * away, so they overlap with loading the sign-in code.
 */
export function createClient(
  method: AuthMethod,
  target: { resourceManager: string; subscriptionId: string; resourceGroup: string; factoryName: string },
  o: { authorityHost: string },
): AdfClient {
  const agent = createAgent();
  agent?.preconnect(target.resourceManager);
  // The Azure CLI signs in by itself.
  if (method.mode !== 'azure-cli') agent?.preconnect(o.authorityHost);
  return new AdfClient({
    endpoint: target.resourceManager,
    subscriptionId: target.subscriptionId,
    resourceGroup: target.resourceGroup,
    factoryName: target.factoryName,
    credential: () => maskingCredential(method, { agent }),
    agent,
    userAgent: USER_AGENT,
    requestTimeoutMs: requestTimeoutMs(),
    onAttempt: core.isDebug() ? (line) => core.debug(`ARM ${line}`) : undefined,
    onReauthenticate: (op) => core.info(`Azure rejected the access token during ${op}; signing in again.`),
  });
}
