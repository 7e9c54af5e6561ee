// Public types of the emulator. Kept in one module so tests (and the CLI's scenario files)
// can import them without pulling in the servers.

export type Service = 'entra' | 'oidc' | 'arm' | 'synapse' | 'fabric' | 'github' | 'prices';

/** One request as it arrived at any of the three servers. */
export interface RecordedRequest {
  service: Service;
  /** e.g. 'createRun', 'getRun', 'token', 'idToken', 'openidConfig', 'unknown' */
  op: string;
  method: string;
  /** the raw (still percent-encoded) path, without the query string */
  path: string;
  query: Record<string, string>;
  /** lower-cased names; repeated headers joined with ', ' */
  headers: Record<string, string>;
  /** parsed JSON, form fields (application/x-www-form-urlencoded), the raw text, or null when empty */
  body: unknown;
  /** the HTTP status sent, or what happened instead; 0 while the request is still being processed */
  status: number | 'dropped' | 'hung';
  /** for `drop: 'after'`: the status the emulator would have answered with */
  wouldHaveBeen?: number;
  /** name of the fault that applied, if any (e.g. 'status:429', 'drop:after', 'latency') */
  fault?: string;
  /** Date.now() at arrival */
  at: number;
}

export interface StatusFault {
  status: number;
  /** seconds, sent as Retry-After */
  retryAfter?: number;
  /** error code: ARM code (e.g. 'InternalServerError') or Entra 'AADSTSnnnn' */
  code?: string;
  message?: string;
  /** wait this long before answering */
  latencyMs?: number;
}
export interface DropFault {
  /** 'before': destroy the socket without processing; 'after': process fully, then destroy it unanswered */
  drop: 'before' | 'after';
  latencyMs?: number;
}
export interface LatencyFault {
  latencyMs: number;
}
export interface HangFault {
  /** never answer; the socket stays open until the client gives up or the emulator closes */
  hang: true;
}
/**
 * Answer this request normally, then stop listening for `refuseForMs` (idle keep-alive sockets are
 * closed too), so new connections get ECONNREFUSED until the service listens again on the same port.
 */
export interface RefuseFault {
  refuseForMs: number;
}
export type Fault = StatusFault | DropFault | LatencyFault | HangFault | RefuseFault;

export interface FaultRule {
  service?: Service;
  /** one op or several */
  op?: string | string[];
  /** let this many matching calls pass first */
  skip?: number;
  /** how many matching calls get the fault (after `skip`); default 1; Infinity allowed */
  count?: number;
  fault: Fault;
}

export interface RandomFaultOptions {
  /** fraction (0..1) of matching requests that get a fault */
  rate: number;
  faults: Fault[];
  seed?: number;
  services?: Service[];
  ops?: string[];
}

export type ParameterType = 'String' | 'Int' | 'Float' | 'Bool' | 'Array' | 'Object' | 'SecureString';
export interface ParameterSpec {
  type: ParameterType;
  defaultValue?: unknown;
}

export type RunStatus = 'Queued' | 'InProgress' | 'Succeeded' | 'Failed' | 'Canceling' | 'Cancelled';
export type ActivityStatus = 'Succeeded' | 'Failed' | 'Skipped' | 'Cancelled';

export interface ActivityError {
  errorCode: string;
  message: string;
  failureType: string;
}

export interface ActivityScript {
  name: string;
  type: string;
  status?: ActivityStatus;
  /** ms after the run left Queued; default: one after the other */
  startMs?: number;
  durationMs?: number;
  error?: ActivityError;
  input?: Record<string, unknown>;
  output?: Record<string, unknown>;
  /** an ExecutePipeline activity that starts a child run of `pipelineName` with `script` */
  child?: { pipelineName: string; script?: RunScript; parameters?: Record<string, unknown> };
  /** the billingReference shape of this activity (default `config.activityBilling`); `output.billingReference` wins */
  billing?: 'object' | 'string' | 'none';
  /** the integration runtime it ran on: `executionDetails.integrationRuntime[0]` (type 'Managed', 'SelfHosted', 'ManagedVNet') */
  runtime?: { name?: string; type?: string; location: string };
  /**
   * Fails (with `error`, default TRANSIENT_ERROR: a SystemError) in the first `failTimes` runs of its
   * run group that run it, and succeeds after: the original run counts first, recovery runs
   * (`isRecovery`) are later runs of its group; a run started anew is a group of its own. The
   * run's final status follows (Failed while it fails, else Succeeded). `Infinity`: always.
   */
  failTimes?: number;
  /** What `failTimes` counts: runs of the activity's run group (default) or of its pipeline (any group). */
  failPer?: 'run-group' | 'pipeline';
}

export interface RunScript {
  /** default [{Queued, 200}, {InProgress, 800 or long enough for the activities}] */
  phases?: Array<{ status: 'Queued' | 'InProgress'; ms: number }>;
  /** default 'Succeeded' */
  final?: 'Succeeded' | 'Failed' | 'Cancelled';
  /** the run's message; default for Failed: "Operation on target {activity} failed: {error message}" */
  message?: string;
  activities?: ActivityScript[];
  /** extra fields merged into the run body once it has ended (e.g. a `pipelineReturnValue`) */
  runExtra?: Record<string, unknown>;
}

export interface FederatedCredential {
  issuer: string;
  subject: string;
  audiences: string[];
}

export interface ClientSpec {
  tenantId: string;
  clientId: string;
  secret?: string;
  federated?: FederatedCredential[];
  objectId?: string;
}

export interface FactorySpec {
  subscriptionId: string;
  resourceGroup: string;
  factoryName: string;
  location?: string;
}

export interface PipelineSpec extends FactorySpec {
  name: string;
  parameters?: Record<string, ParameterSpec>;
  script?: RunScript;
  /** max concurrent runs; further runs stay Queued until one ends */
  concurrency?: number;
  description?: string;
}

/** An error the emulator answers with where ADF's exact text is unknown. */
export interface ConfigurableError {
  status?: number;
  code: string;
  /** placeholders: {pipeline}, {factory}, {runId}, {status}, {names}, {path} (the resource path) */
  message: string;
  /** `error.target` (same placeholders); absent = no target key */
  target?: string;
  /** `error.details`; absent = no details key (ADF's own errors send `details: null`) */
  details?: null;
}

export interface EmulatorConfig {
  /** lifetime of Entra access tokens (s) */
  tokenLifetimeSec: number;
  /** lifetime of GitHub OIDC ID tokens (s) */
  idTokenLifetimeSec: number;
  /** `sub` of ID tokens */
  oidcSubject: string;
  /** claims of ID tokens on top of the defaults (job_workflow_ref, repository, ref, environment, ...) */
  oidcClaims: Record<string, unknown>;
  /** page size of queryActivityruns */
  activityPageSize: number;
  /** page size of queryPipelineRuns */
  runPageSize: number;
  /** how long a cancelled run stays `Canceling` before `Cancelled` */
  cancelDelayMs: number;
  /** cancelling a run that already ended: 'ok' answers 200, 'error' answers `cancelFinishedRunError` */
  cancelFinishedRun: 'ok' | 'error';
  cancelFinishedRunError: ConfigurableError;
  /** GET / createRun of a missing pipeline */
  pipelineNotFound: ConfigurableError;
  /** GET pipelineruns/{id} and queryActivityruns of a missing run */
  runNotFound: ConfigurableError;
  /** cancel of a missing run */
  cancelRunNotFound: ConfigurableError;
  /** createRun without a value for a parameter that has no default; null = accept (the run gets no value) */
  missingParameter: ConfigurableError | null;
  /** Azure region reported for factories */
  location: string;
  /** a new run shows up in queryPipelineRuns only this long after createRun (GET sees it at once) */
  queryVisibilityDelayMs: number;
  /**
   * 'one': a `RunGroupId` filter with other than one value answers 400 with ADF's text
   * (Azure/azure-sdk-for-net#22025), as real ADF does. 'any' (default, lenient): a list selects runs
   * of several groups, which older tests use to pick their runs.
   */
  runGroupIdValues: 'one' | 'any';
  /** page size of GET .../pipelines (more pipelines: a `nextLink` with a skip token) */
  pipelinePageSize: number;
  /**
   * The emulator's pre-recording run times: runStart only once the run leaves Queued, Cancelled runs
   * without runEnd/durationInMs, message "" while Queued. Default false (as recorded).
   */
  legacyRunTimes: boolean;

  // --- createRun and run identity (ADF and Synapse) ---
  /**
   * true: a createRun whose `x-ms-client-request-id` is a GUID (or 32 hex digits) gets that as its run ID, and a
   * createRun repeating an earlier one's ID starts nothing and answers with the earlier run. false: random run IDs,
   * every createRun starts a run.
   */
  honourClientRequestId: boolean;

  // --- Synapse workspace development endpoint ---
  /** the only accepted token audience (`aud`), exactly (no trailing slash) */
  synapseAudience: string;
  /** pipelines per page of GET /pipelines (nextLink beyond) */
  synapsePageSize: number;
  /** cancelling an ended Synapse run: 'ok' answers 200 empty (as recorded), 'error' answers cancelFinishedRunError */
  synapseCancelFinishedRun: 'ok' | 'error';

  // --- Microsoft Fabric REST API ---
  /** the only accepted token audience (`aud`) */
  fabricAudience: string;
  /** the tenant setting "Service principals can use Fabric APIs"; false = app-only tokens are refused */
  fabricServicePrincipalsEnabled: boolean;
  /** Retry-After (s) of the 202s of run and cancel (recorded: 60) */
  fabricRetryAfterSec: number;
  /** Retry-After (s) on polls of a job that has not ended; null = no header (recorded: 45, 3, then none) */
  fabricPollRetryAfterSec: number | null;
  /** how long `Completed`/`Failed` lag behind endTimeUtc (the job reads InProgress meanwhile; recorded ~110 s) */
  fabricStatusLagMs: number;
  /** entries per page of the workspace, item and job-instance lists */
  fabricPageSize: number;
  /** queryactivityruns answers a bare array ('array', as Microsoft's doc shows) or `{ value: [...] }` ('value') */
  fabricActivityRunsShape: 'array' | 'value';
  /** ended non-control activities carry `output.billingReference`: the object shape, the older JSON string, or none */
  activityBilling: 'object' | 'string' | 'none';
  /** a display name ('East US'): every activity on a runtime gets `executionDetails.integrationRuntime` there (null: only scripted `runtime`s) */
  integrationRuntimeLocation: string | null;
  /** Fabric activity runs keep the billingReference too (false: whether Fabric writes one is not verified) */
  fabricActivityBilling: boolean;
  /** cancelling an ended job instance */
  fabricJobAlreadyCompleted: { status: number; message: string };
}

export interface EmulatorOptions extends Partial<EmulatorConfig> {
  /** seed the default tenant, client, factory and pipelines (see seedDefault) */
  seed?: boolean;
  /** fixed ports instead of ephemeral ones */
  ports?: {
    entra?: number;
    oidc?: number;
    arm?: number;
    synapse?: number;
    fabric?: number;
    github?: number;
    prices?: number;
  };
}

// --- Synapse and Fabric ---

export interface SynapseWorkspaceSpec {
  workspace: string;
  /** default DEFAULTS.subscriptionId / resourceGroup: they only appear in ids and error texts */
  subscriptionId?: string;
  resourceGroup?: string;
}

export interface SynapsePipelineSpec extends SynapseWorkspaceSpec {
  name: string;
  parameters?: Record<string, ParameterSpec>;
  script?: RunScript;
  concurrency?: number;
  description?: string;
}

export type FabricJobStatus = 'NotStarted' | 'InProgress' | 'Completed' | 'Failed' | 'Cancelled' | 'Deduped';

/** A Fabric job instance's life. Phases and activities work as in RunScript. */
export interface FabricJobScript {
  /** default [{NotStarted, 200}, {InProgress, long enough for the activities}] */
  phases?: Array<{ status: 'NotStarted' | 'InProgress'; ms: number }>;
  /** default 'Completed'. 'Deduped' ends the job at once (give no phases) or after the phases */
  final?: 'Completed' | 'Failed' | 'Cancelled' | 'Deduped';
  /** failureReason of a Failed job; default errorCode 'JobInstanceStatusFailed', "Job instance failed without detail error" */
  failureReason?: { errorCode?: string; message?: string; isRetriable?: boolean };
  activities?: ActivityScript[];
}

export interface FabricWorkspaceSpec {
  /** a GUID; default random */
  id?: string;
  displayName: string;
  description?: string;
  /** default a GUID; null = no capacity (the key is left out) */
  capacityId?: string | null;
}

export interface FabricPipelineSpec {
  /** workspace id or display name (added if missing, when it is a display name) */
  workspace: string;
  /** item id, a GUID; default random */
  id?: string;
  displayName: string;
  description?: string;
  folderId?: string;
  /** declared parameters (what the definition says; the Job Scheduler does not check them) */
  parameters?: Record<string, ParameterSpec>;
  script?: FabricJobScript;
}
