// Fabric's job instances in the lifecycle's terms: one status vocabulary for every service.
import { unknownStatusMessage, utcTimestamp, type RunStatus, type RunView } from '../../model/run.js';
import type { ItemJobInstance } from './types.js';

/** Fabric's statuses (spec enum, modelAsString) → the contract's. */
const STATUS_MAP: Record<string, RunStatus> = {
  notstarted: 'Queued',
  inprogress: 'InProgress',
  completed: 'Succeeded',
  failed: 'Failed',
  cancelled: 'Cancelled',
  // "A job instance of the same job type is already running and this job instance is skipped."
  deduped: 'Cancelled',
  // Not in the spec; Microsoft's Airflow provider knows them (§2.1). A timed-out job has ended.
  timedout: 'Failed',
};

export const DEDUPED_MESSAGE =
  'Fabric deduplicated this job instance (status Deduped): a job of the same pipeline was already running, so this one was skipped and never ran.';

export function mapStatus(status: string | undefined): RunStatus {
  // Anything new is not final and reads InProgress (unknownStatusMessage).
  return STATUS_MAP[(status ?? '').toLowerCase()] ?? (status ? 'InProgress' : 'Queued');
}

const isKnown = (status: string | undefined) => !status || (status ?? '').toLowerCase() in STATUS_MAP;

export function toRunView(job: ItemJobInstance, pipelineName: string): RunView {
  const runStart = utcTimestamp(job.startTimeUtc);
  const runEnd = utcTimestamp(job.endTimeUtc);
  let durationMs: number | undefined;
  if (runStart && runEnd) {
    const ms = Date.parse(runEnd) - Date.parse(runStart);
    if (Number.isFinite(ms) && ms >= 0) durationMs = ms;
  }
  const deduped = /^deduped$/i.test(job.status ?? '');
  const failure = job.failureReason;
  const failureText = failure
    ? [failure.message, failure.errorCode ? `(${failure.errorCode})` : ''].filter(Boolean).join(' ')
    : '';
  return {
    runId: job.id,
    pipelineName,
    status: mapStatus(job.status),
    message: deduped
      ? failureText
        ? `${DEDUPED_MESSAGE} ${failureText}`
        : DEDUPED_MESSAGE
      : failure?.message || (isKnown(job.status) ? '' : unknownStatusMessage('Fabric', job.status ?? '')),
    runStart,
    runEnd,
    durationMs,
    invokedByType: job.invokeType,
    raw: job,
  };
}
