// The Fabric REST API operations the action uses (v1, the Job Scheduler): list workspaces and
// DataPipeline items, run / get / list / cancel job instances, and query a pipeline run's activities.
import { parseRetryAfter, type CallOptions, type RestClient } from '../../http/rest-client.js';
import type { ActivityRun } from '../../model/run.js';
import type { PagedCallOptions } from '../service.js';
import type { FabricErrorResponse, FabricItem, FabricWorkspace, ItemJobInstance, Page } from './types.js';

/** Fabric's jobType for running a Data pipeline (Microsoft's doc: `?jobType=Pipeline`). */
export const PIPELINE_JOB_TYPE = 'Pipeline';
/** Fabric names its request ID header RequestId (the recordings have no x-ms-request-id). */
export const FABRIC_REQUEST_ID_HEADER = 'RequestId';
/** Enough for any workspace; a bound so a service that never ends its pages cannot loop forever. */
const MAX_PAGES = 50;

/** Fabric's flat envelope: `{requestId, errorCode, message, isRetriable, moreDetails}`. */
export function parseFabricError(body: unknown): { code?: string; message?: string } | undefined {
  if (!body || typeof body !== 'object') return undefined;
  const e = body as FabricErrorResponse & { error?: { code?: string; message?: string } };
  // A gateway in front of Fabric may still answer ARM-style; read that too.
  if (!e.errorCode && e.error && typeof e.error === 'object') return { code: e.error.code, message: e.error.message };
  if (!e.errorCode && !e.message) return undefined;
  const details = (e.moreDetails ?? []).map((d) => [d.errorCode, d.message].filter(Boolean).join(': ')).filter(Boolean);
  return {
    code: e.errorCode,
    message: details.length ? `${e.message ?? ''} (${details.join('; ')})` : e.message,
  };
}

/** The job instance ID: the last path segment of the run's `Location` (`…/jobs/instances/{id}`). */
export function jobIdFromLocation(location: string | undefined): string | undefined {
  if (!location) return undefined;
  let path: string;
  try {
    path = new URL(location, 'https://placeholder.invalid').pathname;
  } catch {
    return undefined;
  }
  const last = path.split('/').filter(Boolean).pop();
  return last && !/^instances$/i.test(last) ? decodeURIComponent(last) : undefined;
}

const seg = (s: string) => encodeURIComponent(s);

export interface StartedJob {
  jobId: string;
  /** The 202's Retry-After: wait at least this long before the first status read. */
  retryAfterMs?: number;
}

export class FabricClient {
  constructor(readonly rest: RestClient) {}

  /** Follows continuationUri (or continuationToken on the same path) through a bounded number of pages. */
  private async paged<T>(op: string, path: string, query: Record<string, string | undefined>, o?: CallOptions) {
    const out: T[] = [];
    let url = this.rest.url(path, query);
    for (let page = 0; page < MAX_PAGES; page++) {
      const res = (await this.rest.request<Page<T>>(op, 'GET', url, o)).body;
      out.push(...(res?.value ?? []));
      if (res?.continuationUri) url = res.continuationUri;
      else if (res?.continuationToken)
        url = this.rest.url(path, { ...query, continuationToken: res.continuationToken });
      else break;
    }
    return out;
  }

  listWorkspaces(o?: CallOptions): Promise<FabricWorkspace[]> {
    return this.paged<FabricWorkspace>('list workspaces', '/v1/workspaces', {}, o);
  }

  listPipelines(workspaceId: string, o?: CallOptions): Promise<FabricItem[]> {
    return this.paged<FabricItem>(
      'list pipelines',
      `/v1/workspaces/${seg(workspaceId)}/items`,
      { type: 'DataPipeline' },
      o,
    );
  }

  getItem(workspaceId: string, itemId: string, o?: CallOptions): Promise<FabricItem> {
    return this.rest.send<FabricItem>('get item', 'GET', `/v1/workspaces/${seg(workspaceId)}/items/${seg(itemId)}`, o);
  }

  private jobs(workspaceId: string, itemId: string): string {
    return `/v1/workspaces/${seg(workspaceId)}/items/${seg(itemId)}/jobs/instances`;
  }

  /** One attempt (it may start a run): 202, the job instance URL in Location. */
  async runPipeline(
    workspaceId: string,
    itemId: string,
    parameters: Record<string, unknown>,
    o?: CallOptions,
  ): Promise<StartedJob> {
    const res = await this.rest.request<unknown>(
      'run pipeline',
      'POST',
      this.rest.url(this.jobs(workspaceId, itemId), { jobType: PIPELINE_JOB_TYPE }),
      { ...o, body: Object.keys(parameters).length ? { executionData: { parameters } } : undefined },
    );
    const location = res.headers.get('location');
    const jobId = jobIdFromLocation(location) ?? res.headers.get('x-ms-job-id');
    if (!jobId) {
      throw new Error(
        `Fabric accepted the run (HTTP ${res.status}) but gave no job instance ID (Location: ${location ?? 'absent'}).`,
      );
    }
    return { jobId, retryAfterMs: parseRetryAfter(res.headers.get('retry-after')) };
  }

  async getJob(workspaceId: string, itemId: string, jobId: string, o?: CallOptions) {
    const res = await this.rest.request<ItemJobInstance>(
      'get job instance',
      'GET',
      this.rest.url(`${this.jobs(workspaceId, itemId)}/${seg(jobId)}`),
      o,
    );
    return { job: res.body, retryAfterMs: parseRetryAfter(res.headers.get('retry-after')) };
  }

  listJobs(workspaceId: string, itemId: string, o?: CallOptions): Promise<ItemJobInstance[]> {
    return this.paged<ItemJobInstance>('list job instances', this.jobs(workspaceId, itemId), {}, o);
  }

  async cancelJob(workspaceId: string, itemId: string, jobId: string, o?: CallOptions): Promise<void> {
    await this.rest.send('cancel job instance', 'POST', `${this.jobs(workspaceId, itemId)}/${seg(jobId)}/cancel`, o);
  }

  /** Microsoft's doc answers a bare array; third-party code reads `{value}`: both are accepted. */
  async queryActivityRuns(
    workspaceId: string,
    jobId: string,
    filter: Record<string, unknown>,
    o?: PagedCallOptions,
  ): Promise<ActivityRun[]> {
    const path = `/v1/workspaces/${seg(workspaceId)}/datapipelines/pipelineruns/${seg(jobId)}/queryactivityruns`;
    const out: ActivityRun[] = [];
    let token: string | undefined;
    const { pages: gate, ...call } = o ?? {};
    for (let page = 0; page < MAX_PAGES; page++) {
      if (gate && !gate.next()) break;
      const res = await this.rest.send<ActivityRun[] | { value?: ActivityRun[]; continuationToken?: string }>(
        'query activity runs',
        'POST',
        path,
        { ...call, body: token ? { ...filter, continuationToken: token } : filter },
      );
      if (Array.isArray(res)) {
        out.push(...res);
        break;
      }
      out.push(...(res?.value ?? []));
      token = res?.continuationToken ?? undefined;
      if (!token) break;
    }
    return out;
  }
}
