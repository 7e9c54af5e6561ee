// Azure Data Factory, as the rest of the action sees it: its inputs, its endpoints per cloud, its
// target and its client (through Azure Resource Manager).
import { RestClient } from '../../http/rest-client.js';
import { readResourceGroup, readSubscriptionId } from '../azure-names.js';
import type { ServiceModule } from '../module.js';
import { PIPELINE_NAME_RULE } from '../pipeline-api/names.js';
import { API_VERSION, parseArmError } from './client.js';
import { factoryResourceId } from './ids.js';
import { DATA_FACTORY_LABELS, DataFactoryService, type DataFactoryTarget } from './service.js';

const FACTORY = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;

export const dataFactory: ServiceModule<DataFactoryTarget, { studioHost: string }> = {
  name: 'data-factory',
  labels: DATA_FACTORY_LABELS,
  locatedBy: ['subscription-id', 'resource-group', 'factory-name', 'resource-manager-endpoint'],
  insteadOf: {
    workspace: "Data Factory pipelines live in a factory: use 'factory-name'",
    'service-endpoint': "Data Factory is reached through ARM: use 'resource-manager-endpoint'",
  },
  readLocation(read) {
    const subscriptionId = readSubscriptionId(read, true);
    const resourceGroup = readResourceGroup(read, true);
    const factoryName = read.required('factory-name');
    if (factoryName && (!FACTORY.test(factoryName) || factoryName.length < 3 || factoryName.length > 63)) {
      read.problem(
        `'factory-name' must be 3-63 letters, digits and single hyphens, starting and ending with a letter or digit, got '${factoryName}'.`,
      );
    }
    return {
      'subscription-id': subscriptionId,
      'resource-group': resourceGroup,
      'factory-name': factoryName,
      // The generic cloud carries ARM; the inputs apply this override to it.
      'resource-manager-endpoint': read.httpsUrl('resource-manager-endpoint'),
    };
  },
  runIdNoun: 'a pipeline run ID',
  pipelineName: PIPELINE_NAME_RULE,
  endpoints: {
    AzureCloud: { studioHost: 'https://adf.azure.com' },
    AzureUSGovernment: { studioHost: 'https://adf.azure.us' },
    AzureChinaCloud: { studioHost: 'https://adf.azure.cn' },
  },
  target(location, cloud) {
    return {
      service: 'data-factory',
      resourceManager: cloud.resourceManager,
      subscriptionId: location['subscription-id'],
      resourceGroup: location['resource-group'],
      factoryName: location['factory-name'],
      studioHost: dataFactory.endpoints[cloud.name].studioHost,
    };
  },
  create(target, deps) {
    deps.agent?.preconnect(target.resourceManager);
    return new DataFactoryService(
      target,
      new RestClient({
        ...deps,
        baseUrl: `${target.resourceManager}${factoryResourceId(target.subscriptionId, target.resourceGroup, target.factoryName)}`,
        scope: `${target.resourceManager}/.default`,
        apiVersion: API_VERSION,
        parseError: parseArmError,
        onAttempt: deps.debug && ((line) => deps.debug?.(`ARM ${line}`)),
      }),
    );
  },
};
