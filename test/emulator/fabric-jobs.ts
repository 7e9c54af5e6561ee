// Fabric job instances: the Job Scheduler's view of a pipeline run. Each job drives a run of its own RunEngine
// (so phases, activities, child runs and cancel work as for ADF), translated to Fabric's statuses and shapes.
import { RunEngine, type ActivityRunView, type RunRecord } from './runs.ts';
import type { EmulatorConfig, FabricJobScript, FabricJobStatus, RunScript } from './types.ts';
import type { FabricItem, FabricWorkspace } from './workspaces.ts';

export interface FabricJob {
  id: string;
  workspaceId: string;
  itemId: string;
  /** as the request named it: 'Pipeline' (query or path form) or 'Execute' */
  jobType: string;
  invokeType: 'Manual';
  /** the RequestId of the POST that started it */
  rootActivityId: string;
  createdAt: number;
  script: FabricJobScript;
  /** the request body as parsed (null when there was none) and the query */
  body: unknown;
  query: Record<string, string>;
  /** executionData.parameters merged over the item's declared defaults */
  parameters: Record<string, unknown>;
  /** the engine run behind it (run.runId === id) */
  run: RunRecord;
  /** fractional digits this job's timestamps use (recorded: 2 to 7) */
  digits: number;
}

export interface ItemJobInstance {
  id: string;
  itemId: string;
  jobType: string;
  invokeType: string;
  status: FabricJobStatus;
  failureReason: Record<string, unknown> | null;
  rootActivityId: string;
  startTimeUtc: string;
  endTimeUtc: string | null;
}

/** Fabric's zone-less timestamps with `digits` fractional digits, trailing zeros trimmed. */
export function fabricTime(ms: number, digits = 7): string {
  const iso = new Date(ms).toISOString();
  const extra = String((Math.imul((ms % 1_000_000_007) | 0, 0x85ebca6b | 0) >>> 0) % 10000).padStart(4, '0');
  const fraction = `${iso.slice(20, 23)}${extra}`.slice(0, digits).replace(/0+$/, '');
  return `${iso.slice(0, 19)}${fraction ? `.${fraction}` : ''}`;
}

const DIGITS = [7, 7, 6, 2, 7, 5];

export function toRunScript(s: FabricJobScript): RunScript {
  const final =
    s.final === 'Completed' || s.final === undefined ? 'Succeeded' : s.final === 'Failed' ? 'Failed' : 'Cancelled';
  return {
    ...(s.phases
      ? {
          phases: s.phases.map((p) => ({
            status: p.status === 'NotStarted' ? ('Queued' as const) : p.status,
            ms: p.ms,
          })),
        }
      : s.final === 'Deduped'
        ? { phases: [] }
        : {}),
    final,
    ...(s.activities ? { activities: s.activities } : {}),
  };
}

export class FabricJobs {
  readonly engine: RunEngine;
  readonly byId = new Map<string, FabricJob>();
  private readonly config: EmulatorConfig;

  constructor(config: EmulatorConfig, findItemPipeline: (ws: string, name: string) => FabricItem | undefined) {
    this.config = config;
    this.engine = new RunEngine(
      config,
      (sibling, name) => findItemPipeline(sibling.factory.factoryName, name)?.pipeline,
    );
  }

  get(id: string): FabricJob | undefined {
    return this.byId.get(id.toLowerCase());
  }

  list(): FabricJob[] {
    return [...this.byId.values()];
  }

  create(
    ws: FabricWorkspace,
    item: FabricItem,
    input: {
      id: string;
      jobType: string;
      requestId: string;
      body: unknown;
      query: Record<string, string>;
      parameters: Record<string, unknown>;
      principal?: { appid?: string; oid?: string };
    },
    now = Date.now(),
  ): FabricJob {
    const script = item.nextScripts.shift() ?? item.script ?? {};
    const run = this.engine.create(
      {
        pipeline: item.pipeline,
        parameters: input.parameters,
        body: input.body,
        query: input.query,
        script: toRunScript(script),
        runId: input.id,
        service: 'fabric',
        ...(input.principal ? { principal: input.principal } : {}),
      },
      now,
    );
    let h = 0;
    for (const c of input.id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
    const job: FabricJob = {
      id: input.id,
      workspaceId: ws.id,
      itemId: item.id,
      jobType: input.jobType,
      invokeType: 'Manual',
      rootActivityId: input.requestId,
      createdAt: now,
      script,
      body: input.body,
      query: input.query,
      parameters: input.parameters,
      run,
      digits: DIGITS[h % DIGITS.length]!,
    };
    this.byId.set(job.id.toLowerCase(), job);
    return job;
  }

  private startedAt(job: FabricJob): number {
    return job.createdAt + job.run.startOffset;
  }

  /** true once the status has reached its final value (after fabricStatusLagMs) */
  isFinal(job: FabricJob, now = Date.now()): boolean {
    const s = this.status(job, now);
    return s === 'Completed' || s === 'Failed' || s === 'Cancelled' || s === 'Deduped';
  }

  status(job: FabricJob, now = Date.now()): FabricJobStatus {
    const run = job.run;
    const s = this.engine.status(run, now);
    if (run.cancelledAt !== undefined) {
      if (s === 'Cancelled') return 'Cancelled';
      return now < this.startedAt(job) || run.cancelledAt < this.startedAt(job) ? 'NotStarted' : 'InProgress';
    }
    if (s === 'Queued') return 'NotStarted';
    if (s === 'InProgress' || s === 'Canceling') return 'InProgress';
    if (job.script.final === 'Deduped') return 'Deduped';
    if (now < this.engine.finishedAt(run) + this.config.fabricStatusLagMs) return 'InProgress';
    return s === 'Succeeded' ? 'Completed' : s === 'Failed' ? 'Failed' : 'Cancelled';
  }

  /** The job instance as GET returns it; `requestId` is the RequestId of that answer (failureReason repeats it). */
  view(job: FabricJob, requestId: string, now = Date.now()): ItemJobInstance {
    const status = this.status(job, now);
    const t = (ms: number) => fabricTime(ms, job.digits);
    const started =
      now >= this.startedAt(job) && (job.run.cancelledAt === undefined || job.run.cancelledAt >= this.startedAt(job));
    // While NotStarted the start time is the scheduling time; it changes once the job runs (as recorded).
    const start = started ? this.startedAt(job) : job.createdAt + 50;
    const ended = status === 'Completed' || status === 'Failed' || status === 'Cancelled' || status === 'Deduped';
    let failureReason: Record<string, unknown> | null = null;
    if (status === 'Failed') {
      const f = job.script.failureReason ?? {};
      failureReason = {
        requestId,
        errorCode: f.errorCode ?? 'JobInstanceStatusFailed',
        message: f.message ?? 'Job instance failed without detail error',
        isRetriable: f.isRetriable ?? false,
      };
    }
    return {
      id: job.id,
      itemId: job.itemId,
      jobType: job.jobType,
      invokeType: job.invokeType,
      status,
      failureReason,
      rootActivityId: job.rootActivityId,
      startTimeUtc: t(status === 'Deduped' ? job.createdAt : start),
      endTimeUtc: ended ? t(status === 'Deduped' ? job.createdAt : this.engine.finishedAt(job.run)) : null,
    };
  }

  /** ADF-style activity runs in the shape of Microsoft's queryactivityruns doc (key order as there). */
  activityRuns(job: FabricJob, now = Date.now()): Array<Record<string, unknown>> {
    return this.engine.activityRuns(job.run, now).map((a: ActivityRunView) => ({
      pipelineName: a.pipelineName,
      pipelineRunId: a.pipelineRunId,
      activityName: a.activityName,
      activityType: a.activityType,
      activityRunId: a.activityRunId,
      linkedServiceName: a.linkedServiceName,
      status: a.status,
      activityRunStart: a.activityRunStart,
      activityRunEnd: a.activityRunEnd,
      durationInMs: a.durationInMs,
      input: a.input,
      output: this.config.fabricActivityBilling ? a.output : withoutBilling(a.output),
      error: { ...a.error, details: '' },
      retryAttempt: a.retryAttempt,
      iterationHash: '',
      userProperties: a.userProperties,
      recoveryStatus: 'None',
      integrationRuntimeNames: null,
      executionDetails: null,
      id: `/SUBSCRIPTIONS/${job.workspaceId}/RESOURCEGROUPS/${job.workspaceId}/PROVIDERS/MICROSOFT.TRIDENT/WORKSPACES/${job.workspaceId}/pipelineruns/${job.id}/activityruns/${a.activityRunId}`,
    }));
  }
}

/** Whether Fabric's activity runs carry ADF's billingReference is not verified: left out by default. */
function withoutBilling(output: Record<string, unknown>): Record<string, unknown> {
  const { billingReference: _, ...rest } = output;
  return rest;
}
