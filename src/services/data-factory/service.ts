// Azure Data Factory behind the PipelineService interface: ARM, api-version 2018-06-01.
import { ServiceError } from '../../http/errors.js';
import type { CallOptions, RestClient } from '../../http/rest-client.js';
import type { ParameterDefinitions } from '../../inputs/parameters.js';
import { factoryResourceId, studioRunUrl } from '../clouds.js';
import type {
  ActivityRun,
  DefinitionResult,
  PipelineService,
  RunQuery,
  RunRef,
  RunView,
  StartRequest,
} from '../service.js';
import { DataFactoryClient } from './client.js';
import { explainDataFactoryError } from './explain.js';
import { activityFilter, batchFilter, pickRuns, runFilter, toRunView } from './run-view.js';

/** What the post step needs to reach the factory again (saved in the step's state: no secrets). */
export interface DataFactoryTarget {
  service: 'data-factory';
  resourceManager: string;
  subscriptionId: string;
  resourceGroup: string;
  factoryName: string;
  studioHost: string;
}

export class DataFactoryService implements PipelineService {
  readonly kind = 'data-factory' as const;
  readonly shortName = 'ADF';
  readonly studioName = 'ADF Studio';
  readonly runIdFromClientRequestId = true;
  readonly home: { label: string; text: string };
  readonly factoryId: string;
  readonly client: DataFactoryClient;

  constructor(
    readonly target: DataFactoryTarget,
    rest: RestClient,
  ) {
    this.factoryId = factoryResourceId(target.subscriptionId, target.resourceGroup, target.factoryName);
    this.client = new DataFactoryClient(rest);
    this.home = {
      label: 'Factory',
      text: `\`${target.factoryName}\` (resource group \`${target.resourceGroup}\`)`,
    };
  }

  async readDefinition(pipelineName: string, o?: CallOptions): Promise<DefinitionResult> {
    try {
      const pipeline = await this.client.getPipeline(pipelineName, o);
      return { definitions: (pipeline.properties?.parameters ?? {}) as ParameterDefinitions };
    } catch (e) {
      if (e instanceof ServiceError && e.status === 403) {
        return {
          unavailable: `Cannot read the definition of pipeline '${pipelineName}' (403 ${e.code}), so its parameters are not checked before the run. Grant 'Microsoft.DataFactory/factories/pipelines/read' to enable the check, or set 'validate-parameters: false' to skip it.`,
        };
      }
      throw e;
    }
  }

  startRun(r: StartRequest, o?: CallOptions) {
    return this.client.createRun(r.pipelineName, r.parameters, r.flags, { ...o, clientRequestId: r.clientRequestId });
  }

  async getRun(ref: RunRef, o?: CallOptions): Promise<RunView> {
    return toRunView(await this.client.getRun(ref.runId, o));
  }

  cancelRun(ref: RunRef, recursive: boolean, o?: CallOptions): Promise<void> {
    return this.client.cancelRun(ref.runId, recursive, o);
  }

  listActivityRuns(ref: RunRef & { runStart?: string }, o?: CallOptions): Promise<ActivityRun[]> {
    return this.client.queryActivityRuns(ref.runId, activityFilter(ref.runStart), o);
  }

  async findRuns(q: RunQuery, o?: CallOptions): Promise<RunView[]> {
    return (await this.client.queryPipelineRuns(runFilter(q), o, q.limit)).map(toRunView).slice(0, q.limit);
  }

  async readRuns(refs: RunRef[], window: { after: Date; before: Date }, o?: CallOptions): Promise<RunView[]> {
    return pickRuns(refs, await this.client.queryPipelineRuns(batchFilter(refs, window), o));
  }

  runUrl(ref: RunRef): string {
    return studioRunUrl(this.target.studioHost, this.factoryId, ref.runId);
  }

  explain(e: unknown, pipelineName: string): Promise<void> {
    return explainDataFactoryError(e, this.client, this.factoryId, { ...this.target, pipelineName });
  }
}
