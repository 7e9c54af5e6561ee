// What the run lifecycle needs from a pipeline service, and nothing more. Data Factory, Synapse and
// Fabric each implement it in their own folder; the lifecycle (src/run/) names none of them.
import type { CallOptions } from '../http/rest-client.js';
import type { ParameterDefinitions } from '../model/parameters.js';
import type { ServiceKind } from '../model/service-kind.js';
import type { ActivityRun, RunQuery, RunRef, RunView, StartRequest } from '../model/run.js';

/**
 * The declared parameters, or why they cannot be read (then the parameters go unchecked).
 * `level`: 'warning' (the default) when the definition should be readable but is not; 'notice'
 * when the service offers none, which is shown only when there are parameters to check.
 */
export type DefinitionResult =
  { definitions: ParameterDefinitions } | { unavailable: string; level?: 'warning' | 'notice' };

/**
 * Counts the HTTP pages a paged read spends (the billing read's caps): asked before each page,
 * including the first; `false` stops the read there and the rows read so far are returned.
 */
export interface PageGate {
  next(): boolean;
}

/** Options of a paged read. */
export interface PagedCallOptions extends CallOptions {
  pages?: PageGate;
}

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
  listActivityRuns(ref: RunRef & { runStart?: string }, o?: PagedCallOptions): Promise<ActivityRun[]>;
  findRuns(query: RunQuery, o?: CallOptions): Promise<RunView[]>;
  /**
   * Many runs of this factory or workspace in one query (ADF, Synapse: queryPipelineRuns with
   * `PipelineName In [...]` over the window, matched by run ID on the client, since `RunId` is no
   * filter operand). A run the query does not show yet (visibility delay) is simply absent: the
   * caller reads it with getRun. Services without such a query (Fabric) leave it out.
   */
  readRuns?(refs: RunRef[], window: { after: Date; before: Date }, o?: CallOptions): Promise<RunView[]>;
  /**
   * The newest run of a recovery group (ADF, Synapse: one queryPipelineRuns with `RunGroupId` and
   * `LatestOnly`, over the window; the newest `runStart` wins should several answer); undefined
   * when the query shows none (yet). Services without run groups (Fabric) leave it out.
   */
  latestInRunGroup?(
    runGroupId: string,
    window: { after: Date; before: Date },
    o?: CallOptions,
  ): Promise<RunView | undefined>;
  /**
   * Where the factory or workspace lives (an ARM region name such as `eastus`), for the cost
   * estimate of runs whose activities name no runtime location; one read. Services without an ARM
   * resource to read leave it out.
   */
  factoryLocation?(o?: CallOptions): Promise<string | undefined>;
  /** The monitoring link; '' where it cannot be built. */
  runUrl(ref: RunRef): string;
  /** Adds what to do (`hint`) to the service's own errors. */
  explain(e: unknown, pipelineName: string): Promise<void>;
}
