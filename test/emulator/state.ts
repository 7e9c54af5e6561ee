// What the emulated cloud "contains": tenants and app registrations (Entra), factories and pipelines
// (ARM), and the role denials. Lookups are case-insensitive where Azure's are.
import type {
  ClientSpec,
  EmulatorConfig,
  FactorySpec,
  FederatedCredential,
  ParameterSpec,
  PipelineSpec,
  RunScript,
} from './types.ts';
import { SERVICE_CONFIG_DEFAULTS } from './service-config.ts';
import { guid } from './util.ts';

export interface Client {
  tenantId: string;
  clientId: string;
  secret?: string;
  federated: FederatedCredential[];
  objectId: string;
}

export interface Factory {
  subscriptionId: string;
  resourceGroup: string;
  factoryName: string;
  location: string;
  createdAt: number;
  etag: string;
  pipelines: Map<string, Pipeline>;
}

export interface Pipeline {
  name: string;
  parameters: Record<string, ParameterSpec>;
  script?: RunScript;
  concurrency?: number;
  description?: string;
  etag: string;
  factory: Factory;
  /** scripts queued by nextRunScript(); the next createRun takes the first */
  nextScripts: RunScript[];
}

const lc = (s: string) => s.toLowerCase();
const factoryKey = (sub: string, rg: string, f: string) => `${lc(sub)}/${lc(rg)}/${lc(f)}`;

export const DEFAULT_CONFIG: EmulatorConfig = {
  tokenLifetimeSec: 3600,
  idTokenLifetimeSec: 600,
  oidcSubject: 'repo:octo-org/octo-repo:ref:refs/heads/main',
  oidcClaims: {},
  activityPageSize: 100,
  runPageSize: 100,
  cancelDelayMs: 300,
  cancelFinishedRun: 'error',
  // Guess: ADF's exact wording is not published anywhere we could find.
  cancelFinishedRunError: {
    status: 400,
    code: 'BadRequest',
    message: "Pipeline run '{runId}' cannot be cancelled because it is already in a terminal state '{status}'.",
  },
  // Guess (no public source documents ADF's text for a missing pipeline).
  pipelineNotFound: { status: 404, code: 'EntityNotFound', message: 'Entity {pipeline} not found' },
  // Guess, same reason.
  runNotFound: { status: 404, code: 'PipelineRunNotFound', message: "Pipeline run '{runId}' does not exist." },
  // Guess, same reason.
  missingParameter: {
    status: 400,
    code: 'BadRequest',
    message: "Missing value for required parameter(s) {names} of pipeline '{pipeline}'.",
  },
  location: 'eastus',
  ...SERVICE_CONFIG_DEFAULTS,
};

export class World {
  readonly tenants = new Map<string, string>();
  readonly clients = new Map<string, Client>();
  readonly factories = new Map<string, Factory>();
  /** extra resource groups without factories */
  readonly resourceGroups = new Set<string>();
  /** principal (client id or object id, lower-case) → denied actions (lower-case) */
  readonly denies = new Map<string, Set<string>>();
  private readonly config: EmulatorConfig;

  constructor(config: EmulatorConfig) {
    this.config = config;
  }

  addTenant(tenantId: string): void {
    this.tenants.set(lc(tenantId), tenantId);
  }

  hasTenant(tenantId: string): boolean {
    return this.tenants.has(lc(tenantId));
  }

  addClient(spec: ClientSpec): Client {
    this.addTenant(spec.tenantId);
    const client: Client = {
      tenantId: spec.tenantId,
      clientId: spec.clientId,
      federated: spec.federated ?? [],
      objectId: spec.objectId ?? guid(),
      ...(spec.secret !== undefined ? { secret: spec.secret } : {}),
    };
    this.clients.set(`${lc(spec.tenantId)}/${lc(spec.clientId)}`, client);
    return client;
  }

  findClient(tenantId: string, clientId: string): Client | undefined {
    return this.clients.get(`${lc(tenantId)}/${lc(clientId)}`);
  }

  addResourceGroup(subscriptionId: string, resourceGroup: string): void {
    this.resourceGroups.add(`${lc(subscriptionId)}/${lc(resourceGroup)}`);
  }

  addFactory(spec: FactorySpec): Factory {
    const key = factoryKey(spec.subscriptionId, spec.resourceGroup, spec.factoryName);
    const existing = this.factories.get(key);
    if (existing) return existing;
    this.addResourceGroup(spec.subscriptionId, spec.resourceGroup);
    const f: Factory = {
      subscriptionId: spec.subscriptionId,
      resourceGroup: spec.resourceGroup,
      factoryName: spec.factoryName,
      location: spec.location ?? this.config.location,
      createdAt: Date.now(),
      etag: `"${guid().slice(0, 8)}-0000-0100-0000-${Date.now().toString(16).padStart(12, '0').slice(-12)}"`,
      pipelines: new Map(),
    };
    this.factories.set(key, f);
    return f;
  }

  addPipeline(spec: PipelineSpec): Pipeline {
    const factory = this.addFactory(spec);
    const p: Pipeline = {
      name: spec.name,
      parameters: spec.parameters ?? {},
      etag: `${guid().slice(0, 8)}-0000-0200-0000-${Date.now().toString(16).padStart(12, '0').slice(-12)}`,
      factory,
      nextScripts: [],
      ...(spec.script !== undefined ? { script: spec.script } : {}),
      ...(spec.concurrency !== undefined ? { concurrency: spec.concurrency } : {}),
      ...(spec.description !== undefined ? { description: spec.description } : {}),
    };
    factory.pipelines.set(lc(spec.name), p);
    return p;
  }

  subscriptionExists(sub: string): boolean {
    const prefix = `${lc(sub)}/`;
    for (const k of this.resourceGroups) if (k.startsWith(prefix)) return true;
    return false;
  }

  resourceGroupExists(sub: string, rg: string): boolean {
    return this.resourceGroups.has(`${lc(sub)}/${lc(rg)}`);
  }

  findFactory(sub: string, rg: string, name: string): Factory | undefined {
    return this.factories.get(factoryKey(sub, rg, name));
  }

  deny(principal: string, action: string): void {
    const key = lc(principal);
    const set = this.denies.get(key) ?? new Set<string>();
    set.add(lc(action));
    this.denies.set(key, set);
  }

  allow(principal: string, action?: string): void {
    if (action === undefined) this.denies.delete(lc(principal));
    else this.denies.get(lc(principal))?.delete(lc(action));
  }

  isDenied(principals: Array<string | undefined>, action: string): boolean {
    return principals.some((p) => p !== undefined && (this.denies.get(lc(p))?.has(lc(action)) ?? false));
  }
}
