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
import { BILLING_CONFIG_DEFAULTS } from './activity-billing.ts';
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
  // Real ADF text, quoted in apache/airflow PR #56350 (2025); no space after the period, as quoted.
  // The HTTP status was not shown: 400 is our choice (ADF answers its other refusals with 400).
  cancelFinishedRunError: {
    status: 400,
    code: 'PipelineRunNotRunning',
    message:
      "Pipeline run has already completed with status '{status}'.Only pipeline runs that are in progress or queued can be canceled.",
    target: 'pipelinerun',
    details: null,
  },
  // Recorded: azure-powershell__TestPipelineV2.json (GET of a deleted pipeline, 2018).
  pipelineNotFound: {
    status: 404,
    code: 'NotFound',
    message: 'The document could not be retrieved because it does not exist.',
    target: '{path}',
    details: null,
  },
  // Guess: no real GET of an unknown run id was found.
  runNotFound: { status: 404, code: 'PipelineRunNotFound', message: "Pipeline run '{runId}' does not exist." },
  // Recorded: azure-powershell__TestCancelRunNegativeV2.json, azure-sdk-for-net__CancelPipelineRun.json.
  cancelRunNotFound: {
    status: 400,
    code: 'ReferencedPipelineRunNotFound',
    message: 'Referenced pipeline run id {runId} does not exist.',
    target: 'pipelinerun',
    details: null,
  },
  // Guess: no real createRun with a missing parameter was found.
  missingParameter: {
    status: 400,
    code: 'BadRequest',
    message: "Missing value for required parameter(s) {names} of pipeline '{pipeline}'.",
  },
  location: 'eastus',
  // Real services list a new run a moment after createRun answers.
  queryVisibilityDelayMs: 1000,
  runGroupIdValues: 'any',
  pipelinePageSize: 5,
  legacyRunTimes: false,
  ...SERVICE_CONFIG_DEFAULTS,
  ...BILLING_CONFIG_DEFAULTS,
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
