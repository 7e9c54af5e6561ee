// Azure Synapse Analytics, as the rest of the action sees it: its inputs, its endpoints per cloud
// (Azure PowerShell's AzureEnvironmentConstants and the Azure CLI's cloud table), its target and
// its client (the workspace's development endpoint).
import { RestClient } from '../../http/rest-client.js';
import { readResourceGroup, readSubscriptionId } from '../azure-names.js';
import type { ServiceModule } from '../module.js';
import { PIPELINE_NAME_RULE } from '../pipeline-api/names.js';
import { API_VERSION, parseSynapseError } from './client.js';
import { SYNAPSE_LABELS, SynapseService, type SynapseTarget } from './service.js';

// ARM's rule for Microsoft.Synapse/workspaces names.
const WORKSPACE = /^[a-z0-9](?:[a-z0-9-]{0,48}[a-z0-9])?$/;

interface SynapseEndpoints {
  /** `{workspace}.<suffix>` is a workspace's development endpoint. */
  suffix: string;
  /** The data plane's token resource (the scope is this + `/.default`), whatever the endpoint. */
  resource: string;
  studioHost: string;
}

export const synapse: ServiceModule<SynapseTarget, SynapseEndpoints> = {
  name: 'synapse',
  labels: SYNAPSE_LABELS,
  locatedBy: ['workspace', 'service-endpoint', 'subscription-id', 'resource-group'],
  insteadOf: {
    'factory-name': "use 'workspace'",
    'resource-manager-endpoint': "Synapse is not reached through ARM: use 'service-endpoint'",
  },
  readLocation(read) {
    // Only for the Studio link, which needs the workspace's resource ID.
    const subscriptionId = readSubscriptionId(read, false);
    const resourceGroup = readResourceGroup(read, false);
    if (Boolean(subscriptionId) !== Boolean(resourceGroup)) {
      read.problem(
        `With service: synapse, 'subscription-id' and 'resource-group' go together (they only build the Synapse Studio link): set both or neither.`,
      );
    }
    const workspace = read.required('workspace', 'the Synapse workspace name');
    if (workspace && !WORKSPACE.test(workspace)) {
      read.problem(
        `'workspace' must be a Synapse workspace name (1-50 lower-case letters, digits and hyphens, not starting or ending with a hyphen; not its URL), got '${workspace}'.`,
      );
    }
    return {
      'subscription-id': subscriptionId,
      'resource-group': resourceGroup,
      workspace,
      'service-endpoint': read.httpsUrl('service-endpoint'),
    };
  },
  runIdNoun: 'a pipeline run ID',
  pipelineName: PIPELINE_NAME_RULE,
  refuses: [
    {
      input: 'start-from-failure',
      why: 'Synapse has no such option',
      instead: "use 'start-activity' to rerun from an activity",
    },
  ],
  endpoints: {
    AzureCloud: {
      suffix: 'dev.azuresynapse.net',
      resource: 'https://dev.azuresynapse.net',
      studioHost: 'https://web.azuresynapse.net',
    },
    AzureUSGovernment: {
      suffix: 'dev.azuresynapse.usgovcloudapi.net',
      resource: 'https://dev.azuresynapse.usgovcloudapi.net',
      studioHost: 'https://web.azuresynapse.usgovcloudapi.net',
    },
    AzureChinaCloud: {
      suffix: 'dev.azuresynapse.azure.cn',
      resource: 'https://dev.azuresynapse.azure.cn',
      studioHost: 'https://web.azuresynapse.azure.cn',
    },
  },
  target(location, cloud) {
    const e = synapse.endpoints[cloud.name];
    const workspace = location.workspace;
    return {
      service: 'synapse',
      workspace,
      // service-endpoint changes the host, never the audience.
      endpoint: (location['service-endpoint'] || `https://${workspace}.${e.suffix}`).replace(/\/+$/, ''),
      resource: e.resource,
      subscriptionId: location['subscription-id'],
      resourceGroup: location['resource-group'],
      studioHost: e.studioHost,
    };
  },
  create(target, deps) {
    deps.agent?.preconnect(target.endpoint);
    return new SynapseService(
      target,
      new RestClient({
        ...deps,
        baseUrl: target.endpoint,
        scope: `${target.resource}/.default`,
        apiVersion: API_VERSION,
        parseError: parseSynapseError,
        onAttempt: deps.debug && ((line) => deps.debug?.(`Synapse ${line}`)),
      }),
    );
  },
};
