// What the emulated Synapse and Fabric services "contain": Synapse workspaces with their pipelines, Fabric
// workspaces with DataPipeline items. Pipelines are the run engine's Pipeline objects, each workspace holding
// them in a Factory-shaped record of its own (never in World.factories, so ARM does not see them).
import type { Factory, Pipeline } from './state.ts';
import type {
  EmulatorConfig,
  FabricJobScript,
  FabricPipelineSpec,
  FabricWorkspaceSpec,
  ParameterSpec,
  SynapsePipelineSpec,
  SynapseWorkspaceSpec,
} from './types.ts';
import { guid } from './util.ts';

const lc = (s: string) => s.toLowerCase();
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isGuid = (s: string) => GUID.test(s);

export interface SynapseWorkspace {
  name: string;
  subscriptionId: string;
  resourceGroup: string;
  /** the run engine's view of the workspace: factoryName = workspace name */
  factory: Factory;
}

export interface FabricItem {
  id: string;
  displayName: string;
  description: string;
  type: 'DataPipeline';
  workspaceId: string;
  folderId?: string;
  parameters: Record<string, ParameterSpec>;
  script?: FabricJobScript;
  /** queued by nextFabricJobScript(); the next job takes the first */
  nextScripts: FabricJobScript[];
  /** the run engine's pipeline (name = item id, as Fabric's activity runs name it) */
  pipeline: Pipeline;
}

export interface FabricWorkspace {
  id: string;
  displayName: string;
  description: string;
  capacityId?: string;
  items: Map<string, FabricItem>;
  /** the run engine's view of the workspace: factoryName = workspace id */
  factory: Factory;
}

function pseudoFactory(sub: string, rg: string, name: string, location: string): Factory {
  return {
    subscriptionId: sub,
    resourceGroup: rg,
    factoryName: name,
    location,
    createdAt: Date.now(),
    etag: `"${guid().slice(0, 8)}-0000-0100-0000-${Date.now().toString(16).padStart(12, '0').slice(-12)}"`,
    pipelines: new Map(),
  };
}

function makePipeline(factory: Factory, name: string, spec: Partial<SynapsePipelineSpec>): Pipeline {
  return {
    name,
    parameters: spec.parameters ?? {},
    etag: `${guid().slice(0, 8)}-0000-0100-0000-${Date.now().toString(16).padStart(12, '0').slice(-12)}`,
    factory,
    nextScripts: [],
    ...(spec.script !== undefined ? { script: spec.script } : {}),
    ...(spec.concurrency !== undefined ? { concurrency: spec.concurrency } : {}),
    ...(spec.description !== undefined ? { description: spec.description } : {}),
  };
}

export class ServiceWorld {
  readonly synapse = new Map<string, SynapseWorkspace>();
  readonly fabric = new Map<string, FabricWorkspace>();
  private readonly config: EmulatorConfig;
  private readonly defaults: { subscriptionId: string; resourceGroup: string };

  constructor(config: EmulatorConfig, defaults: { subscriptionId: string; resourceGroup: string }) {
    this.config = config;
    this.defaults = defaults;
  }

  addSynapseWorkspace(spec: SynapseWorkspaceSpec): SynapseWorkspace {
    const existing = this.synapse.get(lc(spec.workspace));
    if (existing) return existing;
    const sub = spec.subscriptionId ?? this.defaults.subscriptionId;
    const rg = spec.resourceGroup ?? this.defaults.resourceGroup;
    const ws: SynapseWorkspace = {
      name: spec.workspace,
      subscriptionId: sub,
      resourceGroup: rg,
      factory: pseudoFactory(sub, rg, spec.workspace, this.config.location),
    };
    this.synapse.set(lc(spec.workspace), ws);
    return ws;
  }

  findSynapseWorkspace(name: string): SynapseWorkspace | undefined {
    return this.synapse.get(lc(name));
  }

  addSynapsePipeline(spec: SynapsePipelineSpec): Pipeline {
    const ws = this.addSynapseWorkspace(spec);
    const p = makePipeline(ws.factory, spec.name, spec);
    ws.factory.pipelines.set(lc(spec.name), p);
    return p;
  }

  addFabricWorkspace(spec: FabricWorkspaceSpec): FabricWorkspace {
    const id = (spec.id ?? guid()).toLowerCase();
    const existing = this.fabric.get(id);
    if (existing) return existing;
    const capacityId = spec.capacityId === undefined ? guid() : spec.capacityId;
    const ws: FabricWorkspace = {
      id,
      displayName: spec.displayName,
      description: spec.description ?? '',
      ...(capacityId !== null ? { capacityId } : {}),
      items: new Map(),
      factory: pseudoFactory(id, id, id, this.config.location),
    };
    this.fabric.set(id, ws);
    return ws;
  }

  /** by id, else by display name (case-insensitive) */
  findFabricWorkspace(idOrName: string): FabricWorkspace | undefined {
    return this.fabric.get(lc(idOrName)) ?? [...this.fabric.values()].find((w) => lc(w.displayName) === lc(idOrName));
  }

  addFabricPipeline(spec: FabricPipelineSpec): FabricItem {
    const ws =
      this.findFabricWorkspace(spec.workspace) ??
      this.addFabricWorkspace(
        isGuid(spec.workspace) ? { id: spec.workspace, displayName: spec.workspace } : { displayName: spec.workspace },
      );
    const id = (spec.id ?? guid()).toLowerCase();
    const pipeline = makePipeline(ws.factory, id, {
      ...(spec.parameters !== undefined ? { parameters: spec.parameters } : {}),
      ...(spec.description !== undefined ? { description: spec.description } : {}),
    });
    const item: FabricItem = {
      id,
      displayName: spec.displayName,
      description: spec.description ?? '',
      type: 'DataPipeline',
      workspaceId: ws.id,
      ...(spec.folderId !== undefined ? { folderId: spec.folderId } : {}),
      parameters: spec.parameters ?? {},
      ...(spec.script !== undefined ? { script: spec.script } : {}),
      nextScripts: [],
      pipeline,
    };
    ws.items.set(id, item);
    ws.factory.pipelines.set(id, pipeline);
    return item;
  }

  /** an item of a workspace by id, else by display name */
  findFabricItem(ws: FabricWorkspace, idOrName: string): FabricItem | undefined {
    return ws.items.get(lc(idOrName)) ?? [...ws.items.values()].find((i) => lc(i.displayName) === lc(idOrName));
  }
}
