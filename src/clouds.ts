// The endpoints of each Azure cloud the action can target. Sovereign clouds are first-class:
// hard-wiring the public endpoints is a known failure of other tools.

export interface Cloud {
  name: string;
  resourceManager: string;
  authorityHost: string;
  oidcAudience: string;
  studioHost: string;
}

const CLOUDS: Record<string, Cloud> = {
  azurecloud: {
    name: 'AzureCloud',
    resourceManager: 'https://management.azure.com',
    authorityHost: 'https://login.microsoftonline.com',
    oidcAudience: 'api://AzureADTokenExchange',
    studioHost: 'https://adf.azure.com',
  },
  azureusgovernment: {
    name: 'AzureUSGovernment',
    resourceManager: 'https://management.usgovcloudapi.net',
    authorityHost: 'https://login.microsoftonline.us',
    oidcAudience: 'api://AzureADTokenExchangeUSGov',
    studioHost: 'https://adf.azure.us',
  },
  azurechinacloud: {
    name: 'AzureChinaCloud',
    resourceManager: 'https://management.chinacloudapi.cn',
    authorityHost: 'https://login.chinacloudapi.cn',
    oidcAudience: 'api://AzureADTokenExchangeChina',
    studioHost: 'https://adf.azure.cn',
  },
};

export const CLOUD_NAMES = Object.values(CLOUDS).map((c) => c.name);

export function findCloud(name: string): Cloud | undefined {
  return CLOUDS[name.trim().toLowerCase()];
}

export function factoryResourceId(subscriptionId: string, resourceGroup: string, factoryName: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.DataFactory/factories/${factoryName}`;
}

/** The monitoring link for a run in ADF Studio (the list view when runId is omitted). */
export function studioRunUrl(studioHost: string, factoryId: string, runId?: string): string {
  const path = runId ? `/en/monitoring/pipelineruns/${encodeURIComponent(runId)}` : '/en/monitoring/pipelineruns';
  return `${studioHost}${path}?factory=${encodeURIComponent(factoryId)}`;
}
