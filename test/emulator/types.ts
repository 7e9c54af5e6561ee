// Public types of the emulator. Kept in one module so tests (and the CLI's scenario files)
// can import them without pulling in the servers.

export type Service = 'entra' | 'oidc' | 'arm' | 'github';

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
  /** page size of GET .../pipelines (more pipelines: a `nextLink` with a skip token) */
  pipelinePageSize: number;
  /**
   * The emulator's pre-recording run times: runStart only once the run leaves Queued, Cancelled runs
   * without runEnd/durationInMs, message "" while Queued. Default false (as recorded).
   */
  legacyRunTimes: boolean;
}

export interface EmulatorOptions extends Partial<EmulatorConfig> {
  /** seed the default tenant, client, factory and pipelines (see seedDefault) */
  seed?: boolean;
  /** fixed ports instead of ephemeral ones */
  ports?: { entra?: number; oidc?: number; arm?: number; github?: number };
}
