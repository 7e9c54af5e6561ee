// The Synapse workspace operations the action uses, on the development endpoint (data plane,
// api-version 2020-12-01): Data Factory's pipeline API without the factory prefix, with activity
// runs under the pipeline, and createRun answering 202.
import { PipelineApiClient, seg } from '../pipeline-api/client.js';

export const API_VERSION = '2020-12-01';

/** CloudError `{error:{code,message}}`, except that a missing pipeline comes unwrapped: `{code,message}`. */
export const parseSynapseError = (body: unknown) => {
  const b = body as { error?: { code?: string; message?: string }; code?: string; message?: string } | undefined;
  return b?.error ?? (b?.code ? { code: b.code, message: b.message } : undefined);
};

export class SynapseClient extends PipelineApiClient {
  protected activityRunsPath(runId: string, pipelineName: string): string {
    return `/pipelines/${seg(pipelineName)}/pipelineruns/${seg(runId)}/queryActivityruns`;
  }
}
