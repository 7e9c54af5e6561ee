// The result model: what a step found out about its runs, for one run or many. The lifecycle
// (src/run/) fills it in; the report renders it with pure functions (outputs, job summary,
// pull-request comment, annotations, the step's message) and publish.ts hands it to the runner.
import type { ParameterDefinitions } from './parameters.js';
import type { ActivityRun, RunView } from './run.js';

/** The pipeline's return value: `{}` unless the run ended Succeeded and set one. */
export interface ReturnValue {
  value: Record<string, unknown>;
  /** Where it was read, for the summary: '' when nothing was found. */
  source: string;
}

/** How the service is named in what the user reads. */
export interface ServiceLabels {
  /** 'data-factory', …: names the service in the pull-request comment's marker. */
  kind?: string;
  /** "ADF", "Synapse", "Fabric" */
  shortName: string;
  /** "ADF Studio", … */
  studioName: string;
  /** Where the pipeline lives: label and Markdown text for the summary. */
  home: { label: string; text: string };
}

/** An activity run as the report lists it, with where it sits among nested pipelines. */
export interface ActivityRow extends ActivityRun {
  /** 0 for the run's own activities, 1 for those of a child pipeline, and so on. */
  depth: number;
  /** Parent activity names leading to this one, for nested pipelines. */
  path: string[];
}

export interface FailedActivity {
  name: string;
  type: string;
  errorCode: string;
  message: string;
  failureType: string;
  pipelineName: string;
  pipelineRunId: string;
  activityRunId: string;
  /** `parent › child` for nested pipelines. */
  path: string;
}

/**
 * When the pipeline's recent runs usually end (ms after the start), from its history.
 * `lowMs`..`highMs` is the band most of them ended in.
 */
export interface UsualDuration {
  medianMs: number;
  lowMs: number;
  highMs: number;
  /** How many past runs it was computed from. */
  runs: number;
}

/** One try of a run: the first start, then each retry (a recovery run, or a new Fabric job). */
export interface Try {
  runId: string;
  status: string;
  message: string;
  /** A recovery run of the try before it (ADF, Synapse). */
  recovery: boolean;
}

/** The contract's `billing` output: the billable units of an ended run (or a batch's sum). */
export interface BillingUnits {
  'activity-runs': number;
  meters: Array<{ 'activity-type': string; 'meter-type': string; unit: string; quantity: number }>;
  complete: boolean;
}

/** The contract's `estimated-cost` output: `{amount, currency, region, basis}`, Fabric's `{capacity-unit-hours}`, or `{}`. */
export type EstimatedCost = Record<string, unknown>;

/** One run of the step (one element of `runs`), started, attached to, or never started. */
export interface RunResult {
  pipelineName: string;
  /** '' while no run exists. */
  runId: string;
  runUrl: string;
  /** The step started it (false: attached, skipped, or never started). */
  started: boolean;
  /** In the one vocabulary; '' while no run exists. */
  status: string;
  /** The last run object read. */
  run?: RunView;
  /** The parameters as they may be shown (SecureString values masked). */
  parameters: Record<string, unknown>;
  /** The pipeline's declared parameters, when read: which values are SecureString. */
  definitions?: ParameterDefinitions;
  /** No definition could be read where one was needed: every parameter value the run echoes is masked. */
  maskAllParameters?: boolean;
  /** Every activity run (nested pipelines included), where the report needs them. */
  activities?: ActivityRow[];
  failed: FailedActivity[];
  /** `{}` unless the run ended Succeeded and set one. */
  returnValue: ReturnValue;
  usual?: UsualDuration;
  /** Why it ended as it did when that was not the run's own end (timeout, cancellation, fail-fast). */
  note?: string;
  /** Why no run was started. */
  error?: string;
  /** if-running: skip found a run. */
  skipped?: boolean;
  /** wait: false. */
  noWait?: boolean;
  /**
   * How the step's wait for it ended, when that was not the run's own end: the step's message for
   * a single run (src/run/endings.ts decides it).
   */
  ending?: { kind: 'timeout' | 'cancelled' | 'error' | 'stopped'; fail: boolean; message: string };
  /** The run of an earlier attempt of this step that this one resumed, recovered or reused. */
  earlierRunId?: string;
  /** What this attempt did with that run: waited for it, took its success, or recovered it. */
  resumed?: 'attach' | 'reuse' | 'recover';
  /** This step's tries, in order; the last is the result (one without retries). */
  tries?: Try[];
  /** Billable units, once the run ended (`billing: true`). */
  billing?: BillingUnits;
  /** With `cost-estimate`: the run's price at list prices, `{}` when none. */
  estimatedCost?: EstimatedCost;
  /** The one-line cost text for the report ("Cost: 14 activity runs, …"). */
  costLine?: string;
}

/** Why the step stopped before every run ended by itself. */
export type StopReason = '' | 'fail-fast' | 'timeout' | 'cancelled' | 'error';

export interface StepResult {
  service: ServiceLabels;
  /** `pipelines` was given: the aggregate outputs and the batch's summary. */
  batch: boolean;
  runs: RunResult[];
  stop: StopReason;
  /** The step's own failure (our error, or why nothing started), in full. */
  error?: string;
  /** The wait's limit, for the messages. */
  timeoutMs: number;
  /** How long the step took, for the closing line. */
  elapsedMs: number;
  /** A batch's sums over its runs (the `billing` and `estimated-cost` outputs), with their line. */
  billing?: BillingUnits;
  estimatedCost?: EstimatedCost;
  costLine?: string;
}

/** Ended as the step wants: Succeeded, or found by `if-running: skip`, or started without waiting. */
export function endedAsWanted(r: RunResult): boolean {
  return r.status === 'Succeeded' || Boolean(r.skipped && r.run) || Boolean(r.noWait && r.runId);
}
