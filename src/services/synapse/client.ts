// The Synapse workspace operations the action uses, on the development endpoint (data plane,
// api-version 2020-12-01). The models are Data Factory's; the paths differ (no factory prefix,
// activity runs under the pipeline) and createRun answers 202.
import type { CallOptions, RestClient } from '../../http/rest-client.js';
import { listNames, pagedQuery } from '../data-factory/client.js';
import type {
  ActivityRun,
  CreateRunOptions,
  PipelineResource,
  PipelineRun,
  RunFilterParameters,
} from '../data-factory/types.js';

export const API_VERSION = '2020-12-01';

/** CloudError `{error:{code,message}}`, except that a missing pipeline comes unwrapped: `{code,message}`. */
export const parseSynapseError = (body: unknown) => {
  const b = body as { error?: { code?: string; message?: string }; code?: string; message?: string } | undefined;
  return b?.error ?? (b?.code ? { code: b.code, message: b.message } : undefined);
};

const seg = (s: string) => encodeURIComponent(s);

export class SynapseClient {
  constructor(readonly rest: RestClient) {}

  listPipelines(o?: CallOptions): Promise<string[]> {
    return listNames(this.rest, 'list pipelines', '/pipelines', o);
  }

  getPipeline(name: string, o?: CallOptions) {
    return this.rest.send<PipelineResource>('get pipeline', 'GET', `/pipelines/${seg(name)}`, o);
  }

  createRun(
    name: string,
    parameters: Record<string, unknown> | undefined,
    flags: CreateRunOptions,
    o?: CallOptions & { clientRequestId?: string },
  ) {
    return this.rest.send<{ runId: string }>('createRun', 'POST', `/pipelines/${seg(name)}/createRun`, {
      ...o,
      // Synapse has no startFromFailure: the inputs refuse it before we get here.
      query: {
        referencePipelineRunId: flags.referencePipelineRunId || undefined,
        isRecovery: flags.isRecovery || undefined,
        startActivityName: flags.startActivityName || undefined,
      },
      body: parameters && Object.keys(parameters).length ? parameters : undefined,
    });
  }

  getRun(runId: string, o?: CallOptions) {
    return this.rest.send<PipelineRun>('get run', 'GET', `/pipelineruns/${seg(runId)}`, o);
  }

  async cancelRun(runId: string, recursive: boolean, o?: CallOptions): Promise<void> {
    await this.rest.send('cancel run', 'POST', `/pipelineruns/${seg(runId)}/cancel`, {
      ...o,
      query: { isRecursive: recursive },
    });
  }

  queryPipelineRuns(filter: RunFilterParameters, o?: CallOptions): Promise<PipelineRun[]> {
    return pagedQuery<PipelineRun>(this.rest, 'query pipeline runs', '/queryPipelineRuns', filter, 50, o);
  }

  queryActivityRuns(
    pipelineName: string,
    runId: string,
    filter: RunFilterParameters,
    o?: CallOptions,
  ): Promise<ActivityRun[]> {
    return pagedQuery<ActivityRun>(
      this.rest,
      'query activity runs',
      `/pipelines/${seg(pipelineName)}/pipelineruns/${seg(runId)}/queryActivityruns`,
      filter,
      100,
      o,
    );
  }
}
