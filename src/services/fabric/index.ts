// Microsoft Fabric, as the rest of the action sees it: its inputs, its endpoints, its target and
// its client (the Fabric REST API's job scheduler).
import { RestClient } from '../../http/rest-client.js';
import type { ServiceModule } from '../module.js';
import { FABRIC_REQUEST_ID_HEADER, parseFabricError } from './client.js';
import { FABRIC_LABELS, FabricService, type FabricTarget } from './service.js';

interface FabricEndpoints {
  api: string;
  /** The token audience, whatever the API base. */
  resource: string;
  portal: string;
}

/**
 * Fabric is one service whatever `environment` says: Microsoft documents only these hosts, and the
 * contract keeps both the API base and the token audience here (a sovereign Fabric host, if one
 * exists, is reached with `service-endpoint`; the audience stays).
 */
const EVERYWHERE: FabricEndpoints = {
  api: 'https://api.fabric.microsoft.com',
  resource: 'https://api.fabric.microsoft.com',
  portal: 'https://app.fabric.microsoft.com',
};

const NO_RERUNS = 'Fabric has no reruns through its API';
const NOT_AZURE = 'Fabric workspaces are not Azure resources';

export const fabric: ServiceModule<FabricTarget, FabricEndpoints> = {
  name: 'fabric',
  labels: FABRIC_LABELS,
  locatedBy: ['workspace', 'service-endpoint'],
  insteadOf: {
    'factory-name': "use 'workspace'",
    'resource-manager-endpoint': "Fabric is not reached through ARM: use 'service-endpoint'",
    'subscription-id': NOT_AZURE,
    'resource-group': NOT_AZURE,
  },
  readLocation(read) {
    return {
      workspace: read.required('workspace', "the Fabric workspace's ID or display name"),
      'service-endpoint': read.httpsUrl('service-endpoint'),
    };
  },
  runIdNoun: 'a job instance ID',
  pipelineWithRunId: 'Fabric addresses a job instance through its pipeline',
  refuses: ['reference-run-id', 'start-activity', 'recovery', 'start-from-failure'].map((input) => ({
    input,
    why: NO_RERUNS,
  })),
  endpoints: { AzureCloud: EVERYWHERE, AzureUSGovernment: EVERYWHERE, AzureChinaCloud: EVERYWHERE },
  target(location, cloud) {
    const e = fabric.endpoints[cloud.name];
    return {
      service: 'fabric',
      apiBase: location['service-endpoint'] || e.api,
      // Neither 'environment' nor 'service-endpoint' changes the token audience (the contract).
      resource: e.resource,
      portal: e.portal,
      workspace: location.workspace,
    };
  },
  create(target, deps) {
    deps.agent?.preconnect(target.apiBase);
    return new FabricService(
      target,
      new RestClient({
        ...deps,
        baseUrl: target.apiBase,
        scope: `${target.resource}/.default`,
        parseError: parseFabricError,
        requestIdHeader: FABRIC_REQUEST_ID_HEADER,
        onAttempt: deps.debug && ((line) => deps.debug?.(`Fabric ${line}`)),
      }),
    );
  },
};
