// The Data Factory operations the action uses, through ARM (api-version 2018-06-01), relative to
// the factory's resource ID.
import type { CallOptions } from '../../http/rest-client.js';
import { PipelineApiClient, seg } from '../pipeline-api/client.js';

export const API_VERSION = '2018-06-01';

/** ARM's CloudError: `{error: {code, message}}`. */
export const parseArmError = (body: unknown) => (body as { error?: { code?: string; message?: string } })?.error;

export class DataFactoryClient extends PipelineApiClient {
  getFactory(o?: CallOptions) {
    return this.rest.send<Record<string, unknown>>('get factory', 'GET', '', o);
  }

  protected activityRunsPath(runId: string): string {
    return `/pipelineruns/${seg(runId)}/queryActivityruns`;
  }
}
