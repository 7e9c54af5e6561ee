// The contract's "Inputs that do not apply to the chosen service (v1.2)": inputs that only say where
// another service finds its pipelines are ignored with a warning naming them; inputs that ask for
// what the service cannot do are refused before any request. The rules come from the registry.
import { describe, expect, it } from 'vitest';
import { InputError, readInputs, type Inputs } from '../../../src/inputs/inputs.js';
import { targetFor } from '../../../src/services/index.js';
import { SERVICES } from '../../../src/services/registry.js';

const SUB = '11111111-2222-3333-4444-555555555555';
const RUN = 'bd5e4c5a-63a1-4e6a-8a4b-3c0f0d7b8c9e';

const OWN: Record<string, Record<string, string>> = {
  'data-factory': { 'subscription-id': SUB, 'resource-group': 'rg-data', 'factory-name': 'adf-prod-01' },
  synapse: { service: 'synapse', workspace: 'syn-ws' },
  fabric: { service: 'fabric', workspace: 'Sales' },
};
/** Every location input, each with a valid value. */
const ALL_LOCATIONS: Record<string, string> = {
  'subscription-id': SUB,
  'resource-group': 'rg-data',
  'factory-name': 'adf-prod-01',
  'resource-manager-endpoint': 'https://arm.example.test',
  workspace: 'syn-ws',
  'service-endpoint': 'https://svc.example.test',
};

async function read(all: Record<string, string>): Promise<Inputs> {
  return readInputs((name) => all[name] ?? '', SERVICES, { workspace: '/ws' });
}
async function problems(all: Record<string, string>): Promise<string[]> {
  try {
    await read(all);
  } catch (e) {
    if (e instanceof InputError) return e.problems;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('inputs that only say where another service finds its pipelines: ignored, named in a warning', () => {
  it.each([
    [
      'data-factory',
      [
        "'workspace' does not apply to service: data-factory and is ignored (Data Factory pipelines live in a factory: use 'factory-name').",
        "'service-endpoint' does not apply to service: data-factory and is ignored (Data Factory is reached through ARM: use 'resource-manager-endpoint').",
      ],
    ],
    [
      'synapse',
      [
        "'factory-name' does not apply to service: synapse and is ignored (use 'workspace').",
        "'resource-manager-endpoint' does not apply to service: synapse and is ignored (Synapse is not reached through ARM: use 'service-endpoint').",
      ],
    ],
    [
      'fabric',
      [
        "'subscription-id' does not apply to service: fabric and is ignored (Fabric workspaces are not Azure resources).",
        "'resource-group' does not apply to service: fabric and is ignored (Fabric workspaces are not Azure resources).",
        "'factory-name' does not apply to service: fabric and is ignored (use 'workspace').",
        "'resource-manager-endpoint' does not apply to service: fabric and is ignored (Fabric is not reached through ARM: use 'service-endpoint').",
      ],
    ],
  ])('%s', async (service, warnings) => {
    const i = await read({ ...ALL_LOCATIONS, service, 'pipeline-name': 'p' });
    expect(i.warnings).toEqual(warnings);
    // Nothing ignored reaches the target.
    const target = JSON.stringify(targetFor(i));
    if (service !== 'data-factory') {
      expect(target).not.toContain('adf-prod-01');
      expect(target).not.toContain('arm.example.test');
      expect(i.factoryName).toBe('');
    } else {
      expect(target).not.toContain('svc.example.test');
      expect(i.workspace).toBe('');
      expect(i.serviceEndpoint).toBe('');
    }
    if (service === 'fabric')
      expect([i.subscriptionId, i.resourceGroup, target.includes(SUB)]).toEqual(['', '', false]);
  });

  it('an ignored input is not checked either (it is not read)', async () => {
    const i = await read({
      ...OWN.fabric,
      'pipeline-name': 'p',
      'factory-name': 'not a factory!',
      'subscription-id': 'x',
    });
    expect(i.warnings).toHaveLength(2);
  });

  it("each service's own inputs say nothing", async () => {
    for (const own of Object.values(OWN)) expect((await read({ ...own, 'pipeline-name': 'p' })).warnings).toEqual([]);
  });

  it("the resource-manager-endpoint override applies to Data Factory's cloud only", async () => {
    const adf = await read({
      ...OWN['data-factory'],
      'pipeline-name': 'p',
      'resource-manager-endpoint': 'https://arm.test/',
    });
    expect(adf.cloud.resourceManager).toBe('https://arm.test');
    const syn = await read({ ...OWN.synapse, 'pipeline-name': 'p', 'resource-manager-endpoint': 'https://arm.test/' });
    expect(syn.cloud.resourceManager).toBe('https://management.azure.com');
  });
});

describe('inputs that ask for what the service cannot do: still refused before any request', () => {
  it.each(['reference-run-id', 'start-activity', 'recovery', 'start-from-failure'])('%s with fabric', async (name) => {
    const value = name === 'reference-run-id' ? RUN : name === 'start-activity' ? 'Copy' : 'true';
    expect(await problems({ ...OWN.fabric, 'pipeline-name': 'p', [name]: value })).toEqual([
      `'${name}' does not apply to service: fabric (Fabric has no reruns through its API); remove it.`,
    ]);
  });

  it("recovery: 'false' with fabric asks for nothing", async () => {
    expect((await read({ ...OWN.fabric, 'pipeline-name': 'p', recovery: 'false' })).recovery).toBe(false);
  });

  it('start-from-failure with synapse', async () => {
    expect(
      await problems({
        ...OWN.synapse,
        'pipeline-name': 'p',
        recovery: 'true',
        'reference-run-id': RUN,
        'start-from-failure': 'true',
      }),
    ).toEqual([
      "'start-from-failure' does not apply to service: synapse (Synapse has no such option); use 'start-activity' to rerun from an activity.",
    ]);
  });

  it("the run-id noun is the service's", async () => {
    expect(await problems({ ...OWN.fabric, 'pipeline-name': 'p', 'run-id': 'x' })).toEqual([
      "'run-id' must be a job instance ID (a GUID like 00000000-0000-0000-0000-000000000000), got 'x'.",
    ]);
  });

  it('an unknown service lists the registered ones', async () => {
    expect(await problems({ ...OWN['data-factory'], service: 'glue', 'pipeline-name': 'p' })).toEqual([
      "'service' must be one of data-factory, synapse, fabric, got 'glue'.",
    ]);
  });
});
