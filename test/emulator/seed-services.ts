// The standard Synapse workspace and Fabric workspace: the same pipelines as the seeded factory
// (daily-load, nightly-fail, long-running, quick, parent-with-child / child-load on Synapse).
import { defaultPipelines } from './seed.ts';
import type { FabricJobScript, RunScript } from './types.ts';
import type { ServiceWorld } from './workspaces.ts';

export const SERVICE_DEFAULTS = {
  synapseWorkspace: 'syn-emulator',
  fabricWorkspaceId: '6f1c2b3a-4d5e-4f60-8a71-92b3c4d5e6f7',
  fabricWorkspaceName: 'Sales Analytics',
  fabricCapacityId: '0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d',
} as const;

/** Item ids of the seeded Fabric pipelines (display names as in DEFAULT_PIPELINES). */
export const FABRIC_PIPELINE_IDS = {
  dailyLoad: 'a1d4e7b0-1c2d-4e3f-8a4b-5c6d7e8f9a01',
  nightlyFail: 'a1d4e7b0-1c2d-4e3f-8a4b-5c6d7e8f9a02',
  longRunning: 'a1d4e7b0-1c2d-4e3f-8a4b-5c6d7e8f9a03',
  quick: 'a1d4e7b0-1c2d-4e3f-8a4b-5c6d7e8f9a04',
} as const;

/** A RunScript as a Fabric job script: Queued reads NotStarted, Succeeded reads Completed. */
export function fabricScript(s: RunScript | undefined): FabricJobScript {
  if (!s) return {};
  return {
    ...(s.phases
      ? {
          phases: s.phases.map((p) => ({
            status: p.status === 'Queued' ? ('NotStarted' as const) : p.status,
            ms: p.ms,
          })),
        }
      : {}),
    final: s.final === 'Failed' ? 'Failed' : s.final === 'Cancelled' ? 'Cancelled' : 'Completed',
    ...(s.activities ? { activities: s.activities.filter((a) => !a.child) } : {}),
  };
}

export function seedSynapse(services: ServiceWorld, ids: { subscriptionId: string; resourceGroup: string }): string[] {
  const ws = { workspace: SERVICE_DEFAULTS.synapseWorkspace, ...ids };
  services.addSynapseWorkspace(ws);
  return defaultPipelines().map((p) => services.addSynapsePipeline({ ...ws, ...p }).name);
}

export function seedFabric(services: ServiceWorld): Array<{ id: string; displayName: string }> {
  services.addFabricWorkspace({
    id: SERVICE_DEFAULTS.fabricWorkspaceId,
    displayName: SERVICE_DEFAULTS.fabricWorkspaceName,
    description: 'Emulated Fabric workspace',
    capacityId: SERVICE_DEFAULTS.fabricCapacityId,
  });
  const byName = new Map(defaultPipelines().map((p) => [p.name, p]));
  const out: Array<{ id: string; displayName: string }> = [];
  const keys = Object.keys(FABRIC_PIPELINE_IDS) as Array<keyof typeof FABRIC_PIPELINE_IDS>;
  const names: Record<keyof typeof FABRIC_PIPELINE_IDS, string> = {
    dailyLoad: 'daily-load',
    nightlyFail: 'nightly-fail',
    longRunning: 'long-running',
    quick: 'quick',
  };
  for (const k of keys) {
    const p = byName.get(names[k])!;
    const item = services.addFabricPipeline({
      workspace: SERVICE_DEFAULTS.fabricWorkspaceId,
      id: FABRIC_PIPELINE_IDS[k],
      displayName: p.name,
      ...(p.description !== undefined ? { description: p.description } : {}),
      ...(p.parameters !== undefined ? { parameters: p.parameters } : {}),
      script: fabricScript(p.script),
    });
    out.push({ id: item.id, displayName: item.displayName });
  }
  return out;
}
