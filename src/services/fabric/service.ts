// Microsoft Fabric Data pipelines behind the PipelineService interface: the Fabric REST API (v1)
// and its Job Scheduler. Fabric addresses workspaces and pipelines by ID; users know them by
// display name, so prepare() resolves the names once and the IDs are saved for the post step.
import { ServiceError } from '../../http/errors.js';
import type { CallOptions, RestClient } from '../../http/rest-client.js';
import { retry } from '../../http/retry.js';
import {
  isFinal,
  type ActivityRun,
  type RunQuery,
  type RunRef,
  type RunView,
  type StartRequest,
} from '../../model/run.js';
import { type DefinitionResult, type PagedCallOptions, type PipelineService } from '../service.js';
import { FabricClient } from './client.js';
import { explainFabricError } from './explain.js';
import { FabricLookupError, isGuid, pickByName } from './resolve.js';
import { toRunView } from './run-view.js';

/** A Data pipeline item, as resolved from the 'pipeline-name' input (display name or item ID). */
export interface FabricPipelineRef {
  id: string;
  displayName: string;
}

/** What the post step needs to reach the workspace again (saved in the step's state: no secrets). */
export interface FabricTarget {
  service: 'fabric';
  /** The Fabric API base ('service-endpoint' or the cloud's), without /v1. */
  apiBase: string;
  /** The token audience: always the cloud's Fabric resource, whatever the endpoint. */
  resource: string;
  portal: string;
  /** The 'workspace' input: an ID or a display name. */
  workspace: string;
  /** Filled in by prepare(): the workspace ID (and name) and each pipeline input's item. */
  resolved?: {
    workspaceId: string;
    workspaceName?: string;
    pipelines: Record<string, FabricPipelineRef>;
  };
}

/** Time for name resolution through transient faults (the lifecycle does not retry prepare). */
const RESOLVE_BUDGET_MS = 120_000;

export const FABRIC_LABELS = { short: 'Fabric', studio: 'the Fabric monitoring hub', home: 'Workspace' } as const;

export class FabricService implements PipelineService {
  readonly kind = 'fabric' as const;
  readonly shortName = FABRIC_LABELS.short;
  readonly studioName = FABRIC_LABELS.studio;
  readonly startRequest = 'the job start';
  /** Fabric has no client request ID de-duplication: an ambiguous start is checked by listing. */
  readonly runIdFromClientRequestId = false;
  readonly client: FabricClient;
  private workspaceId?: string;
  private workspaceName?: string;
  private readonly pipelines = new Map<string, FabricPipelineRef>();
  /** Per job: the earliest time Fabric asked the next status read to be sent (Retry-After). */
  private readonly notBefore = new Map<string, number>();

  constructor(
    private readonly base: FabricTarget,
    rest: RestClient,
  ) {
    this.client = new FabricClient(rest);
    const r = base.resolved;
    if (r) {
      this.workspaceId = r.workspaceId;
      this.workspaceName = r.workspaceName;
      for (const [name, p] of Object.entries(r.pipelines)) this.pipelines.set(name, p);
    } else if (isGuid(base.workspace)) {
      this.workspaceId = base.workspace;
    }
  }

  /** The target with what prepare() resolved: saved before the start, for the post step. */
  get target(): FabricTarget {
    if (!this.workspaceId) return { ...this.base };
    return {
      ...this.base,
      resolved: {
        workspaceId: this.workspaceId,
        ...(this.workspaceName ? { workspaceName: this.workspaceName } : {}),
        pipelines: Object.fromEntries(this.pipelines),
      },
    };
  }

  get home(): { label: string; text: string } {
    const id = this.workspaceId;
    const name = this.workspaceName ?? (isGuid(this.base.workspace) ? undefined : this.base.workspace);
    return {
      label: FABRIC_LABELS.home,
      text: name ? `\`${name}\`${id ? ` (\`${id}\`)` : ''}` : `\`${id ?? this.base.workspace}\``,
    };
  }

  async prepare(pipelineName: string, o?: CallOptions): Promise<void> {
    await this.pipeline(pipelineName, o);
  }

  private resolving<T>(fn: () => Promise<T>, o?: CallOptions): Promise<T> {
    return retry(fn, { until: Date.now() + RESOLVE_BUDGET_MS, signal: o?.abortSignal });
  }

  private async workspace(o?: CallOptions): Promise<string> {
    if (this.workspaceId) return this.workspaceId;
    const wanted = this.base.workspace.trim();
    const all = await this.resolving(() => this.client.listWorkspaces(o), o);
    const ws = pickByName(wanted, all, {
      kind: 'workspace',
      where: 'that the signed-in principal can access',
      input: 'workspace',
      none: 'The signed-in principal can access no workspace at all: add it to the workspace (Manage access, Contributor or higher), and check that a Fabric admin enabled the tenant setting "Service principals can use Fabric APIs".',
    });
    this.workspaceId = ws.id;
    this.workspaceName = ws.displayName;
    return ws.id;
  }

  /** The item the 'pipeline-name' input names, by item ID or display name. */
  private async pipeline(input: string, o?: CallOptions): Promise<FabricPipelineRef> {
    const known = this.pipelines.get(input);
    if (known) return known;
    const workspaceId = await this.workspace(o);
    const where = `in workspace '${this.workspaceName ?? this.base.workspace}'`;
    let found: FabricPipelineRef;
    if (isGuid(input)) {
      const item = await this.resolving(() => this.client.getItem(workspaceId, input.trim(), o), o);
      if (item.type && item.type !== 'DataPipeline') {
        throw new FabricLookupError(
          `Item ${input} ${where} is a ${item.type} ('${item.displayName}'), not a Data pipeline. Check 'pipeline-name'.`,
        );
      }
      found = { id: item.id ?? input, displayName: item.displayName ?? input };
    } else {
      const items = await this.resolving(() => this.client.listPipelines(workspaceId, o), o);
      const item = pickByName(input.trim(), items, {
        kind: 'Data pipeline',
        where,
        input: 'pipeline-name',
        none: 'The workspace has no Data pipelines (or the principal cannot see them: it needs a workspace role of Viewer or higher).',
      });
      found = { id: item.id, displayName: item.displayName };
    }
    this.pipelines.set(input, found);
    return found;
  }

  private async ids(pipelineName: string, o?: CallOptions) {
    const item = await this.pipeline(pipelineName, o);
    return { ws: await this.workspace(o), item };
  }

  readDefinition(pipelineName: string): Promise<DefinitionResult> {
    return Promise.resolve({
      level: 'notice',
      unavailable: `Fabric offers no pipeline parameter definitions the action reads, so the parameters are sent to pipeline '${this.pipelines.get(pipelineName)?.displayName ?? pipelineName}' unchecked, with their JSON types. Check their names and types against the pipeline's Parameters tab.`,
    });
  }

  async startRun(r: StartRequest, o?: CallOptions): Promise<{ runId: string }> {
    const { ws, item } = await this.ids(r.pipelineName, o);
    const started = await this.client.runPipeline(ws, item.id, r.parameters, o);
    if (started.retryAfterMs) this.notBefore.set(started.jobId, Date.now() + started.retryAfterMs);
    return { runId: started.jobId };
  }

  pollNotBefore(ref: RunRef): number | undefined {
    return this.notBefore.get(ref.runId);
  }

  async getRun(ref: RunRef, o?: CallOptions): Promise<RunView> {
    const { ws, item } = await this.ids(ref.pipelineName, o);
    const { job, retryAfterMs } = await this.client.getJob(ws, item.id, ref.runId, o);
    const run = toRunView(job, item.displayName);
    if (retryAfterMs && !isFinal(run.status)) this.notBefore.set(ref.runId, Date.now() + retryAfterMs);
    else this.notBefore.delete(ref.runId);
    return run;
  }

  /** Fabric has no recursive flag; what becomes of child pipelines is Fabric's (not verified). */
  async cancelRun(ref: RunRef, _recursive: boolean, o?: CallOptions): Promise<void> {
    const { ws, item } = await this.ids(ref.pipelineName, o);
    try {
      await this.client.cancelJob(ws, item.id, ref.runId, o);
    } catch (e) {
      // The job ended first: nothing to cancel; the caller reads the run and reports how it ended.
      if (e instanceof ServiceError && e.code === 'JobAlreadyCompleted') return;
      throw e;
    }
  }

  async listActivityRuns(ref: RunRef & { runStart?: string }, o?: PagedCallOptions): Promise<ActivityRun[]> {
    // Child pipelines' runs come with whatever name their parent's activity gave: only the
    // workspace is needed to address them.
    const ws = await this.workspace(o);
    const item = this.pipelines.get(ref.pipelineName);
    const start = Date.parse(ref.runStart ?? '') || Date.now();
    const runs = await this.client.queryActivityRuns(
      ws,
      ref.runId,
      {
        filters: [],
        orderBy: [{ orderBy: 'ActivityRunStart', order: 'ASC' }],
        lastUpdatedAfter: new Date(start - 86_400_000).toISOString(),
        lastUpdatedBefore: new Date(Date.now() + 86_400_000).toISOString(),
      },
      o,
    );
    // Fabric names the pipeline by its item ID here (Microsoft's doc); show the display name.
    return runs.map((a) =>
      item && typeof a.pipelineName === 'string' && a.pipelineName.toLowerCase() === item.id.toLowerCase()
        ? { ...a, pipelineName: item.displayName }
        : a,
    );
  }

  async findRuns(q: RunQuery, o?: CallOptions): Promise<RunView[]> {
    const { ws, item } = await this.ids(q.pipelineName, o);
    const jobs = await this.client.listJobs(ws, item.id, o);
    const after = q.after.getTime();
    const before = q.before.getTime();
    return jobs
      .map((j) => toRunView(j, item.displayName))
      .filter((r) => !q.statuses?.length || q.statuses.includes(r.status))
      .filter((r) => {
        // Updated in the window: the run's span [start, end or now] overlaps it.
        const start = Date.parse(r.runStart ?? '');
        const end = r.runEnd ? Date.parse(r.runEnd) : Date.now();
        if (Number.isNaN(start)) return true;
        return start <= before && end >= after;
      })
      .sort((a, b) => (Date.parse(b.runStart ?? '') || 0) - (Date.parse(a.runStart ?? '') || 0));
  }

  runUrl(ref: RunRef): string {
    const item = this.pipelines.get(ref.pipelineName);
    if (!this.workspaceId || !item) return '';
    return `${this.base.portal}/workloads/data-pipeline/monitoring/workspaces/${encodeURIComponent(this.workspaceId)}/pipelines/${encodeURIComponent(item.displayName)}/${encodeURIComponent(ref.runId)}`;
  }

  explain(e: unknown, pipelineName: string): Promise<void> {
    explainFabricError(e, {
      workspace: this.workspaceName ?? this.base.workspace,
      workspaceId: this.workspaceId,
      pipelineName: this.pipelines.get(pipelineName)?.displayName ?? pipelineName,
      itemId: this.pipelines.get(pipelineName)?.id,
      scope: `${this.base.resource}/.default`,
      apiBase: this.base.apiBase,
    });
    return Promise.resolve();
  }
}
