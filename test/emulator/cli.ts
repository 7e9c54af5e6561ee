// Standalone emulator: `npx node test/emulator/cli.ts [--scenario file.json] [--write-env FILE]`.
// Prints one JSON line with the URLs and default identities, then serves until SIGINT/SIGTERM.
// Scenario file (all optional): { "seed": true, "rerunPipelines": false, "config": {...}, "tenants": [...], "clients": [...],
//   "factories": [...], "pipelines": [...], "synapsePipelines": [...], "fabricWorkspaces": [...],
//   "fabricPipelines": [...], "faults": [...], "deny": [{ "principal", "action" }] }
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULTS, startEmulator } from './index.ts';
import type {
  ClientSpec,
  EmulatorConfig,
  FabricPipelineSpec,
  FabricWorkspaceSpec,
  FactorySpec,
  FaultRule,
  PipelineSpec,
  SynapsePipelineSpec,
} from './types.ts';

interface Scenario {
  seed?: boolean;
  /** add RERUN_PIPELINES (fails-once, fails-always, fails-always-system) to the seeded factory and workspace */
  rerunPipelines?: boolean;
  config?: Partial<EmulatorConfig>;
  tenants?: string[];
  clients?: ClientSpec[];
  factories?: FactorySpec[];
  pipelines?: PipelineSpec[];
  synapsePipelines?: SynapsePipelineSpec[];
  fabricWorkspaces?: FabricWorkspaceSpec[];
  fabricPipelines?: FabricPipelineSpec[];
  faults?: Array<Omit<FaultRule, 'count'> & { count?: number | null | string }>;
  deny?: Array<{ principal: string; action: string }>;
}

const { values } = parseArgs({
  options: {
    scenario: { type: 'string' },
    'write-env': { type: 'string' },
    'arm-port': { type: 'string' },
    'entra-port': { type: 'string' },
    'oidc-port': { type: 'string' },
    'synapse-port': { type: 'string' },
    'fabric-port': { type: 'string' },
    'prices-port': { type: 'string' },
  },
});

const scenario: Scenario = values.scenario ? (JSON.parse(readFileSync(values.scenario, 'utf8')) as Scenario) : {};
const port = (v: string | undefined) => (v === undefined ? undefined : Number(v));
const ports = {
  ...(values['entra-port'] ? { entra: port(values['entra-port'])! } : {}),
  ...(values['oidc-port'] ? { oidc: port(values['oidc-port'])! } : {}),
  ...(values['arm-port'] ? { arm: port(values['arm-port'])! } : {}),
  ...(values['synapse-port'] ? { synapse: port(values['synapse-port'])! } : {}),
  ...(values['fabric-port'] ? { fabric: port(values['fabric-port'])! } : {}),
  ...(values['prices-port'] ? { prices: port(values['prices-port'])! } : {}),
};
const emu = await startEmulator({ ...(scenario.config ?? {}), ports });
if (scenario.seed !== false) emu.seedDefault();
if (scenario.rerunPipelines) emu.addRerunPipelines();
for (const t of scenario.tenants ?? []) emu.addTenant(t);
for (const c of scenario.clients ?? []) emu.addClient(c);
for (const f of scenario.factories ?? []) emu.addFactory(f);
for (const p of scenario.pipelines ?? []) emu.addPipeline(p);
for (const p of scenario.synapsePipelines ?? []) emu.addSynapsePipeline(p);
for (const w of scenario.fabricWorkspaces ?? []) emu.addFabricWorkspace(w);
for (const p of scenario.fabricPipelines ?? []) emu.addFabricPipeline(p);
for (const f of scenario.faults ?? []) {
  const { count, ...rest } = f;
  const n = count === null || count === 'Infinity' ? Number.POSITIVE_INFINITY : count;
  emu.faults.add({ ...rest, ...(n !== undefined ? { count: Number(n) } : {}) });
}
for (const d of scenario.deny ?? []) emu.deny(d.principal, d.action);

const info = {
  entraUrl: emu.entraUrl,
  oidcUrl: emu.oidcUrl,
  armUrl: emu.armUrl,
  synapseUrl: emu.synapseUrl,
  synapseEndpoint: emu.synapseEndpoint(DEFAULTS.synapseWorkspace),
  fabricUrl: emu.fabricUrl,
  pricesUrl: emu.pricesUrl,
  caFile: emu.caFile,
  oidcRequestUrl: emu.oidcRequestUrl,
  oidcRequestToken: emu.oidcRequestToken,
  tenantId: DEFAULTS.tenantId,
  clientId: DEFAULTS.clientId,
  clientSecret: DEFAULTS.clientSecret,
  subscriptionId: DEFAULTS.subscriptionId,
  resourceGroup: DEFAULTS.resourceGroup,
  factoryName: DEFAULTS.factoryName,
  synapseWorkspace: DEFAULTS.synapseWorkspace,
  fabricWorkspaceId: DEFAULTS.fabricWorkspaceId,
  fabricWorkspaceName: DEFAULTS.fabricWorkspaceName,
};

if (values['write-env']) {
  const snake = (k: string) => k.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
  const lines = Object.entries(info).map(([k, v]) => `${snake(k)}=${v}`);
  // Ready-made names for the action's environment too.
  lines.push(
    `NODE_EXTRA_CA_CERTS=${emu.caFile}`,
    `ACTIONS_ID_TOKEN_REQUEST_URL=${emu.oidcRequestUrl}`,
    `ACTIONS_ID_TOKEN_REQUEST_TOKEN=${emu.oidcRequestToken}`,
  );
  writeFileSync(values['write-env'], lines.join('\n') + '\n');
}
process.stdout.write(JSON.stringify(info) + '\n');

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void emu.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
