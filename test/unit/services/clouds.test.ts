import { describe, expect, it } from 'vitest';
import { CLOUD_NAMES, factoryResourceId, findCloud, studioRunUrl } from '../../../src/services/clouds.js';
import { targetFor } from '../../../src/services/index.js';

const fabricInputs = { service: 'fabric', workspace: 'Sales', serviceEndpoint: '' };

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
      studioHost: 'https://adf.azure.com',
    });
  });

  it('US Government', () => {
    expect(findCloud('AzureUSGovernment')).toMatchObject({
      name: 'AzureUSGovernment',
      resourceManager: 'https://management.usgovcloudapi.net',
      authorityHost: 'https://login.microsoftonline.us',
      oidcAudience: 'api://AzureADTokenExchangeUSGov',
      studioHost: 'https://adf.azure.us',
    });
  });

  it('China', () => {
    expect(findCloud('AzureChinaCloud')).toMatchObject({
      name: 'AzureChinaCloud',
      resourceManager: 'https://management.chinacloudapi.cn',
      authorityHost: 'https://login.chinacloudapi.cn',
      oidcAudience: 'api://AzureADTokenExchangeChina',
      studioHost: 'https://adf.azure.cn',
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

  it('every endpoint is https without a trailing slash', () => {
    for (const name of CLOUD_NAMES) {
      const c = findCloud(name)!;
      for (const url of [c.resourceManager, c.authorityHost, c.studioHost]) {
        expect(url).toMatch(/^https:\/\/[^/]+$/);
      }
    }
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
    expect(studioRunUrl(findCloud('AzureUSGovernment')!.studioHost, FACTORY_ID, 'r1')).toBe(
      `https://adf.azure.us/en/monitoring/pipelineruns/r1?factory=${ENCODED}`,
    );
    expect(studioRunUrl(findCloud('AzureChinaCloud')!.studioHost, FACTORY_ID, 'r1')).toMatch(
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
    const t = targetFor({ ...fabricInputs, cloud: findCloud(environment) } as never);
    expect(t).toMatchObject({
      service: 'fabric',
      apiBase: 'https://api.fabric.microsoft.com',
      resource: 'https://api.fabric.microsoft.com',
      portal: 'https://app.fabric.microsoft.com',
    });
  });
  it("'service-endpoint' moves the API base, never the audience", () => {
    const t = targetFor({
      ...fabricInputs,
      cloud: findCloud('AzureUSGovernment'),
      serviceEndpoint: 'https://fabric.example',
    } as never);
    expect(t).toMatchObject({ apiBase: 'https://fabric.example', resource: 'https://api.fabric.microsoft.com' });
  });
});
