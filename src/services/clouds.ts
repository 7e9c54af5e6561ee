// The endpoints of each Azure cloud the action can target, per service. Sovereign clouds are
// first-class: hard-wiring the public endpoints (or Synapse's public audience) is a known failure
// of other tools. Synapse values: Azure PowerShell's AzureEnvironmentConstants and the Azure CLI's
// cloud table (services-and-run-control.md §1.2).

export interface Cloud {
  name: string;
  resourceManager: string;
  authorityHost: string;
  oidcAudience: string;
  /** ADF Studio. */
  studioHost: string;
  /** `{workspace}.<suffix>` is a Synapse workspace's development endpoint. */
  synapseSuffix: string;
  /** The Synapse data plane's token resource (the scope is this + `/.default`). */
  synapseResource: string;
  synapseStudioHost: string;
}

/**
 * Fabric is one service whatever `environment` says: Microsoft documents only these hosts, and the
 * contract keeps both the API base and the token audience here (a sovereign Fabric host, if one
 * exists, is reached with `service-endpoint`; the audience stays).
 */
export const FABRIC = {
  api: 'https://api.fabric.microsoft.com',
  resource: 'https://api.fabric.microsoft.com',
  portal: 'https://app.fabric.microsoft.com',
} as const;

const CLOUDS: Record<string, Cloud> = {
  azurecloud: {
    name: 'AzureCloud',
    resourceManager: 'https://management.azure.com',
    authorityHost: 'https://login.microsoftonline.com',
    oidcAudience: 'api://AzureADTokenExchange',
    studioHost: 'https://adf.azure.com',
    synapseSuffix: 'dev.azuresynapse.net',
    synapseResource: 'https://dev.azuresynapse.net',
    synapseStudioHost: 'https://web.azuresynapse.net',
  },
  azureusgovernment: {
    name: 'AzureUSGovernment',
    resourceManager: 'https://management.usgovcloudapi.net',
    authorityHost: 'https://login.microsoftonline.us',
    oidcAudience: 'api://AzureADTokenExchangeUSGov',
    studioHost: 'https://adf.azure.us',
    synapseSuffix: 'dev.azuresynapse.usgovcloudapi.net',
    synapseResource: 'https://dev.azuresynapse.usgovcloudapi.net',
    synapseStudioHost: 'https://web.azuresynapse.usgovcloudapi.net',
  },
  azurechinacloud: {
    name: 'AzureChinaCloud',
    resourceManager: 'https://management.chinacloudapi.cn',
    authorityHost: 'https://login.chinacloudapi.cn',
    oidcAudience: 'api://AzureADTokenExchangeChina',
    studioHost: 'https://adf.azure.cn',
    synapseSuffix: 'dev.azuresynapse.azure.cn',
    synapseResource: 'https://dev.azuresynapse.azure.cn',
    synapseStudioHost: 'https://web.azuresynapse.azure.cn',
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
