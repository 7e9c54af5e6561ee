import { describe, expect, it } from 'vitest';
import { CLOUD_NAMES, findCloud, type CloudName } from '../../../src/model/clouds.js';
import { dataFactory } from '../../../src/services/data-factory/index.js';
import { factoryResourceId, studioRunUrl } from '../../../src/services/data-factory/ids.js';
import { targetFor } from '../../../src/services/index.js';
import { SERVICES } from '../../../src/services/registry.js';
import { synapse } from '../../../src/services/synapse/index.js';

const fabricInputs = { service: 'fabric', location: { workspace: 'Sales', 'service-endpoint': '' } } as const;
const studio = (cloud: CloudName) => dataFactory.endpoints[cloud].studioHost;

const FACTORY_ID =
  '/subscriptions/11111111-2222-3333-4444-555555555555/resourceGroups/rg-data/providers/Microsoft.DataFactory/factories/adf-prod-01';

describe('clouds', () => {
  it('knows the three clouds by their Azure CLI names', () => {
    expect(CLOUD_NAMES).toEqual(['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud']);
  });

  it('public cloud', () => {
    expect(findCloud('AzureCloud')).toMatchObject({
      name: 'AzureCloud',
      resourceManager: 'https://management.azure.com',
      authorityHost: 'https://login.microsoftonline.com',
      oidcAudience: 'api://AzureADTokenExchange',
    });
  });

  it('US Government', () => {
    expect(findCloud('AzureUSGovernment')).toMatchObject({
      name: 'AzureUSGovernment',
      resourceManager: 'https://management.usgovcloudapi.net',
      authorityHost: 'https://login.microsoftonline.us',
      oidcAudience: 'api://AzureADTokenExchangeUSGov',
    });
  });

  it('China', () => {
    expect(findCloud('AzureChinaCloud')).toMatchObject({
      name: 'AzureChinaCloud',
      resourceManager: 'https://management.chinacloudapi.cn',
      authorityHost: 'https://login.chinacloudapi.cn',
      oidcAudience: 'api://AzureADTokenExchangeChina',
    });
  });

  it('finds clouds case-insensitively, ignoring surrounding spaces', () => {
    expect(findCloud('azurecloud')?.name).toBe('AzureCloud');
    expect(findCloud(' AZUREUSGOVERNMENT ')?.name).toBe('AzureUSGovernment');
    expect(findCloud('azureChinaCloud')?.name).toBe('AzureChinaCloud');
  });

  it('unknown clouds are undefined', () => {
    expect(findCloud('AzureGermanCloud')).toBeUndefined();
    expect(findCloud('')).toBeUndefined();
    expect(findCloud('Azure Cloud')).toBeUndefined();
    expect(findCloud('toString')).toBeUndefined();
  });

  it("each service's Studio host follows the cloud", () => {
    expect(CLOUD_NAMES.map(studio)).toEqual(['https://adf.azure.com', 'https://adf.azure.us', 'https://adf.azure.cn']);
  });

  it("every endpoint, shared or a service's, is https without a trailing slash", () => {
    for (const name of CLOUD_NAMES) {
      const c = findCloud(name)!;
      const own = SERVICES.flatMap((s) => Object.values(s.endpoints[name]).filter((v) => v.includes('://')));
      for (const url of [c.resourceManager, c.authorityHost, ...own]) {
        expect(url).toMatch(/^https:\/\/[^/]+$/);
      }
    }
  });

  it('every registered service lists its endpoints for every cloud', () => {
    for (const s of SERVICES) expect(Object.keys(s.endpoints).sort()).toEqual([...CLOUD_NAMES].sort());
  });

  it('Synapse: the sovereign suffix, audience and Studio host', () => {
    const t = targetFor({ service: 'synapse', location: { workspace: 'ws1' }, cloud: findCloud('AzureChinaCloud')! });
    expect(t).toMatchObject({
      endpoint: 'https://ws1.dev.azuresynapse.azure.cn',
      resource: 'https://dev.azuresynapse.azure.cn',
      studioHost: 'https://web.azuresynapse.azure.cn',
    });
    expect(synapse.endpoints.AzureUSGovernment.suffix).toBe('dev.azuresynapse.usgovcloudapi.net');
  });
});

describe('factoryResourceId', () => {
  it('builds the ARM id', () => {
    expect(factoryResourceId('11111111-2222-3333-4444-555555555555', 'rg-data', 'adf-prod-01')).toBe(FACTORY_ID);
  });
});

describe('studioRunUrl', () => {
  const ENCODED =
    '%2Fsubscriptions%2F11111111-2222-3333-4444-555555555555%2FresourceGroups%2Frg-data%2Fproviders%2FMicrosoft.DataFactory%2Ffactories%2Fadf-prod-01';

  it('links the run in the monitoring view with the URL-encoded factory id', () => {
    expect(studioRunUrl('https://adf.azure.com', FACTORY_ID, 'bd5e4c5a-63a1-4e6a-8a4b-3c0f0d7b8c9e')).toBe(
      `https://adf.azure.com/en/monitoring/pipelineruns/bd5e4c5a-63a1-4e6a-8a4b-3c0f0d7b8c9e?factory=${ENCODED}`,
    );
  });

  it('links the list view without a run id', () => {
    expect(studioRunUrl('https://adf.azure.com', FACTORY_ID)).toBe(
      `https://adf.azure.com/en/monitoring/pipelineruns?factory=${ENCODED}`,
    );
  });

  it('uses the sovereign Studio hosts', () => {
    expect(studioRunUrl(studio('AzureUSGovernment'), FACTORY_ID, 'r1')).toBe(
      `https://adf.azure.us/en/monitoring/pipelineruns/r1?factory=${ENCODED}`,
    );
    expect(studioRunUrl(studio('AzureChinaCloud'), FACTORY_ID, 'r1')).toMatch(
      /^https:\/\/adf\.azure\.cn\/.+\/monitoring\/pipelineruns\/r1\?factory=%2Fsubscriptions%2F/,
    );
  });

  it('encodes characters of resource group names that URLs reserve', () => {
    const url = new URL(studioRunUrl('https://adf.azure.com', factoryResourceId('s', 'rg (1)&x', 'f'), 'r/1'));
    expect(url.pathname).toBe('/en/monitoring/pipelineruns/r%2F1');
    expect(url.searchParams.get('factory')).toBe(
      '/subscriptions/s/resourceGroups/rg (1)&x/providers/Microsoft.DataFactory/factories/f',
    );
  });
});

describe('Fabric is one service in every cloud (the contract)', () => {
  it.each(['AzureCloud', 'AzureUSGovernment', 'AzureChinaCloud'])('%s', (environment) => {
    const t = targetFor({ ...fabricInputs, cloud: findCloud(environment)! });
    expect(t).toMatchObject({
      service: 'fabric',
      apiBase: 'https://api.fabric.microsoft.com',
      resource: 'https://api.fabric.microsoft.com',
      portal: 'https://app.fabric.microsoft.com',
    });
  });
  it("'service-endpoint' moves the API base, never the audience", () => {
    const t = targetFor({
      service: 'fabric',
      location: { workspace: 'Sales', 'service-endpoint': 'https://fabric.example' },
      cloud: findCloud('AzureUSGovernment')!,
    });
    expect(t).toMatchObject({ apiBase: 'https://fabric.example', resource: 'https://api.fabric.microsoft.com' });
  });
});
