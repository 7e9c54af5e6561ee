// The Azure clouds the action can sign in to, and what every service shares in each: Entra ID, the
// OIDC audience and Azure Resource Manager. Sovereign clouds are first-class: hard-wiring the public
// endpoints is a known failure of other tools. Each service keeps its own endpoints per cloud in its
// folder (src/services/<service>/), keyed by the names here.

export type CloudName = 'AzureCloud' | 'AzureUSGovernment' | 'AzureChinaCloud';

export interface Cloud {
  name: CloudName;
  resourceManager: string;
  authorityHost: string;
  oidcAudience: string;
}

const CLOUDS: Record<string, Cloud> = {
  azurecloud: {
    name: 'AzureCloud',
    resourceManager: 'https://management.azure.com',
    authorityHost: 'https://login.microsoftonline.com',
    oidcAudience: 'api://AzureADTokenExchange',
  },
  azureusgovernment: {
    name: 'AzureUSGovernment',
    resourceManager: 'https://management.usgovcloudapi.net',
    authorityHost: 'https://login.microsoftonline.us',
    oidcAudience: 'api://AzureADTokenExchangeUSGov',
  },
  azurechinacloud: {
    name: 'AzureChinaCloud',
    resourceManager: 'https://management.chinacloudapi.cn',
    authorityHost: 'https://login.chinacloudapi.cn',
    oidcAudience: 'api://AzureADTokenExchangeChina',
  },
};

export const CLOUD_NAMES = Object.values(CLOUDS).map((c) => c.name);

export function findCloud(name: string): Cloud | undefined {
  return CLOUDS[name.trim().toLowerCase()];
}
