// What the run lifecycle needs from a pipeline service, and nothing more. Data Factory, Synapse and
// Fabric each implement it in their own folder; the lifecycle (src/run/) names none of them.
import type { CallOptions } from '../http/rest-client.js';
import type { ParameterDefinitions } from '../inputs/parameters.js';

export type ServiceKind = 'data-factory' | 'synapse' | 'fabric';
export const SERVICE_KINDS: readonly ServiceKind[] = ['data-factory', 'synapse', 'fabric'];

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

/**
 * The declared parameters, or why they cannot be read (then the parameters go unchecked).
 * `level`: 'warning' (the default) when the definition should be readable but is not; 'notice'
 * when the service offers none, which is shown only when there are parameters to check.
 */
export type DefinitionResult =
  { definitions: ParameterDefinitions } | { unavailable: string; level?: 'warning' | 'notice' };

export interface PipelineService {
  readonly kind: ServiceKind;
  /** For messages: "ADF", "Synapse", "Fabric". */
  readonly shortName: string;
  /** Where the link leads: "ADF Studio", "Synapse Studio", "the Fabric monitoring hub". */
  readonly studioName: string;
  /** What messages call the start request when it is not createRun (Fabric: "the job start"). */
  readonly startRequest?: string;
  /** Where the pipelines live, for the summary: label ("Factory") and what to show. */
  readonly home: { label: string; text: string };
  /** Whether createRun takes the client request ID as the run ID (exactly-once starts). */
  readonly runIdFromClientRequestId: boolean;

  /** Resolves names to what the service addresses (Fabric: workspace and item IDs). */
  prepare?(pipelineName: string, o?: CallOptions): Promise<void>;
  readDefinition(pipelineName: string, o?: CallOptions): Promise<DefinitionResult>;
  /** One attempt; never retried by the service itself (it may have started a run). */
  startRun(request: StartRequest, o?: CallOptions): Promise<{ runId: string }>;
  getRun(ref: RunRef, o?: CallOptions): Promise<RunView>;
  /**
   * The earliest time (ms epoch) the service asked the next status read of this run to be sent
   * (Fabric's Retry-After on the start's 202 and on polls); the wait loop does not poll earlier.
   */
  pollNotBefore?(ref: RunRef): number | undefined;
  cancelRun(ref: RunRef, recursive: boolean, o?: CallOptions): Promise<void>;
  /** One level: the activities of this run (child pipelines are read by the caller). */
  listActivityRuns(ref: RunRef & { runStart?: string }, o?: CallOptions): Promise<ActivityRun[]>;
  findRuns(query: RunQuery, o?: CallOptions): Promise<RunView[]>;
  /**
   * Many runs of this factory or workspace in one query (ADF, Synapse: queryPipelineRuns with
   * `PipelineName In [...]` over the window, matched by run ID on the client, since `RunId` is no
   * filter operand). A run the query does not show yet (visibility delay) is simply absent: the
   * caller reads it with getRun. Services without such a query (Fabric) leave it out.
   */
  readRuns?(refs: RunRef[], window: { after: Date; before: Date }, o?: CallOptions): Promise<RunView[]>;
  /** The monitoring link; '' where it cannot be built. */
  runUrl(ref: RunRef): string;
  /** Adds what to do (`hint`) to the service's own errors. */
  explain(e: unknown, pipelineName: string): Promise<void>;
}

/** Service timestamps as the contract's outputs want them: UTC, ending in Z (Fabric's lack the zone). */
export function utcTimestamp(value: unknown): string | undefined {
  if (typeof value !== 'string' || !value) return undefined;
  return /(?:Z|[+-]\d\d:?\d\d)$/i.test(value) ? value : `${value}Z`;
}
