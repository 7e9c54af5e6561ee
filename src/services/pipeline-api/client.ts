// Data Factory's pipeline API, which Synapse speaks too: the same operations and models, relative
// to a base (a factory's ARM resource ID, or a workspace's development endpoint). Where the two
// differ (where activity runs are queried), the service's client says so.
import type { CallOptions, RestClient } from '../../http/rest-client.js';
import type { PagedCallOptions } from '../service.js';
import type { ActivityRun, CreateRunOptions, PipelineResource, PipelineRun, RunFilterParameters } from './types.js';

export const seg = (s: string) => encodeURIComponent(s);

/** Run queries are paged with a continuationToken sent back in the same filter body. */
export async function pagedQuery<T>(
  rest: RestClient,
  op: string,
  path: string,
  filter: RunFilterParameters,
  maxPages: number,
  o?: PagedCallOptions,
): Promise<T[]> {
  const items: T[] = [];
  let token: string | undefined;
  const { pages: gate, ...call } = o ?? {};
  for (let page = 0; page < maxPages; page++) {
    if (gate && !gate.next()) break;
    const res = await rest.send<{ value?: T[]; continuationToken?: string }>(op, 'POST', path, {
      ...call,
      body: token ? { ...filter, continuationToken: token } : filter,
    });
    items.push(...(res?.value ?? []));
    token = res?.continuationToken;
    if (!token) break;
  }
  return items;
}

/** Follows `nextLink` (a full URL) through a bounded number of pages. */
export async function listNames(rest: RestClient, op: string, path: string, o?: CallOptions): Promise<string[]> {
  const names: string[] = [];
  let url = rest.url(path);
  for (let page = 0; page < 20; page++) {
    const res = (await rest.request<{ value?: { name: string }[]; nextLink?: string | null }>(op, 'GET', url, o)).body;
    for (const p of res?.value ?? []) names.push(p.name);
    if (!res?.nextLink) break;
    url = res.nextLink;
  }
  return names;
}

export abstract class PipelineApiClient {
  constructor(readonly rest: RestClient) {}

  /** Where a run's activity runs are queried (ADF: under the run; Synapse: under its pipeline too). */
  protected abstract activityRunsPath(runId: string, pipelineName: string): string;

  listPipelines(o?: CallOptions): Promise<string[]> {
    return listNames(this.rest, 'list pipelines', '/pipelines', o);
  }

  getPipeline(name: string, o?: CallOptions) {
    return this.rest.send<PipelineResource>('get pipeline', 'GET', `/pipelines/${seg(name)}`, o);
  }

  /** Synapse has no startFromFailure; its inputs refuse it before a request is made. */
  createRun(
    name: string,
    parameters: Record<string, unknown> | undefined,
    flags: CreateRunOptions,
    o?: CallOptions & { clientRequestId?: string },
  ) {
    return this.rest.send<{ runId: string }>('createRun', 'POST', `/pipelines/${seg(name)}/createRun`, {
      ...o,
      query: {
        referencePipelineRunId: flags.referencePipelineRunId || undefined,
        isRecovery: flags.isRecovery || undefined,
        startActivityName: flags.startActivityName || undefined,
        startFromFailure: flags.startFromFailure || undefined,
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

  /** Pages of 100 (observed); `limit` stops after the pages that hold that many runs. */
  queryPipelineRuns(filter: RunFilterParameters, o?: CallOptions, limit?: number): Promise<PipelineRun[]> {
    const pages = limit ? Math.max(1, Math.ceil(limit / 100)) : 50;
    return pagedQuery<PipelineRun>(this.rest, 'query pipeline runs', '/queryPipelineRuns', filter, pages, o);
  }

  queryActivityRuns(
    run: { runId: string; pipelineName: string },
    filter: RunFilterParameters,
    o?: PagedCallOptions,
  ): Promise<ActivityRun[]> {
    return pagedQuery<ActivityRun>(
      this.rest,
      'query activity runs',
      this.activityRunsPath(run.runId, run.pipelineName),
      filter,
      100,
      o,
    );
  }
}
