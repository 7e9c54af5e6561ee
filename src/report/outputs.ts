// The step's outputs, as the contract names them, from the result model. Pure: publish.ts writes them.
import { displayParameters, MASK, secureValues } from '../inputs/parameters.js';
import type { RunView } from '../model/run.js';
import { endedAsWanted, type FailedActivity, type RunResult, type StepResult } from '../model/result.js';
import { durationOf, oneLine, trimText } from './text.js';

/** The contract's order: the first of these that any run has, unless every run succeeded. */
const AGGREGATE = ['Failed', 'Cancelled', 'Canceling', 'InProgress', 'Queued'];

export function aggregateStatus(runs: RunResult[]): string {
  if (runs.every((r) => r.status === 'Succeeded')) return 'Succeeded';
  for (const s of AGGREGATE) if (runs.some((r) => r.status === s)) return s;
  return 'Failed';
}

const failedOutput = (f: FailedActivity) => ({
  name: f.name,
  type: f.type,
  errorCode: f.errorCode,
  message: f.message,
  failureType: f.failureType,
  pipelineName: f.pipelineName,
  pipelineRunId: f.pipelineRunId,
});

/** What a run's message is in the outputs: the service's, else why no run started or why it ended so. */
export const messageOf = (r: RunResult): string => r.run?.message || r.error || r.note || '';

/** The run's tries as the `tries` output has them; one element without retries, none without a run. */
export function triesOf(r: RunResult): Array<Record<string, unknown>> {
  const tries =
    r.tries ?? (r.runId ? [{ runId: r.runId, status: r.status, message: messageOf(r), recovery: false }] : []);
  return tries.map((t) => ({ 'run-id': t.runId, status: t.status, message: t.message, recovery: t.recovery }));
}

/** `runs`: one entry per item, in the order given, never-started ones included. JSON values. */
export function runsOutput(runs: RunResult[]): Record<string, unknown>[] {
  return runs.map((r) => ({
    pipeline: r.pipelineName,
    'run-id': r.runId,
    status: r.status,
    message: messageOf(r),
    'run-url': r.runUrl,
    'run-start': r.run?.runStart ?? '',
    'run-end': r.run?.runEnd ?? '',
    'duration-ms': durationOf(r.run),
    'failed-activities': r.failed.map(failedOutput),
    'return-value': r.status === 'Succeeded' ? r.returnValue.value : {},
    started: r.started && Boolean(r.runId),
    'earlier-run-id': r.earlierRunId ?? '',
    tries: triesOf(r),
    billing: r.billing ?? {},
    'estimated-cost': r.estimatedCost ?? {},
  }));
}

/** A run that did not end as the step wants, as one line naming its pipeline; undefined when it did. */
export function failingLine(r: RunResult): string | undefined {
  if (endedAsWanted(r)) return undefined;
  const why = r.error ?? (r.run?.message || r.note || '');
  return `${r.pipelineName}: ${r.status || 'not started'}${why ? `: ${oneLine(trimText(why, 300))}` : ''}`;
}

/**
 * The service's own run object; getRun echoes every parameter value, SecureString ones included:
 * never pass those on. Without a definition where one was needed, every value is masked.
 */
export function maskedRaw(
  r: Pick<RunResult, 'definitions' | 'maskAllParameters'>,
  run: RunView,
): Record<string, unknown> {
  const params = run.raw.parameters;
  if (!params || typeof params !== 'object' || Array.isArray(params)) return run.raw;
  const values = params as Record<string, unknown>;
  const shown = r.maskAllParameters
    ? Object.fromEntries(Object.keys(values).map((k) => [k, MASK]))
    : displayParameters(values, r.definitions);
  return { ...run.raw, parameters: shown };
}

export function outputsOf(step: StepResult): Record<string, string> {
  const runs = JSON.stringify(runsOutput(step.runs));
  if (step.batch) {
    return {
      runs,
      // No run at all (refused before any start): no status, as for a single run.
      status: step.runs.some((r) => r.runId) ? aggregateStatus(step.runs) : '',
      message:
        !step.runs.some((r) => r.runId) && step.error
          ? step.error
          : step.runs
              .map(failingLine)
              .filter((l): l is string => Boolean(l))
              .join('\n'),
      'failed-activities': JSON.stringify(step.runs.flatMap((r) => r.failed.map(failedOutput))),
      started: String(step.runs.every((r) => r.started && Boolean(r.runId))),
      // The single run's outputs say nothing for a batch; `return-value` is still an object (the contract).
      'run-id': '',
      'run-url': '',
      'run-start': '',
      'run-end': '',
      'duration-ms': '',
      run: '',
      'return-value': '{}',
      // A batch's figures are in each entry of `runs`; the step's own are sums.
      'earlier-run-id': '',
      tries: '[]',
      billing: JSON.stringify(step.billing ?? {}),
      'estimated-cost': JSON.stringify(step.estimatedCost ?? {}),
    };
  }
  const r = step.runs[0]!;
  const ms = durationOf(r.run);
  return {
    'run-id': r.runId,
    started: String(r.started && Boolean(r.runId)),
    status: r.status,
    message: r.runId ? (r.run?.message ?? '') : messageOf(r),
    'run-url': r.runUrl,
    'run-start': r.run?.runStart ?? '',
    'run-end': r.run?.runEnd ?? '',
    'duration-ms': ms === null ? '' : String(ms),
    'failed-activities': JSON.stringify(r.failed.map(failedOutput)),
    run: r.run ? JSON.stringify(maskedRaw(r, r.run)) : '',
    'return-value': JSON.stringify(r.returnValue.value),
    runs,
    'earlier-run-id': r.earlierRunId ?? '',
    tries: JSON.stringify(triesOf(r)),
    billing: JSON.stringify(r.billing ?? {}),
    'estimated-cost': JSON.stringify(r.estimatedCost ?? {}),
  };
}

/**
 * The SecureString values among the parameters a run echoes (all of them where no definition could
 * be read): registered as secrets before anything is written, and masked in the pull-request
 * comment, which does not go through the runner's log masking.
 */
export function echoedSecrets(r: Pick<RunResult, 'run' | 'definitions' | 'maskAllParameters'>): string[] {
  const params = r.run?.raw.parameters;
  if (typeof params !== 'object' || params === null || Array.isArray(params)) return [];
  const values = params as Record<string, unknown>;
  if (!r.maskAllParameters) return secureValues(values, r.definitions);
  return Object.values(values)
    .map((v) => (typeof v === 'string' ? v : JSON.stringify(v)))
    .filter((v) => v.length > 0);
}
