// What one service folder exports to the rest of the action: one descriptor per service, listed in
// registry.ts. Inputs read the rules (src/inputs/service-rules.ts), main builds the target and the
// client from it; nothing else names a service.
import type { TokenCredential } from '@azure/core-auth';
import type { PreconnectingAgent } from '../http/connections.js';
import type { Location, ServiceInputRules } from '../inputs/service-rules.js';
import type { Cloud, CloudName } from '../model/clouds.js';
import type { ServiceKind } from '../model/service-kind.js';
import type { PipelineService } from './service.js';

/** Where a service's pipelines live and how to reach them; saved for the post step (no secrets). */
export interface TargetBase {
  service: ServiceKind;
}

/** What every service's REST client shares: the sign-in, the HTTPS agent and the log hooks. */
export interface ClientDeps {
  credential: () => TokenCredential;
  /** Absent behind a proxy. */
  agent?: PreconnectingAgent;
  userAgent: string;
  requestTimeoutMs: number;
  onReauthenticate: (op: string) => void;
  /** Debug logging of each HTTP attempt (absent unless step debug is on). */
  debug?: (line: string) => void;
}

export interface ServiceLabels {
  /** For messages: "ADF", "Synapse", "Fabric". */
  short: string;
  /** Where the run link leads: "ADF Studio". */
  studio: string;
  /** What holds the pipelines, for the summary: "Factory", "Workspace". */
  home: string;
}

export interface ServiceModule<T extends TargetBase = TargetBase, E = unknown> extends ServiceInputRules {
  readonly name: T['service'];
  readonly labels: ServiceLabels;
  /** Its endpoints in each cloud (a service that is the same everywhere lists one value per cloud). */
  readonly endpoints: Readonly<Record<CloudName, E>>;
  /** The target, from what readLocation() read and the chosen cloud. */
  target(location: Location, cloud: Cloud): T;
  /** The client, signing in with deps.credential; opens its connection early on deps.agent. */
  create(target: T, deps: ClientDeps): PipelineService & { readonly target: T };
}
