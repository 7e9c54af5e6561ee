import * as core from '@actions/core';
import { AdfClient } from './adf-client.js';
import { maskingCredential, type AuthMethod } from './auth/index.js';
import { requestTimeoutMs } from './tuning.js';
import { USER_AGENT } from './version.js';

export function createClient(
  method: AuthMethod,
  target: { resourceManager: string; subscriptionId: string; resourceGroup: string; factoryName: string },
): AdfClient {
  return new AdfClient({
    endpoint: target.resourceManager,
    subscriptionId: target.subscriptionId,
    resourceGroup: target.resourceGroup,
    factoryName: target.factoryName,
    credential: () => maskingCredential(method),
    userAgent: USER_AGENT,
    requestTimeoutMs: requestTimeoutMs(),
    onAttempt: core.isDebug() ? (line) => core.debug(`ARM ${line}`) : undefined,
    onReauthenticate: (op) => core.info(`Azure rejected the access token during ${op}; signing in again.`),
  });
}
