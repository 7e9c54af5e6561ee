// Defaults of the settings that belong to the Synapse and Fabric services and to run identity (merged into
// DEFAULT_CONFIG in state.ts).
import type { EmulatorConfig } from './types.ts';

export const SERVICE_CONFIG_DEFAULTS: Pick<
  EmulatorConfig,
  | 'honourClientRequestId'
  | 'synapseAudience'
  | 'synapsePageSize'
  | 'synapseCancelFinishedRun'
  | 'fabricAudience'
  | 'fabricServicePrincipalsEnabled'
  | 'fabricRetryAfterSec'
  | 'fabricPollRetryAfterSec'
  | 'fabricStatusLagMs'
  | 'fabricPageSize'
  | 'fabricActivityRunsShape'
  | 'fabricJobAlreadyCompleted'
> = {
  honourClientRequestId: true,
  synapseAudience: 'https://dev.azuresynapse.net',
  synapsePageSize: 100,
  synapseCancelFinishedRun: 'ok',
  fabricAudience: 'https://api.fabric.microsoft.com',
  fabricServicePrincipalsEnabled: true,
  fabricRetryAfterSec: 1,
  fabricPollRetryAfterSec: null,
  fabricStatusLagMs: 0,
  fabricPageSize: 100,
  fabricActivityRunsShape: 'array',
  // Guess: the spec lists JobAlreadyCompleted without a status; 400 like the other request errors.
  fabricJobAlreadyCompleted: {
    status: 400,
    message: 'Requested cancellation can not be processed as job instance run has completed.',
  },
};
