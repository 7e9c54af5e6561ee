// What Data Factory and Synapse do alike behind the PipelineService interface: both speak Data
// Factory's pipeline API, so reading definitions, starting, reading, cancelling and querying runs
// are written once here. Each service adds its name, where its runs are shown, its activity-run
// path and how it explains its own errors.
import { ServiceError } from '../../http/errors.js';
import type { CallOptions } from '../../http/rest-client.js';
import type { ParameterDefinitions } from '../../model/parameters.js';
import type { ActivityRun, RunQuery, RunRef, RunView, StartRequest } from '../../model/run.js';
import type { DefinitionResult, PagedCallOptions, PipelineService } from '../service.js';
import type { PipelineApiClient } from './client.js';
import { activityFilter, batchFilter, newestRun, pickRuns, runFilter, runGroupFilter, toRunView } from './run-view.js';

export abstract class PipelineApiService<Client extends PipelineApiClient> implements PipelineService {
  abstract readonly kind: PipelineService['kind'];
  abstract readonly shortName: string;
  abstract readonly studioName: string;
  abstract readonly home: { label: string; text: string };
  /** Both honour x-ms-client-request-id as the new run's ID. */
  readonly runIdFromClientRequestId = true;

  constructor(readonly client: Client) {}

  /** What to grant when the definition cannot be read (403): the service's own role names. */
  protected abstract readonly definitionGrant: string;

  abstract runUrl(ref: RunRef): string;
  abstract explain(e: unknown, pipelineName: string): Promise<void>;

  async readDefinition(pipelineName: string, o?: CallOptions): Promise<DefinitionResult> {
    try {
      const pipeline = await this.client.getPipeline(pipelineName, o);
      return { definitions: (pipeline.properties?.parameters ?? {}) as ParameterDefinitions };
    } catch (e) {
      if (e instanceof ServiceError && e.status === 403) {
        return {
          unavailable: `Cannot read the definition of pipeline '${pipelineName}' (403 ${e.code}), so its parameters are not checked before the run. Grant ${this.definitionGrant} to enable the check, or set 'validate-parameters: false' to skip it.`,
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

  async listActivityRuns(ref: RunRef & { runStart?: string }, o?: PagedCallOptions): Promise<ActivityRun[]> {
    return this.client.queryActivityRuns(
      { runId: ref.runId, pipelineName: await this.pipelineOf(ref, o) },
      activityFilter(ref.runStart),
      o,
    );
  }

  /** The run's pipeline, where the activity-run path needs it (Synapse); ADF's does not. */
  protected pipelineOf(ref: RunRef, _o?: CallOptions): Promise<string> {
    return Promise.resolve(ref.pipelineName ?? '');
  }

  async findRuns(q: RunQuery, o?: CallOptions): Promise<RunView[]> {
    return (await this.client.queryPipelineRuns(runFilter(q), o, q.limit)).map(toRunView).slice(0, q.limit);
  }

  async readRuns(refs: RunRef[], window: { after: Date; before: Date }, o?: CallOptions): Promise<RunView[]> {
    return pickRuns(refs, await this.client.queryPipelineRuns(batchFilter(refs, window), o));
  }

  /** One page is plenty: a group holds one run per try and attempt, and the query asks for the latest. */
  async latestInRunGroup(
    runGroupId: string,
    window: { after: Date; before: Date },
    o?: CallOptions,
  ): Promise<RunView | undefined> {
    const runs = await this.client.queryPipelineRuns(runGroupFilter(runGroupId, window), o, 100);
    return newestRun(runs.filter((r) => typeof r.runId === 'string').map(toRunView));
  }
}
