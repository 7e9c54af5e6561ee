// Pipeline runs driven by scripts. A run's state is a pure function of wall-clock time since
// createRun (plus any cancel request), so tests can use real, short runs without fake timers.
import type { Pipeline } from './state.ts';
import type { ActivityScript, ActivityStatus, EmulatorConfig, RunScript, RunStatus } from './types.ts';
import { billingReference, executionDetails } from './activity-billing.ts';
import { adfDurationMs, adfTime } from './time.ts';
import { guid, hex32 } from './util.ts';

const DEFAULT_QUEUED_MS = 200;
const DEFAULT_IN_PROGRESS_MS = 800;
const DEFAULT_ACTIVITY_MS = 300;

interface ResolvedActivity {
  script: ActivityScript;
  activityRunId: string;
  /** ms after createdAt */
  start: number;
  end: number;
}

interface ResolvedPhase {
  status: 'Queued' | 'InProgress';
  start: number;
  end: number;
}

export interface CancelRequest {
  at: number;
  /** null when the query had no isRecursive */
  isRecursive: boolean | null;
  query: Record<string, string>;
}

/** Which API created the run (child runs inherit their parent's). */
export type RunService = 'data-factory' | 'synapse' | 'fabric';

export interface RunRecord {
  runId: string;
  service: RunService;
  /** the x-ms-client-request-id of the createRun that started it (whether or not it became the run ID) */
  clientRequestId?: string;
  /** later createRuns that repeated clientRequestId and were answered with this run instead of starting one */
  repeatedCreates: Array<{ at: number; clientRequestId: string }>;
  runGroupId: string;
  pipelineName: string;
  subscriptionId: string;
  resourceGroup: string;
  factoryName: string;
  /** effective parameter values (defaults merged with what was sent, or the referenced run's) */
  parameters: Record<string, unknown>;
  /** the createRun body exactly as parsed (null when there was none) */
  body: unknown;
  /** the createRun query string as received */
  query: Record<string, string>;
  referencePipelineRunId?: string;
  isRecovery?: boolean;
  startActivityName?: string;
  startFromFailure?: boolean;
  createdAt: number;
  /** extra Queued time because the pipeline's concurrency was used up */
  queueDelayMs: number;
  script: RunScript;
  invokedBy: Record<string, string>;
  parentRunId?: string;
  parentActivityName?: string;
  childRunIds: string[];
  cancelRequests: CancelRequest[];
  /** first accepted cancel of a running run */
  cancelledAt?: number;
  /** who created it (from the access token) */
  principal?: { appid?: string; oid?: string };
  runDimensions: Record<string, string>;
  annotations: string[];
  /** the pipeline definition the run was created from */
  pipeline: Pipeline;
  /** resolved timeline; times are ms after createdAt */
  phases: ResolvedPhase[];
  activities: ResolvedActivity[];
  /** ms after createdAt when the run leaves Queued */
  startOffset: number;
  /** ms after createdAt when the script's final status is reached */
  endOffset: number;
}

/**
 * A pipeline run as GET pipelineruns/{id} and queryPipelineRuns rows return it, with the fields in
 * the order real ADF sends them (azure-powershell__TestPipelineRunV2.json).
 */
export interface PipelineRunView {
  /** upper-cased up to the factory, `/pipelineruns/{runId}` as is */
  id: string;
  runId: string;
  debugRunId: null;
  runGroupId: string;
  pipelineName: string;
  parameters: Record<string, string>;
  invokedBy: Record<string, string>;
  runStart: string | null;
  runEnd: string | null;
  durationInMs: number | null;
  status: RunStatus;
  /** null while Queued, "" while InProgress/Canceling and when Succeeded/Cancelled, text when Failed */
  message: string | null;
  lastUpdated: string;
  annotations: string[];
  /** singular, as real ADF sends it (the spec's schema says runDimensions) */
  runDimension: Record<string, string>;
  isLatest: boolean;
}

export interface ActivityRunView {
  activityRunEnd: string | null;
  activityName: string;
  activityRunStart: string;
  activityType: string;
  durationInMs: number | null;
  retryAttempt: null;
  error: Record<string, string>;
  activityRunId: string;
  input: Record<string, unknown>;
  linkedServiceName: string;
  output: Record<string, unknown>;
  userProperties: Record<string, unknown>;
  pipelineName: string;
  pipelineRunId: string;
  status: string;
  executionDetails?: Record<string, unknown>;
}

export interface CreateRunInput {
  pipeline: Pipeline;
  parameters: Record<string, unknown>;
  body: unknown;
  query: Record<string, string>;
  script: RunScript;
  runGroupId?: string;
  referencePipelineRunId?: string;
  isRecovery?: boolean;
  startActivityName?: string;
  startFromFailure?: boolean;
  principal?: { appid?: string; oid?: string };
  /** the run ID to use (from claimClientRequestId); default random */
  runId?: string;
  clientRequestId?: string;
  service?: RunService;
}

/** `id` of a run view: ADF upper-cases the path up to the factory; the run id keeps its case. */
export function pipelineRunResourceId(
  run: Pick<RunRecord, 'subscriptionId' | 'resourceGroup' | 'factoryName' | 'runId'>,
): string {
  const factory = `/subscriptions/${run.subscriptionId}/resourceGroups/${run.resourceGroup}/providers/Microsoft.DataFactory/factories/${run.factoryName}`;
  return `${factory.toUpperCase()}/pipelineruns/${run.runId}`;
}

/**
 * The run ID a client request ID stands for: a GUID as it is (lower-cased), or 32 hex digits re-formatted as a
 * GUID (what Synapse did with the .NET SDK's dash-less IDs). Anything else: undefined.
 */
export function runIdFromClientRequestId(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const h = header.trim().toLowerCase();
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(h)) return h;
  if (/^[0-9a-f]{32}$/.test(h))
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  return undefined;
}

/** What claimClientRequestId decided for one createRun. */
export type ClientRequestClaim =
  { existing: RunRecord } | { existing?: undefined; runId?: string; clientRequestId?: string };

/** ADF stores run parameters as strings: non-strings are JSON-serialized (see PipelineRuns_Get.json). */
export function stringifyParameters(p: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(p)) out[k] = typeof v === 'string' ? v : JSON.stringify(v);
  return out;
}

/** A rough idea of how long a script takes, used to size parents of child runs. */
export function estimateScriptMs(script: RunScript | undefined): number {
  const { phases } = resolveTimeline(script ?? {});
  return phases.length ? phases[phases.length - 1]!.end : 0;
}

function resolveTimeline(script: RunScript): {
  phases: ResolvedPhase[];
  activities: Omit<ResolvedActivity, 'activityRunId'>[];
} {
  const acts = script.activities ?? [];
  const explicitPhases = script.phases;
  const explicitInProgress = explicitPhases?.filter((p) => p.status === 'InProgress').reduce((s, p) => s + p.ms, 0);
  // Activities without timing run one after the other; with explicit phases they share the InProgress time.
  const slot =
    explicitInProgress !== undefined && acts.length > 0
      ? Math.floor(explicitInProgress / acts.length)
      : DEFAULT_ACTIVITY_MS;
  let cursor = 0;
  const rel = acts.map((a) => {
    const start = a.startMs ?? cursor;
    const duration = a.durationMs ?? (a.child ? Math.max(estimateScriptMs(a.child.script), 50) : slot);
    cursor = start + duration;
    return { script: a, start, end: start + duration };
  });
  const needed = rel.reduce((m, a) => Math.max(m, a.end), 0);
  const phaseList = explicitPhases ?? [
    { status: 'Queued' as const, ms: DEFAULT_QUEUED_MS },
    { status: 'InProgress' as const, ms: Math.max(DEFAULT_IN_PROGRESS_MS, needed + 50) },
  ];
  let t = 0;
  const phases = phaseList.map((p) => {
    const r = { status: p.status, start: t, end: t + p.ms };
    t += p.ms;
    return r;
  });
  const firstRunning = phases.find((p) => p.status !== 'Queued');
  const base = firstRunning ? firstRunning.start : t;
  return {
    phases,
    activities: rel.map((a) => ({
      script: a.script,
      start: base + a.start,
      end: Math.min(base + a.end, Math.max(t, base + a.start)),
    })),
  };
}

export class RunEngine {
  /** insertion-ordered: creation order */
  readonly byId = new Map<string, RunRecord>();
  private readonly config: EmulatorConfig;
  /** a pipeline of the same factory as `sibling`, by name */
  private readonly findPipeline: (sibling: Pipeline, name: string) => Pipeline | undefined;

  constructor(config: EmulatorConfig, findPipeline: (sibling: Pipeline, name: string) => Pipeline | undefined) {
    this.config = config;
    this.findPipeline = findPipeline;
  }

  get(runId: string): RunRecord | undefined {
    return this.byId.get(runId.toLowerCase());
  }

  list(): RunRecord[] {
    return [...this.byId.values()];
  }

  /**
   * createRun and run identity (real-recordings README): with config.honourClientRequestId, a GUID-like
   * x-ms-client-request-id becomes the run ID, and a repeat of an earlier one answers with that run (noted in
   * its repeatedCreates) instead of starting another. Pass the result's fields on to create().
   */
  claimClientRequestId(header: string | undefined, now = Date.now()): ClientRequestClaim {
    const clientRequestId = header === undefined || header === '' ? undefined : header;
    const base = clientRequestId !== undefined ? { clientRequestId } : {};
    if (!this.config.honourClientRequestId) return base;
    const runId = runIdFromClientRequestId(clientRequestId);
    if (runId === undefined) return base;
    const existing = this.get(runId);
    if (existing) {
      existing.repeatedCreates.push({ at: now, clientRequestId: clientRequestId! });
      return { existing };
    }
    return { ...base, runId };
  }

  create(input: CreateRunInput, now = Date.now(), parent?: { run: RunRecord; activity: string }): RunRecord {
    const runId = input.runId ?? guid();
    const runGroupId = input.runGroupId ?? runId;
    let script = input.script;
    if (input.isRecovery && script.activities) script = this.recoveryScript(input, script, now);
    script = this.resolveFailTimes(script, runGroupId, input.pipeline, now);
    // Children without their own script run their pipeline's script: size the parent for it.
    if (script.activities?.some((a) => a.child && !a.child.script)) {
      script = {
        ...script,
        activities: script.activities.map((a) => {
          if (!a.child || a.child.script) return a;
          const childPipeline = this.findPipeline(input.pipeline, a.child.pipelineName);
          return childPipeline ? { ...a, child: { ...a.child, script: childPipeline.script ?? {} } } : a;
        }),
      };
    }
    const tl = resolveTimeline(script);
    const queueDelayMs = parent ? 0 : this.queueDelay(input.pipeline, now);
    const shift = (ms: number) => ms + queueDelayMs;
    const phases: ResolvedPhase[] = [
      ...(queueDelayMs > 0 ? [{ status: 'Queued' as const, start: 0, end: queueDelayMs }] : []),
      ...tl.phases.map((p) => ({ status: p.status, start: shift(p.start), end: shift(p.end) })),
    ];
    const endOffset = phases.length ? phases[phases.length - 1]!.end : 0;
    const firstRunning = phases.find((p) => p.status !== 'Queued');
    const f = input.pipeline.factory;
    const run: RunRecord = {
      runId,
      service: input.service ?? parent?.run.service ?? 'data-factory',
      ...(input.clientRequestId !== undefined ? { clientRequestId: input.clientRequestId } : {}),
      repeatedCreates: [],
      runGroupId,
      pipelineName: input.pipeline.name,
      subscriptionId: f.subscriptionId,
      resourceGroup: f.resourceGroup,
      factoryName: f.factoryName,
      parameters: input.parameters,
      body: input.body,
      query: input.query,
      createdAt: now,
      queueDelayMs,
      script,
      invokedBy: parent
        ? {
            id: hex32(),
            name: parent.activity,
            invokedByType: 'PipelineActivity',
            pipelineName: parent.run.pipelineName,
            pipelineRunId: parent.run.runId,
          }
        : { id: hex32(), name: 'Manual', invokedByType: 'Manual' },
      childRunIds: [],
      cancelRequests: [],
      runDimensions: {},
      annotations: [],
      pipeline: input.pipeline,
      phases,
      activities: tl.activities.map((a) => ({ ...a, start: shift(a.start), end: shift(a.end), activityRunId: guid() })),
      startOffset: firstRunning ? firstRunning.start : endOffset,
      endOffset,
      ...(parent ? { parentRunId: parent.run.runId, parentActivityName: parent.activity } : {}),
      ...(input.referencePipelineRunId !== undefined ? { referencePipelineRunId: input.referencePipelineRunId } : {}),
      ...(input.isRecovery !== undefined ? { isRecovery: input.isRecovery } : {}),
      ...(input.startActivityName !== undefined ? { startActivityName: input.startActivityName } : {}),
      ...(input.startFromFailure !== undefined ? { startFromFailure: input.startFromFailure } : {}),
      ...(input.principal !== undefined ? { principal: input.principal } : {}),
    };
    this.byId.set(runId.toLowerCase(), run);
    if (parent) parent.run.childRunIds.push(runId);
    return run;
  }

  /**
   * What a recovery run reruns (ADF, Synapse). `startActivityName`: that activity and those after it.
   * `startFromFailure`: the first activity that did not succeed in the reference run and those
   * after it, except activities that succeeded there beside it (parallel, started before it ended).
   * Neither: everything, from the start. Activities not rerun are not listed as activity runs of
   * the recovery run, and their time is saved.
   */
  private recoveryScript(input: CreateRunInput, script: RunScript, now: number): RunScript {
    const acts = script.activities ?? [];
    let keep: boolean[] | undefined;
    if (input.startActivityName !== undefined) {
      const i = acts.findIndex((a) => a.name === input.startActivityName);
      if (i > 0) keep = acts.map((_, j) => j >= i);
    } else if (input.startFromFailure && input.referencePipelineRunId) {
      const ref = this.get(input.referencePipelineRunId);
      if (ref) {
        const outcome = new Map(this.activityRuns(ref, now).map((a) => [a.activityName, a.status]));
        const first = acts.findIndex((a) => outcome.get(a.name) !== 'Succeeded');
        const failed = first < 0 ? undefined : ref.activities.find((a) => a.script.name === acts[first]!.name);
        if (first > 0 || (first === 0 && failed)) {
          keep = acts.map((a, j) => {
            if (j < first) return false;
            const there = ref.activities.find((r) => r.script.name === a.name);
            const besideIt = there && failed && there.start < failed.end;
            return !(outcome.get(a.name) === 'Succeeded' && besideIt);
          });
        }
      }
    }
    return keep ? keepActivities(script, keep) : script;
  }

  /**
   * Activities with `failTimes` fail or succeed by how many runs ran them before: runs of the group,
   * or (`failPer: 'pipeline'`) top-level runs of the pipeline in the same factory or workspace.
   */
  private resolveFailTimes(script: RunScript, runGroupId: string, pipeline: Pipeline, now: number): RunScript {
    const acts = script.activities;
    if (!acts?.some((a) => a.failTimes !== undefined)) return script;
    const sameGroup = this.list().filter((r) => r.runGroupId === runGroupId);
    const samePipeline = this.list().filter((r) => r.pipeline === pipeline && !r.parentRunId);
    let failing = false;
    const activities = acts.map((a): ActivityScript => {
      if (a.failTimes === undefined) return a;
      const earlier = a.failPer === 'pipeline' ? samePipeline : sameGroup;
      const ranBefore = earlier.filter((r) => this.started(r, a.name, now)).length;
      if (ranBefore < a.failTimes) {
        failing = true;
        return { ...a, status: 'Failed', error: a.error ?? TRANSIENT_ERROR };
      }
      return { ...a, status: 'Succeeded' };
    });
    const othersFail = activities.some((a) => a.failTimes === undefined && a.status === 'Failed');
    return { ...script, activities, final: failing || othersFail ? 'Failed' : 'Succeeded' };
  }

  /** Whether the run has started that activity by `now` (and not been cancelled before it). */
  private started(run: RunRecord, activityName: string, now: number): boolean {
    const a = run.activities.find((x) => x.script.name === activityName);
    if (!a) return false;
    const at = run.createdAt + a.start;
    return at <= now && (run.cancelledAt === undefined || at < run.cancelledAt);
  }

  /**
   * FIFO queueing for Pipeline.concurrency: the new run waits until fewer than `concurrency` runs of
   * the pipeline hold a slot. Computed once at creation from the other runs' projected ends, so a
   * later cancel does not pull queued runs forward (good enough for tests).
   */
  private queueDelay(p: Pipeline, now: number): number {
    const limit = p.concurrency;
    if (!limit || limit < 1) return 0;
    const others = this.list()
      .filter(
        (r) =>
          !r.parentRunId &&
          r.pipelineName.toLowerCase() === p.name.toLowerCase() &&
          r.factoryName.toLowerCase() === p.factory.factoryName.toLowerCase() &&
          this.finishedAt(r) > now,
      )
      .map((r) => ({ from: r.createdAt + r.queueDelayMs, to: this.finishedAt(r) }));
    const earliest = Math.max(now, ...others.map((o) => o.from));
    const candidates = [earliest, ...others.map((o) => o.to).filter((t) => t > earliest)].sort((a, b) => a - b);
    for (const t of candidates) {
      if (others.filter((o) => o.from <= t && t < o.to).length < limit) return t - now;
    }
    return 0;
  }

  /** When the run reaches (or reached) its final status. */
  finishedAt(run: RunRecord): number {
    if (run.cancelledAt !== undefined) return run.cancelledAt + this.config.cancelDelayMs;
    return run.createdAt + run.endOffset;
  }

  status(run: RunRecord, now = Date.now()): RunStatus {
    if (run.cancelledAt !== undefined)
      return now < run.cancelledAt + this.config.cancelDelayMs ? 'Canceling' : 'Cancelled';
    const t = now - run.createdAt;
    if (t >= run.endOffset) return run.script.final ?? 'Succeeded';
    return run.phases.find((p) => t >= p.start && t < p.end)?.status ?? 'Queued';
  }

  isFinal(run: RunRecord, now = Date.now()): boolean {
    const s = this.status(run, now);
    return s === 'Succeeded' || s === 'Failed' || s === 'Cancelled';
  }

  /**
   * Request cancellation. Returns false when the run had already ended (the caller decides what to
   * answer). With `isRecursive`, child runs that are still going are cancelled too.
   */
  cancel(run: RunRecord, isRecursive: boolean | null, query: Record<string, string>, now = Date.now()): boolean {
    this.tick(now);
    run.cancelRequests.push({ at: now, isRecursive, query });
    if (this.isFinal(run, now)) return false;
    if (run.cancelledAt === undefined) run.cancelledAt = now;
    if (isRecursive) {
      for (const id of run.childRunIds) {
        const child = this.get(id);
        if (child && !this.isFinal(child, now)) this.cancel(child, true, query, now);
      }
    }
    return true;
  }

  /** Start the child runs whose ExecutePipeline activity has started by `now` (repeat for grandchildren). */
  tick(now = Date.now()): void {
    for (let changed = true; changed;) {
      changed = false;
      for (const run of this.list()) {
        for (const a of run.activities) {
          const child = a.script.child;
          if (!child) continue;
          const startAbs = run.createdAt + a.start;
          if (startAbs > now) continue;
          if (run.cancelledAt !== undefined && startAbs >= run.cancelledAt) continue;
          if (this.childOf(run, a.script.name)) continue;
          const parentPipeline = this.pipelineOf(run);
          const pipeline = parentPipeline && this.findPipeline(parentPipeline, child.pipelineName);
          if (!pipeline) continue;
          const params = child.parameters ?? {};
          this.create(
            { pipeline, parameters: params, body: params, query: {}, script: child.script ?? pipeline.script ?? {} },
            startAbs,
            { run, activity: a.script.name },
          );
          changed = true;
        }
      }
    }
  }

  private pipelineOf(run: RunRecord): Pipeline | undefined {
    return run.pipeline;
  }

  private childOf(run: RunRecord, activityName: string): RunRecord | undefined {
    for (const id of run.childRunIds) {
      const c = this.get(id);
      if (c?.parentActivityName === activityName) return c;
    }
    return undefined;
  }

  private failedActivityMessage(run: RunRecord): string {
    const failed = run.activities.find((a) => (a.script.status ?? 'Succeeded') === 'Failed');
    if (!failed) return '';
    return `Operation on target ${failed.script.name} failed: ${failed.script.error?.message ?? defaultError(failed.script).message}`;
  }

  view(run: RunRecord, now = Date.now()): PipelineRunView {
    const status = this.status(run, now);
    const created = run.createdAt;
    const startAbs = created + run.startOffset;
    const cancelled = run.cancelledAt;
    const naturalEnd = created + run.endOffset;
    const legacy = this.config.legacyRunTimes;
    let runStart: number | null;
    if (!legacy) {
      // Real ADF sets runStart already while Queued (azure-powershell__TestPipelineRunV2.json).
      runStart = created;
    } else {
      runStart = null;
      if (now >= startAbs && (cancelled === undefined || startAbs <= cancelled)) runStart = startAbs;
      else if (cancelled !== undefined) runStart = cancelled;
    }
    let runEnd: number | null = null;
    if (status === 'Succeeded' || status === 'Failed') runEnd = naturalEnd;
    // A Cancelled run has runEnd and durationInMs (Synapse recordings); the legacy mode keeps them null.
    else if (status === 'Cancelled' && !legacy) runEnd = cancelled! + this.config.cancelDelayMs;
    // lastUpdated: the latest status change that has happened by now (= runEnd once terminal).
    let transitions = [created, ...run.phases.map((p) => created + p.start), naturalEnd];
    if (cancelled !== undefined)
      transitions = [...transitions.filter((t) => t < cancelled), cancelled, cancelled + this.config.cancelDelayMs];
    const lastUpdated = runEnd ?? Math.max(...transitions.filter((t) => t <= now));
    let message: string | null = '';
    if (status === 'Queued') message = legacy ? '' : null;
    else if (status === 'Failed') message = run.script.message ?? this.failedActivityMessage(run);
    else if (status === 'Cancelled' || status === 'Succeeded') message = run.script.message ?? '';
    return {
      id: pipelineRunResourceId(run),
      runId: run.runId,
      debugRunId: null,
      runGroupId: run.runGroupId,
      pipelineName: run.pipelineName,
      parameters: stringifyParameters(run.parameters),
      invokedBy: run.invokedBy,
      runStart: runStart === null ? null : adfTime(runStart),
      runEnd: runEnd === null ? null : adfTime(runEnd),
      durationInMs: runEnd !== null && runStart !== null ? adfDurationMs(runStart, runEnd) : null,
      status,
      message,
      lastUpdated: adfTime(lastUpdated),
      annotations: run.annotations,
      runDimension: run.runDimensions,
      isLatest: this.isLatest(run),
      ...(run.script.runExtra && (status === 'Succeeded' || status === 'Failed' || status === 'Cancelled')
        ? run.script.runExtra
        : {}),
    };
  }

  /** Whether queryPipelineRuns lists the run yet (GET pipelineruns/{id} sees it at once). */
  visibleToQueries(run: RunRecord, now = Date.now()): boolean {
    return now >= run.createdAt + this.config.queryVisibilityDelayMs;
  }

  /** The newest run of a run group is the latest one. */
  isLatest(run: RunRecord): boolean {
    let latest: RunRecord | undefined;
    for (const r of this.byId.values())
      if (r.runGroupId === run.runGroupId && (!latest || r.createdAt >= latest.createdAt)) latest = r;
    return latest === run;
  }

  activityRuns(run: RunRecord, now = Date.now()): ActivityRunView[] {
    this.tick(now);
    const out: ActivityRunView[] = [];
    const cancelled = run.cancelledAt;
    const cancelDone = cancelled === undefined ? undefined : cancelled + this.config.cancelDelayMs;
    for (const a of run.activities) {
      const s = a.script;
      const startAbs = run.createdAt + a.start;
      if (startAbs > now) continue;
      if (cancelled !== undefined && startAbs >= cancelled) continue;
      let endAbs: number | null = run.createdAt + a.end;
      let status: string = s.status ?? 'Succeeded';
      const child = s.child ? this.childOf(run, s.name) : undefined;
      if (child && s.status === undefined) {
        // ExecutePipeline waits for its child: it ends when the child ends, with the child's outcome.
        endAbs = this.isFinal(child, now) ? this.finishedAt(child) : Number.POSITIVE_INFINITY;
        const cs = this.status(child, now);
        status = cs === 'Succeeded' || cs === 'Failed' || cs === 'Cancelled' ? cs : 'Succeeded';
      }
      if (cancelled !== undefined && cancelDone !== undefined && endAbs > cancelled) {
        // Running when the cancel arrived: InProgress while the run is Canceling, then Cancelled.
        if (now < cancelDone) {
          endAbs = null;
          status = 'InProgress';
        } else {
          endAbs = cancelDone;
          status = 'Cancelled';
        }
      } else if (endAbs > now) {
        endAbs = null;
        status = 'InProgress';
      }
      const done = endAbs !== null;
      let error: Record<string, string> = { errorCode: '', message: '', failureType: '', target: s.name };
      if (done && status === 'Failed') {
        const e =
          s.error ?? (child ? childError(this.view(child, now).message ?? '', s.child!.pipelineName) : defaultError(s));
        error = { ...e, target: s.name };
      }
      const output: Record<string, unknown> = done ? { ...(s.output ?? {}) } : {};
      if (child) Object.assign(output, { pipelineRunId: child.runId, pipelineName: child.pipelineName });
      const runtime = done ? executionDetails(s, this.config) : undefined;
      if (done && !('billingReference' in output)) {
        const ref = billingReference(s, endAbs! - startAbs, s.billing ?? this.config.activityBilling, output);
        if (ref !== undefined) output.billingReference = ref;
      }
      const input: Record<string, unknown> =
        s.input ??
        (s.child
          ? {
              pipeline: { referenceName: s.child.pipelineName, type: 'PipelineReference' },
              waitOnCompletion: true,
              parameters: s.child.parameters ?? {},
            }
          : {});
      out.push({
        activityRunEnd: endAbs === null ? null : adfTime(endAbs),
        activityName: s.name,
        activityRunStart: adfTime(startAbs),
        activityType: s.type,
        durationInMs: endAbs === null ? null : adfDurationMs(startAbs, endAbs),
        retryAttempt: null,
        error,
        activityRunId: a.activityRunId,
        input,
        linkedServiceName: '',
        output,
        userProperties: {},
        pipelineName: run.pipelineName,
        pipelineRunId: run.runId,
        status,
        // Beside `output`, as in a real response (azure-cli-extensions#8940); only where a runtime is known.
        ...(runtime ? { executionDetails: runtime } : {}),
      });
    }
    return out;
  }
}

/**
 * The script with only the kept activities, each at the time it had in the whole script, moved
 * up by the time of those left out before it: a recovery run is shorter by what it skips.
 */
function keepActivities(script: RunScript, keep: boolean[]): RunScript {
  const whole = resolveTimeline(script);
  const running = whole.phases.find((p) => p.status !== 'Queued');
  const base = running ? running.start : 0;
  const kept = whole.activities.filter((_, i) => keep[i]);
  if (kept.length === 0) return { ...script, activities: [] };
  const offset = Math.min(...kept.map((a) => a.start)) - base;
  const activities = kept.map((a) => ({
    ...a.script,
    startMs: a.start - base - offset,
    durationMs: a.end - a.start,
  }));
  if (!script.phases) return { ...script, activities };
  const inProgress = script.phases.filter((p) => p.status === 'InProgress').reduce((t, p) => t + p.ms, 0);
  const needed = Math.max(...activities.map((a) => a.startMs + a.durationMs));
  return {
    ...script,
    activities,
    phases: [
      ...script.phases.filter((p) => p.status === 'Queued'),
      { status: 'InProgress', ms: Math.max(needed + 50, inProgress - offset) },
    ],
  };
}

/**
 * What an activity scripted with `failTimes` fails with: a SystemError, as a Web activity reports
 * an endpoint that timed out (code 2108 in ADF's troubleshooting guide; the text is a guess).
 */
export const TRANSIENT_ERROR = {
  errorCode: '2108',
  message:
    "Error calling the endpoint 'https://api.emulator.invalid/refresh'. Response status code: 'NA - Unknown'. More details: Exception message: 'The operation has timed out.'",
  failureType: 'SystemError',
} as const;

function defaultError(s: ActivityScript): { errorCode: string; message: string; failureType: string } {
  return { errorCode: '2200', message: `Activity '${s.name}' failed.`, failureType: 'UserError' };
}

/** Guess at ExecutePipeline's error when its child fails (ADF's exact text is not documented). */
function childError(
  childMessage: string,
  pipelineName: string,
): { errorCode: string; message: string; failureType: string } {
  return {
    errorCode: '2011',
    message: childMessage || `The pipeline run of '${pipelineName}' failed.`,
    failureType: 'UserError',
  };
}

/** Activity status values the scripts may end with (re-exported for docs). */
export type { ActivityStatus };
