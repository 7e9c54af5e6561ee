// The run as every layer sees it, whatever the service: one status vocabulary, the run, its
// activities and what a start asks for. Types and the few pure helpers that read them.

/** One status vocabulary for every service (the contract's `status` output). */
export type RunStatus = 'Queued' | 'InProgress' | 'Succeeded' | 'Failed' | 'Canceling' | 'Cancelled';
export const FINAL_STATUSES: readonly string[] = ['Succeeded', 'Failed', 'Cancelled'];
export const isFinal = (status: string | undefined): boolean => FINAL_STATUSES.includes(status ?? '');

/**
 * A status a service adds later is not final (the wait goes on, until `timeout` at worst) and reads
 * `InProgress`, so `status` keeps to the one vocabulary; the message names what the service said
 * (its own object, in the `run` output, keeps it as it is).
 */
export function unknownStatusMessage(service: string, status: string): string {
  return `${service} reports the status '${status}', which this action does not know; it is treated as still running.`;
}

/** A run as the lifecycle sees it, read from the service's own object. */
export interface RunView {
  runId: string;
  pipelineName: string;
  status: RunStatus;
  /** The service's message ('' when it has none). */
  message: string;
  /** ISO 8601 UTC, ending in Z. */
  runStart?: string;
  runEnd?: string;
  durationMs?: number;
  /** Parameters as the service echoes them (ADF and Synapse: strings), where it does. */
  parameters?: Record<string, unknown>;
  /** Who started it: 'Manual' for API runs; triggers and parent pipelines say so. */
  invokedByType?: string;
  /** ADF, Synapse: the run group (the first run's ID) that recovery runs join. */
  runGroupId?: string;
  /** ADF, Synapse: whether the service calls it the latest run of its group. */
  isLatest?: boolean;
  /** ADF, Synapse: a recovery run (its group is an earlier run's); the services return no other rerun field. */
  recovery?: boolean;
  /** The service's own object, for the `run` output. */
  raw: Record<string, unknown>;
}

/** Addresses a run: Fabric needs the pipeline (item) as well as the run ID. */
export interface RunRef {
  runId: string;
  pipelineName: string;
}

/** An activity run in ADF's shape, which Synapse and Fabric share. */
export interface ActivityRun {
  pipelineName?: string;
  pipelineRunId?: string;
  activityName: string;
  activityType?: string;
  activityRunId?: string;
  status?: string;
  activityRunStart?: string | null;
  activityRunEnd?: string | null;
  durationInMs?: number | null;
  input?: unknown;
  output?: { pipelineRunId?: string; pipelineName?: string; [key: string]: unknown } | null;
  error?: { errorCode?: string; message?: string; failureType?: string; target?: string } | null;
  [key: string]: unknown;
}

export interface RerunFlags {
  referencePipelineRunId?: string;
  isRecovery?: boolean;
  startActivityName?: string;
  startFromFailure?: boolean;
}

export interface StartRequest {
  pipelineName: string;
  parameters: Record<string, unknown>;
  flags: RerunFlags;
  /** Sent as the client request ID; ADF and Synapse take it as the run ID. */
  clientRequestId?: string;
}

export interface RunQuery {
  pipelineName: string;
  /** Only runs in these statuses (all when absent). */
  statuses?: RunStatus[];
  /** Runs updated in this window. */
  after: Date;
  before: Date;
  /** At most this many runs, newest first, are needed (services stop paging once they have them). */
  limit?: number;
}

/** Service timestamps as the contract's outputs want them: UTC, ending in Z (Fabric's lack the zone). */
export function utcTimestamp(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  return /(?:Z|[+-]\d\d:?\d\d)$/i.test(value) ? value : `${value}Z`;
}

/** The child pipeline an Execute Pipeline activity ran (Synapse needs it in the activity-runs path). */
export function childPipeline(a: ActivityRun): string {
  const fromOutput = a.output?.pipelineName;
  if (typeof fromOutput === 'string' && fromOutput) return fromOutput;
  const ref = (a.input as { pipeline?: { referenceName?: unknown } } | undefined)?.pipeline?.referenceName;
  return typeof ref === 'string' ? ref : '';
}
