// Azure Data Factory behind the PipelineService interface: ARM, api-version 2018-06-01. The
// pipeline API itself is written once in ../pipeline-api/ (Synapse speaks it too).
import type { CallOptions, RestClient } from '../../http/rest-client.js';
import { factoryResourceId, studioRunUrl } from './ids.js';
import { PipelineApiService } from '../pipeline-api/service.js';
import type { RunRef } from '../../model/run.js';
import { DataFactoryClient } from './client.js';
import { explainDataFactoryError } from './explain.js';

/** What the post step needs to reach the factory again (saved in the step's state: no secrets). */
export interface DataFactoryTarget {
  service: 'data-factory';
  resourceManager: string;
  subscriptionId: string;
  resourceGroup: string;
  factoryName: string;
  studioHost: string;
}

export const DATA_FACTORY_LABELS = { short: 'ADF', studio: 'ADF Studio', home: 'Factory' } as const;

export class DataFactoryService extends PipelineApiService<DataFactoryClient> {
  readonly kind = 'data-factory' as const;
  readonly shortName = DATA_FACTORY_LABELS.short;
  readonly studioName = DATA_FACTORY_LABELS.studio;
  readonly home: { label: string; text: string };
  readonly factoryId: string;
  protected readonly definitionGrant = "'Microsoft.DataFactory/factories/pipelines/read'";

  constructor(
    readonly target: DataFactoryTarget,
    rest: RestClient,
  ) {
    super(new DataFactoryClient(rest));
    this.factoryId = factoryResourceId(target.subscriptionId, target.resourceGroup, target.factoryName);
    this.home = {
      label: DATA_FACTORY_LABELS.home,
      text: `\`${target.factoryName}\` (resource group \`${target.resourceGroup}\`)`,
    };
  }

  /** The factory's `location` (one ARM read of the factory). */
  async factoryLocation(o?: CallOptions): Promise<string | undefined> {
    const location = (await this.client.getFactory(o))?.location;
    return typeof location === 'string' ? location : undefined;
  }

  runUrl(ref: RunRef): string {
    return studioRunUrl(this.target.studioHost, this.factoryId, ref.runId);
  }

  explain(e: unknown, pipelineName: string): Promise<void> {
    return explainDataFactoryError(e, this.client, this.factoryId, { ...this.target, pipelineName });
  }
}
