// Builds the chosen service from the registry: its target from the inputs, its client from the
// target and a sign-in. Nothing here names a service; each describes itself in its own folder.
import * as core from '@actions/core';
import { createAgent } from '../http/connections.js';
import type { Location } from '../inputs/service-rules.js';
import type { Cloud } from '../model/clouds.js';
import type { CredentialSource } from '../model/sign-in.js';
import type { ServiceKind } from '../model/service-kind.js';
import { requestTimeoutMs } from '../runtime/tuning.js';
import { USER_AGENT } from '../runtime/version.js';
import type { ServiceModule } from './module.js';
import { SERVICES, type RegisteredService } from './registry.js';
import type { PipelineService } from './service.js';

/** Where the pipelines live and how to reach them; saved for the post step (no secrets). */
export type ServiceTarget = ReturnType<RegisteredService['target']>;

/**
 * A service and its target as it stands: services that resolve names in prepare() (Fabric) add
 * what they resolved, so the context saved before the start lets the post step skip resolving.
 */
export type TargetedService = PipelineService & { readonly target: ServiceTarget };

export function serviceModule(name: ServiceKind): ServiceModule<ServiceTarget> {
  const found = SERVICES.find((s) => s.name === name);
  if (!found) throw new Error(`No service named '${name}' is registered.`);
  // Each module takes its own target; the name picked it, so the union narrows to that one.
  return found as unknown as ServiceModule<ServiceTarget>;
}

/** The target the inputs name, with the chosen cloud's endpoints. */
export function targetFor(inputs: { service: ServiceKind; location: Location; cloud: Cloud }): ServiceTarget {
  return serviceModule(inputs.service).target(inputs.location, inputs.cloud);
}

/**
 * The service client for the step, signing in as `signIn` says. The service's requests and Entra
 * ID's share one HTTPS agent; unless a proxy is configured, it starts the TLS handshakes with both
 * right away, so they overlap with loading the sign-in code.
 */
export function createService(target: ServiceTarget, signIn: CredentialSource): TargetedService {
  const agent = createAgent();
  for (const host of signIn.preconnect) agent?.preconnect(host);
  return serviceModule(target.service).create(target, {
    credential: () => signIn.credential({ agent }),
    agent,
    userAgent: USER_AGENT,
    requestTimeoutMs: requestTimeoutMs(),
    onReauthenticate: (op: string) => core.info(`Azure rejected the access token during ${op}; signing in again.`),
    debug: core.isDebug() ? (line) => core.debug(line) : undefined,
  });
}
