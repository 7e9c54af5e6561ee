// Builds the pipeline service the inputs name. Adding a service means adding its folder, its
// target and one case in each function here.
import * as core from '@actions/core';
import { maskingCredential, type AuthMethod } from '../auth/index.js';
import { createAgent } from '../http/connections.js';
import { RestClient } from '../http/rest-client.js';
import type { Inputs } from '../inputs/inputs.js';
import { requestTimeoutMs } from '../runtime/tuning.js';
import { USER_AGENT } from '../runtime/version.js';
import { FABRIC, factoryResourceId, findCloud } from './clouds.js';
import { API_VERSION, parseArmError } from './data-factory/client.js';
import { DataFactoryService, type DataFactoryTarget } from './data-factory/service.js';
import { FABRIC_REQUEST_ID_HEADER, parseFabricError } from './fabric/client.js';
import { FabricService, type FabricTarget } from './fabric/service.js';
import type { PipelineService } from './service.js';
import { API_VERSION as SYNAPSE_API_VERSION, parseSynapseError } from './synapse/client.js';
import { SynapseService, type SynapseTarget } from './synapse/service.js';

/** Where the pipelines live and how to reach them; saved for the post step (no secrets). */
export type ServiceTarget = DataFactoryTarget | SynapseTarget | FabricTarget;

/**
 * A service and its target as it stands: services that resolve names in prepare() (Fabric) add
 * what they resolved, so the context saved before the start lets the post step skip resolving.
 */
export type TargetedService = PipelineService & { readonly target: ServiceTarget };

export function targetFor(inputs: Inputs): ServiceTarget {
  const cloud = findCloud(inputs.cloud.name) ?? inputs.cloud;
  if (inputs.service === 'synapse') {
    return {
      service: 'synapse',
      workspace: inputs.workspace,
      // service-endpoint changes the host, never the audience.
      endpoint: (inputs.serviceEndpoint || `https://${inputs.workspace}.${cloud.synapseSuffix}`).replace(/\/+$/, ''),
      resource: cloud.synapseResource,
      subscriptionId: inputs.subscriptionId,
      resourceGroup: inputs.resourceGroup,
      studioHost: cloud.synapseStudioHost,
    };
  }
  if (inputs.service === 'fabric') {
    return {
      service: 'fabric',
      apiBase: inputs.serviceEndpoint || FABRIC.api,
      // Neither 'environment' nor 'service-endpoint' changes the token audience (the contract).
      resource: FABRIC.resource,
      portal: FABRIC.portal,
      workspace: inputs.workspace,
    };
  }
  const studioHost = cloud.studioHost;
  return {
    service: 'data-factory',
    resourceManager: inputs.cloud.resourceManager,
    subscriptionId: inputs.subscriptionId,
    resourceGroup: inputs.resourceGroup,
    factoryName: inputs.factoryName,
    studioHost,
  };
}

/**
 * The service client for the step, signing in with the given method. The service's requests and
 * Entra ID's share one HTTPS agent; unless a proxy is configured, it starts the TLS handshakes with
 * both right away, so they overlap with loading the sign-in code.
 */
export function createService(
  target: ServiceTarget,
  method: AuthMethod,
  o: { authorityHost: string },
): TargetedService {
  const agent = createAgent();
  // The Azure CLI signs in by itself.
  if (method.mode !== 'azure-cli') agent?.preconnect(o.authorityHost);
  const common = {
    credential: () => maskingCredential(method, { agent }),
    agent,
    userAgent: USER_AGENT,
    requestTimeoutMs: requestTimeoutMs(),
    onReauthenticate: (op: string) => core.info(`Azure rejected the access token during ${op}; signing in again.`),
  };
  switch (target.service) {
    case 'data-factory': {
      agent?.preconnect(target.resourceManager);
      return new DataFactoryService(
        target,
        new RestClient({
          ...common,
          baseUrl: `${target.resourceManager}${factoryResourceId(target.subscriptionId, target.resourceGroup, target.factoryName)}`,
          scope: `${target.resourceManager}/.default`,
          apiVersion: API_VERSION,
          parseError: parseArmError,
          onAttempt: core.isDebug() ? (line) => core.debug(`ARM ${line}`) : undefined,
        }),
      );
    }
    case 'synapse': {
      agent?.preconnect(target.endpoint);
      return new SynapseService(
        target,
        new RestClient({
          ...common,
          baseUrl: target.endpoint,
          scope: `${target.resource}/.default`,
          apiVersion: SYNAPSE_API_VERSION,
          parseError: parseSynapseError,
          onAttempt: core.isDebug() ? (line) => core.debug(`Synapse ${line}`) : undefined,
        }),
      );
    }
    case 'fabric': {
      agent?.preconnect(target.apiBase);
      return new FabricService(
        target,
        new RestClient({
          ...common,
          baseUrl: target.apiBase,
          scope: `${target.resource}/.default`,
          parseError: parseFabricError,
          requestIdHeader: FABRIC_REQUEST_ID_HEADER,
          onAttempt: core.isDebug() ? (line) => core.debug(`Fabric ${line}`) : undefined,
        }),
      );
    }
  }
}
