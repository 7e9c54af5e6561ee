// Turns the Data Factory errors users actually hit into what to do about them. The 404 diagnosis
// makes one extra read to tell factory from pipeline.
import { ServiceError, errorMessage } from '../../http/errors.js';
import { pipelineListing } from '../near-name.js';
import type { DataFactoryClient } from './client.js';

/** ARM's 403: name the denied action and the role that grants it. */
export function explainForbidden(e: ServiceError, factoryId: string): string {
  const action = /perform action '([^']+)'/.exec(e.serviceMessage)?.[1];
  const principal = /object id '([^']+)'/.exec(e.serviceMessage)?.[1];
  const lines = [
    `The signed-in principal${principal ? ` (object id ${principal})` : ''} is not allowed to ${action ? `perform '${action}'` : 'do this'}.`,
    `Grant it the 'Data Factory Contributor' role on the factory (scope ${factoryId}), or a custom role that includes ${
      action ? `'${action}'` : "'Microsoft.DataFactory/factories/pipelines/createrun/action'"
    }. This action needs: Microsoft.DataFactory/factories/pipelines/read, .../pipelines/createrun/action, .../pipelineruns/read, .../pipelineruns/cancel/action, .../querypipelineruns/action and .../pipelineruns/queryactivityruns/action.`,
    'Role assignments can take a few minutes to apply.',
  ];
  return lines.join('\n');
}

/** ARM's 404: tell whether the resource group, the factory or the pipeline is missing. */
export async function explainNotFound(
  e: ServiceError,
  client: DataFactoryClient,
  names: FactoryNames,
): Promise<string> {
  if (e.code === 'ResourceGroupNotFound') {
    return `Resource group '${names.resourceGroup}' does not exist in subscription ${names.subscriptionId}. Check 'resource-group' and 'subscription-id'.`;
  }
  if (e.code === 'SubscriptionNotFound') {
    return `Subscription ${names.subscriptionId} was not found. Check 'subscription-id' and 'environment'.`;
  }
  try {
    await client.getFactory({ timeoutMs: 15_000 });
  } catch (inner) {
    if (inner instanceof ServiceError && inner.status === 404) {
      if (inner.code === 'ResourceGroupNotFound') {
        return `Resource group '${names.resourceGroup}' does not exist in subscription ${names.subscriptionId}. Check 'resource-group' and 'subscription-id'.`;
      }
      return `Data factory '${names.factoryName}' does not exist in resource group '${names.resourceGroup}' of subscription ${names.subscriptionId}. Check 'factory-name', 'resource-group', 'subscription-id' and 'environment'.`;
    }
    return `Either the factory or the pipeline is missing (the factory could not be read to tell which: ${errorMessage(inner)}).`;
  }
  const listing = await pipelineListing(names.pipelineName, () => client.listPipelines({ timeoutMs: 15_000 }), {
    container: 'factory',
    none: 'The factory has no pipelines: has it been published?',
  });
  return `Pipeline '${names.pipelineName}' does not exist in factory '${names.factoryName}'. Check 'pipeline-name' and that the pipeline is published (not only saved in a Git branch).${listing}`;
}

export interface FactoryNames {
  resourceGroup: string;
  factoryName: string;
  pipelineName: string;
  subscriptionId: string;
}

/** Adds what to do to an error ARM or Data Factory answered with. */
export async function explainDataFactoryError(
  e: unknown,
  client: DataFactoryClient,
  factoryId: string,
  names: FactoryNames,
): Promise<void> {
  if (!(e instanceof ServiceError)) return;
  if (e.status === 403) e.hint = explainForbidden(e, factoryId);
  else if (e.status === 404) e.hint = await explainNotFound(e, client, names);
  else if (e.status === 401)
    e.hint = `Azure Resource Manager rejected the token. Check that the principal belongs to the subscription's tenant and that 'environment' matches the cloud.`;
  else if (e.code === 'ReferencedPipelineRunNotValid')
    e.hint = `Check 'reference-run-id': it must be the ID of an earlier run of this pipeline in this factory.`;
}
