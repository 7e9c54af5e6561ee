// Local Azure Data Factory emulator: Entra ID, the GitHub Actions OIDC token service, ARM, the Synapse
// development endpoint and the Fabric REST API, each a real HTTPS server on 127.0.0.1 behind one throw-away
// CA. See README.md next to this file.
import { armControl } from './control.ts';
import { armService } from './arm.ts';
import { makeCerts } from './certs.ts';
import type { EmulatorContext } from './context.ts';
import { entraService, mintAccessToken, type AccessTokenInput } from './entra.ts';
import { Faults } from './faults.ts';
import { GithubWorld, githubService, type GithubComment, type GithubConfig } from './github.ts';
import { RetailPricesWorld, retailPricesService, type RetailPricesConfig } from './retail-prices.ts';
import { makeSigningKey } from './jwt.ts';
import { mintIdToken, oidcService } from './oidc.ts';
import { Recorder } from './recorder.ts';
import { RunEngine, type ActivityRunView, type PipelineRunView, type RunRecord } from './runs.ts';
import { DEFAULTS as BASE_DEFAULTS, defaultPipelines, rerunPipelines } from './seed.ts';
import { SERVICE_DEFAULTS, seedFabric, seedSynapse } from './seed-services.ts';
import { fabricService } from './fabric.ts';
import { FabricJobs, type FabricJob, type ItemJobInstance } from './fabric-jobs.ts';
import { synapseService } from './synapse.ts';
import { ServiceWorld, type FabricItem, type FabricWorkspace, type SynapseWorkspace } from './workspaces.ts';
import { ServiceHost } from './server.ts';
import { DEFAULT_CONFIG, World, type Client, type Factory, type Pipeline } from './state.ts';
import type {
  ClientSpec,
  EmulatorConfig,
  FabricJobScript,
  FabricJobStatus,
  FabricPipelineSpec,
  FabricWorkspaceSpec,
  SynapsePipelineSpec,
  SynapseWorkspaceSpec,
  EmulatorOptions,
  FactorySpec,
  PipelineSpec,
  RecordedRequest,
  RunScript,
  RunStatus,
  Service,
} from './types.ts';
import { guid } from './util.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type * from './types.ts';
export type { ActivityRunView, PipelineRunView, RunRecord } from './runs.ts';
export type { Client, Factory, Pipeline } from './state.ts';
export type { ActiveRule, Faults } from './faults.ts';
export type { FabricJob, ItemJobInstance } from './fabric-jobs.ts';
export type { FabricItem, FabricWorkspace, SynapseWorkspace } from './workspaces.ts';
export { DEFAULT_PIPELINES, BLOB_MISSING_ERROR, RERUN_PIPELINES } from './seed.ts';
export { FABRIC_PIPELINE_IDS } from './seed-services.ts';
export { ARM_ACTIONS, API_VERSION } from './arm.ts';
export { SYNAPSE_ACTIONS, SYNAPSE_API_VERSION } from './synapse.ts';
export { FABRIC_ACTIONS } from './fabric.ts';
export { runIdFromClientRequestId, TRANSIENT_ERROR } from './runs.ts';
export { defaultRetailPriceItems, parseFilter as parseRetailPricesFilter } from './retail-prices.ts';
export type { RetailPriceItem, RetailPricesConfig } from './retail-prices.ts';

/** The seeded identities and names: tenant, client, factory, plus the Synapse and Fabric workspaces. */
export const DEFAULTS = { ...BASE_DEFAULTS, ...SERVICE_DEFAULTS } as const;
export { DEFAULT_CONFIG } from './state.ts';
export { writeFakeAzConfig, FAKE_AZ_BIN_DIR, type FakeAzConfig } from './fake-az.ts';
export {
  ACTIONS_BOT,
  DEFAULT_GITHUB_CONFIG,
  type GithubComment,
  type GithubConfig,
  type GithubUser,
} from './github.ts';

export interface SeedResult {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  objectId: string;
  subscriptionId: string;
  resourceGroup: string;
  factoryName: string;
  audience: string;
  pipelines: string[];
  synapseWorkspace: string;
  synapsePipelines: string[];
  fabricWorkspaceId: string;
  fabricWorkspaceName: string;
  fabricCapacityId: string;
  /** the seeded Fabric DataPipeline items (ids in FABRIC_PIPELINE_IDS) */
  fabricPipelines: Array<{ id: string; displayName: string }>;
}

export interface Emulator {
  entraUrl: string;
  oidcUrl: string;
  armUrl: string;
  /** the Synapse server; each workspace is under /ws/{workspace}: use synapseEndpoint() */
  synapseUrl: string;
  /** what to give the action as `service-endpoint` for a Synapse workspace (no trailing slash) */
  synapseEndpoint(workspace?: string): string;
  /** the Fabric API base (the action appends /v1/...) */
  fabricUrl: string;
  /** PEM file of the CA: give it to the action as NODE_EXTRA_CA_CERTS */
  caFile: string;
  caPem: string;
  /** ACTIONS_ID_TOKEN_REQUEST_URL (already has ?api-version=2.0) */
  oidcRequestUrl: string;
  /** ACTIONS_ID_TOKEN_REQUEST_TOKEN */
  oidcRequestToken: string;
  /** live settings; change them any time */
  config: EmulatorConfig;
  faults: Faults;

  requests: RecordedRequest[];
  requestsFor(op: string, service?: Service): RecordedRequest[];
  /** Clears the request log and the connection counts. */
  clearRequests(): void;
  /** TLS connections each service accepted since the last clearRequests(). */
  tlsConnections(): Record<Service, number>;

  addTenant(tenantId: string): void;
  addClient(spec: ClientSpec): Client;
  addFactory(spec: FactorySpec): Factory;
  addResourceGroup(subscriptionId: string, resourceGroup: string): void;
  addPipeline(spec: PipelineSpec): Pipeline;
  /** the standard tenant, client (secret + federated credential for config.oidcSubject), factory, pipelines, Synapse and Fabric workspaces */
  seedDefault(): SeedResult;

  /**
   * RERUN_PIPELINES (fails-once, fails-always, fails-always-system) in the factory (default: the
   * seeded one) and the Synapse workspace (default: the seeded one); returns their names.
   */
  addRerunPipelines(o?: { factory?: FactorySpec; workspace?: string }): string[];
  /** a Synapse workspace (subscription and resource group only appear in ids and texts) */
  addWorkspace(spec: SynapseWorkspaceSpec): SynapseWorkspace;
  addSynapsePipeline(spec: SynapsePipelineSpec): Pipeline;
  /** script the next run of that Synapse pipeline differently (queued; one per call) */
  nextSynapseRunScript(pipelineName: string, script: RunScript, workspace?: string): void;
  addFabricWorkspace(spec: FabricWorkspaceSpec): FabricWorkspace;
  addFabricPipeline(spec: FabricPipelineSpec): FabricItem;
  /** script the next job of that Fabric item (id or display name) differently (queued; one per call) */
  nextFabricJobScript(item: string, script: FabricJobScript, workspace?: string): void;
  /** Fabric job instances, in creation order */
  readonly fabricJobs: FabricJob[];
  fabricJob(id: string): FabricJob | undefined;
  /** the job instance as GET would return it now */
  fabricJobView(id: string): ItemJobInstance | undefined;
  fabricJobStatus(id: string): FabricJobStatus | undefined;
  /** the activity runs of a Fabric job as queryactivityruns returns them (no window) */
  fabricActivityRuns(id: string): Array<Record<string, unknown>>;

  /** all runs, in creation order (child runs included once started) */
  readonly runs: RunRecord[];
  getRun(runId: string): RunRecord | undefined;
  /** the run as getRun over ARM would return it now */
  runView(runId: string): PipelineRunView | undefined;
  runStatus(runId: string): RunStatus | undefined;
  activityRuns(runId: string): ActivityRunView[];
  /** script the next run of that pipeline differently (queued; one per call) */
  nextRunScript(pipelineName: string, script: RunScript, factory?: Partial<FactorySpec>): void;
  /**
   * Past Succeeded runs of the pipeline, newest first in `durationsMs`: the first ended `gapMs`
   * (default 10 min) ago, each earlier one `gapMs` before the next one started. Returns their run IDs.
   */
  seedHistory(
    pipelineName: string,
    durationsMs: number[],
    o?: { gapMs?: number; factory?: Partial<FactorySpec> },
  ): string[];

  /** the principal (client id or object id) gets 403 AuthorizationFailed for that ARM action */
  deny(principal: string, action: string): void;
  allow(principal: string, action?: string): void;

  /** an ID token signed like the OIDC service's, with any claim overridden (e.g. exp, iss, sub) */
  mintIdToken(claims?: Record<string, unknown>, audience?: string): string;
  /** an access token signed like Entra's (defaults: DEFAULTS' client, audience = armUrl) */
  mintAccessToken(t?: Partial<AccessTokenInput>): string;

  /** NODE_EXTRA_CA_CERTS, ACTIONS_ID_TOKEN_REQUEST_URL, ACTIONS_ID_TOKEN_REQUEST_TOKEN */
  env(): Record<string, string>;
  close(): Promise<void>;

  /**
   * Stop listening on that service's port: new connections get ECONNREFUSED (idle keep-alive ones
   * are closed, busy ones after their answer). With `forMs`, it listens again after that long.
   */
  refuseConnections(service: Service, forMs?: number): Promise<void>;
  /** Listen again now after refuseConnections(). */
  acceptConnections(service: Service): Promise<void>;
  /** The service's URL with a host name that never resolves (`.invalid`, RFC 6761): ENOTFOUND. */
  unresolvableUrl(service: Service): string;

  /** GitHub's REST API (issue comments, pull requests): give it to Octokit as GITHUB_API_URL */
  githubUrl: string;
  github: {
    /** token, permission ('write' | 'read' | 'none'), defaultPerPage, serverUrl; live */
    config: GithubConfig;
    /** comments of an issue or pull request, oldest first */
    comments(owner: string, repo: string, n: number): GithubComment[];
    /** someone else's comment (default user octocat) */
    addComment(owner: string, repo: string, n: number, body: string): GithubComment;
    /** make a pull request exist (octo-org/octo-repo#1 exists from the start) */
    addPull(owner: string, repo: string, n: number, o?: { title?: string; headRef?: string; baseRef?: string }): void;
  };
  /**
   * What a pull_request workflow gives a step for the GitHub API: GITHUB_API_URL, GITHUB_SERVER_URL,
   * GITHUB_REPOSITORY, GITHUB_REPOSITORY_OWNER, GITHUB_EVENT_NAME, GITHUB_EVENT_PATH (a payload file
   * naming the pull request), GITHUB_TOKEN, NODE_EXTRA_CA_CERTS. Not part of env().
   */
  githubEnv(o?: { repository?: string; pullNumber?: number }): Record<string, string>;

  /** The Azure Retail Prices API (public, no sign-in): give it to the action as `retail-prices-endpoint` */
  pricesUrl: string;
  prices: {
    /** pageSize (default 100) and the catalog served (items); live */
    config: RetailPricesConfig;
  };
}

const CONFIG_KEYS = Object.keys(DEFAULT_CONFIG) as Array<keyof EmulatorConfig>;

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const certs = await makeCerts();
  const config: EmulatorConfig = structuredClone(DEFAULT_CONFIG);
  for (const k of CONFIG_KEYS) {
    if (opts[k] !== undefined) (config as unknown as Record<string, unknown>)[k] = opts[k];
  }
  const world = new World(config);
  const services = new ServiceWorld(config, BASE_DEFAULTS);
  const fabricJobs = new FabricJobs(config, (wsId, name) => {
    const ws = services.fabric.get(wsId.toLowerCase());
    return ws && services.findFabricItem(ws, name);
  });
  const engine = new RunEngine(config, (sibling, name) => sibling.factory.pipelines.get(name.toLowerCase()));
  const ctx: EmulatorContext = {
    config,
    world,
    engine,
    services,
    fabricJobs,
    recorder: new Recorder(),
    faults: new Faults(),
    entraKey: makeSigningKey(),
    oidcKey: makeSigningKey(),
    urls: { entra: '', oidc: '', arm: '', synapse: '', fabric: '' },
    oidcRequestToken: `emu-request-token-${guid()}`,
    oidcRequestPath: `/_apis/distributedtask/hubs/Actions/plans/${guid()}/jobs/${guid()}/idtoken`,
  };
  const deps = { key: certs.keyPem, cert: certs.certPem, faults: ctx.faults, recorder: ctx.recorder };
  const gh = new GithubWorld();
  const retail = new RetailPricesWorld();
  gh.addPull('octo-org', 'octo-repo', 1);
  const arm = armService(ctx);
  const hosts = {
    entra: new ServiceHost(entraService(ctx), deps),
    oidc: new ServiceHost(oidcService(ctx), deps),
    arm: new ServiceHost({ ...arm, control: armControl(ctx) }, deps),
    github: new ServiceHost(githubService(gh), deps),
    prices: new ServiceHost(retailPricesService(retail), deps),
    synapse: new ServiceHost(synapseService(ctx), deps),
    fabric: new ServiceHost(fabricService(ctx), deps),
  };
  try {
    ctx.urls.entra = await hosts.entra.listen(opts.ports?.entra);
    ctx.urls.oidc = await hosts.oidc.listen(opts.ports?.oidc);
    ctx.urls.arm = await hosts.arm.listen(opts.ports?.arm);
    gh.apiUrl = await hosts.github.listen(opts.ports?.github);
    ctx.urls.synapse = await hosts.synapse.listen(opts.ports?.synapse);
    ctx.urls.fabric = await hosts.fabric.listen(opts.ports?.fabric);
    retail.apiUrl = await hosts.prices.listen(opts.ports?.prices);
  } catch (e) {
    await Promise.all(Object.values(hosts).map((h) => h.close()));
    await certs.remove();
    throw e;
  }

  const findRunPipelines = (pipelineName: string, f?: Partial<FactorySpec>): Pipeline[] =>
    [...world.factories.values()]
      .filter(
        (x) =>
          (!f?.subscriptionId || x.subscriptionId.toLowerCase() === f.subscriptionId.toLowerCase()) &&
          (!f?.resourceGroup || x.resourceGroup.toLowerCase() === f.resourceGroup.toLowerCase()) &&
          (!f?.factoryName || x.factoryName.toLowerCase() === f.factoryName.toLowerCase()),
      )
      .map((x) => x.pipelines.get(pipelineName.toLowerCase()))
      .filter((p): p is Pipeline => p !== undefined);

  let closed = false;
  const tempDirs: string[] = [];
  const emulator: Emulator = {
    entraUrl: ctx.urls.entra,
    oidcUrl: ctx.urls.oidc,
    armUrl: ctx.urls.arm,
    synapseUrl: ctx.urls.synapse,
    synapseEndpoint: (workspace = SERVICE_DEFAULTS.synapseWorkspace) =>
      `${ctx.urls.synapse}/ws/${encodeURIComponent(workspace)}`,
    fabricUrl: ctx.urls.fabric,
    caFile: certs.caFile,
    caPem: certs.caPem,
    oidcRequestUrl: `${ctx.urls.oidc}${ctx.oidcRequestPath}?api-version=2.0`,
    oidcRequestToken: ctx.oidcRequestToken,
    config,
    faults: ctx.faults,
    requests: ctx.recorder.requests,
    requestsFor: (op, service) => ctx.recorder.for(op).filter((r) => service === undefined || r.service === service),
    clearRequests: () => {
      ctx.recorder.clear();
      for (const h of Object.values(hosts)) h.tlsConnections = 0;
    },
    tlsConnections: () => ({
      entra: hosts.entra.tlsConnections,
      oidc: hosts.oidc.tlsConnections,
      arm: hosts.arm.tlsConnections,
      github: hosts.github.tlsConnections,
      synapse: hosts.synapse.tlsConnections,
      fabric: hosts.fabric.tlsConnections,
      prices: hosts.prices.tlsConnections,
    }),

    addTenant: (id) => world.addTenant(id),
    addClient: (spec) => world.addClient(spec),
    addFactory: (spec) => world.addFactory(spec),
    addResourceGroup: (sub, rg) => world.addResourceGroup(sub, rg),
    addPipeline: (spec) => world.addPipeline(spec),
    seedDefault(): SeedResult {
      const d = DEFAULTS;
      world.addTenant(d.tenantId);
      world.addClient({
        tenantId: d.tenantId,
        clientId: d.clientId,
        objectId: d.objectId,
        secret: d.clientSecret,
        federated: [{ issuer: ctx.urls.oidc, subject: config.oidcSubject, audiences: [d.audience] }],
      });
      const factory = { subscriptionId: d.subscriptionId, resourceGroup: d.resourceGroup, factoryName: d.factoryName };
      world.addFactory(factory);
      const pipelines = defaultPipelines().map((p) => world.addPipeline({ ...factory, ...p }).name);
      const synapsePipelines = seedSynapse(services, {
        subscriptionId: d.subscriptionId,
        resourceGroup: d.resourceGroup,
      });
      const fabricPipelines = seedFabric(services);
      return { ...d, pipelines, synapsePipelines, fabricPipelines };
    },

    addRerunPipelines(o = {}) {
      const d = DEFAULTS;
      const factory = o.factory ?? {
        subscriptionId: d.subscriptionId,
        resourceGroup: d.resourceGroup,
        factoryName: d.factoryName,
      };
      const workspace = o.workspace ?? d.synapseWorkspace;
      if (![...services.synapse.values()].some((w) => w.name.toLowerCase() === workspace.toLowerCase()))
        services.addSynapseWorkspace({ workspace, subscriptionId: d.subscriptionId, resourceGroup: d.resourceGroup });
      return rerunPipelines().map((p) => {
        world.addPipeline({ ...factory, ...p });
        return services.addSynapsePipeline({ workspace, ...p }).name;
      });
    },
    addWorkspace: (spec) => services.addSynapseWorkspace(spec),
    addSynapsePipeline: (spec) => services.addSynapsePipeline(spec),
    nextSynapseRunScript(pipelineName, script, workspace) {
      const ps = [...services.synapse.values()]
        .filter((w) => workspace === undefined || w.name.toLowerCase() === workspace.toLowerCase())
        .map((w) => w.factory.pipelines.get(pipelineName.toLowerCase()))
        .filter((p): p is Pipeline => p !== undefined);
      if (ps.length === 0) throw new Error(`nextSynapseRunScript: no Synapse pipeline named ${pipelineName}`);
      for (const p of ps) p.nextScripts.push(script);
    },
    addFabricWorkspace: (spec) => services.addFabricWorkspace(spec),
    addFabricPipeline: (spec) => services.addFabricPipeline(spec),
    nextFabricJobScript(item, script, workspace) {
      const items = [...services.fabric.values()]
        .filter((w) => workspace === undefined || services.findFabricWorkspace(workspace) === w)
        .map((w) => services.findFabricItem(w, item))
        .filter((i): i is FabricItem => i !== undefined);
      if (items.length === 0) throw new Error(`nextFabricJobScript: no Fabric item ${item}`);
      for (const i of items) i.nextScripts.push(script);
    },
    get fabricJobs() {
      fabricJobs.engine.tick();
      return fabricJobs.list();
    },
    fabricJob: (id) => fabricJobs.get(id),
    fabricJobView: (id) => {
      const j = fabricJobs.get(id);
      return j ? fabricJobs.view(j, guid()) : undefined;
    },
    fabricJobStatus: (id) => {
      const j = fabricJobs.get(id);
      return j ? fabricJobs.status(j) : undefined;
    },
    fabricActivityRuns: (id) => {
      const j = fabricJobs.get(id);
      return j ? fabricJobs.activityRuns(j) : [];
    },

    get runs() {
      engine.tick();
      return engine.list();
    },
    getRun: (id) => {
      engine.tick();
      return engine.get(id);
    },
    runView: (id) => {
      engine.tick();
      const r = engine.get(id);
      return r ? engine.view(r) : undefined;
    },
    runStatus: (id) => {
      const r = engine.get(id);
      return r ? engine.status(r) : undefined;
    },
    activityRuns: (id) => {
      const r = engine.get(id);
      return r ? engine.activityRuns(r) : [];
    },
    nextRunScript(pipelineName, script, factory) {
      const ps = findRunPipelines(pipelineName, factory);
      if (ps.length === 0) throw new Error(`nextRunScript: no pipeline named ${pipelineName}`);
      for (const p of ps) p.nextScripts.push(script);
    },

    seedHistory(pipelineName, durationsMs, o = {}) {
      const [p] = findRunPipelines(pipelineName, o.factory);
      if (!p) throw new Error(`seedHistory: no pipeline named ${pipelineName}`);
      const gap = o.gapMs ?? 600_000;
      let end = Date.now() - gap;
      return durationsMs.map((ms) => {
        const script: RunScript = { phases: [{ status: 'InProgress', ms }], final: 'Succeeded' };
        const run = engine.create({ pipeline: p, parameters: {}, body: null, query: {}, script }, end - ms);
        end -= ms + gap;
        return run.runId;
      });
    },
    deny: (principal, action) => world.deny(principal, action),
    allow: (principal, action) => world.allow(principal, action),

    mintIdToken: (claims, audience) => mintIdToken(ctx, audience, claims),
    mintAccessToken: (t = {}) =>
      mintAccessToken(ctx, {
        tenantId: t.tenantId ?? BASE_DEFAULTS.tenantId,
        clientId: t.clientId ?? BASE_DEFAULTS.clientId,
        objectId: t.objectId ?? BASE_DEFAULTS.objectId,
        audience: t.audience ?? ctx.urls.arm,
        ...(t.appidacr !== undefined ? { appidacr: t.appidacr } : {}),
        ...(t.lifetimeSec !== undefined ? { lifetimeSec: t.lifetimeSec } : {}),
        ...(t.exp !== undefined ? { exp: t.exp } : {}),
      }),

    env: () => ({
      NODE_EXTRA_CA_CERTS: certs.caFile,
      ACTIONS_ID_TOKEN_REQUEST_URL: emulator.oidcRequestUrl,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: ctx.oidcRequestToken,
    }),
    async close() {
      if (closed) return;
      closed = true;
      await Promise.all(Object.values(hosts).map((h) => h.close()));
      await certs.remove();
      for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
    },

    refuseConnections: (service, forMs) => hosts[service].refuse(forMs),
    acceptConnections: (service) => hosts[service].accept(),
    unresolvableUrl: (service) => hosts[service].url.replace('127.0.0.1', `${service}.emulator.invalid`),

    pricesUrl: retail.apiUrl,
    prices: { config: retail.config },
    githubUrl: gh.apiUrl,
    github: {
      config: gh.config,
      comments: (owner, repo, n) => gh.comments(owner, repo, n),
      addComment: (owner, repo, n, body) => gh.addComment(owner, repo, n, body),
      addPull: (owner, repo, n, o) => void gh.addPull(owner, repo, n, o),
    },
    githubEnv({ repository = 'octo-org/octo-repo', pullNumber = 1 } = {}) {
      const [owner = '', repo = ''] = repository.split('/');
      const pull = gh.issue(owner, repo, pullNumber) ?? gh.addPull(owner, repo, pullNumber);
      const dir = mkdtempSync(join(tmpdir(), 'adf-emulator-github-'));
      tempDirs.push(dir);
      const eventPath = join(dir, 'event.json');
      writeFileSync(
        eventPath,
        JSON.stringify({
          action: 'synchronize',
          number: pullNumber,
          pull_request: gh.pullJson(pull),
          repository: { name: repo, full_name: repository, owner: { login: owner } },
        }),
      );
      return {
        NODE_EXTRA_CA_CERTS: certs.caFile,
        GITHUB_API_URL: gh.apiUrl,
        GITHUB_SERVER_URL: gh.config.serverUrl,
        GITHUB_GRAPHQL_URL: `${gh.apiUrl}/graphql`,
        GITHUB_REPOSITORY: repository,
        GITHUB_REPOSITORY_OWNER: owner,
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventPath,
        GITHUB_REF: `refs/pull/${pullNumber}/merge`,
        GITHUB_TOKEN: gh.config.token,
      };
    },
  };
  if (opts.seed) emulator.seedDefault();
  return emulator;
}
