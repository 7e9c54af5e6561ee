// ADF's and Synapse's PipelineRun, and their run-query filter, in the lifecycle's terms.
import {
  unknownStatusMessage,
  utcTimestamp,
  type RunQuery,
  type RunRef,
  type RunStatus,
  type RunView,
} from '../../model/run.js';
import type { PipelineRun, RunFilterParameters } from './types.js';

const STATUSES: readonly string[] = ['Queued', 'InProgress', 'Succeeded', 'Failed', 'Canceling', 'Cancelled'];

export function toRunView(run: PipelineRun): RunView {
  const known = STATUSES.includes(run.status);
  const start = utcTimestamp(run.runStart);
  const end = utcTimestamp(run.runEnd);
  let durationMs = typeof run.durationInMs === 'number' ? run.durationInMs : undefined;
  if (durationMs === undefined && start && end) {
    const ms = Date.parse(end) - Date.parse(start);
    if (Number.isFinite(ms)) durationMs = ms;
  }
  return {
    runId: run.runId,
    pipelineName: run.pipelineName ?? '',
    // The services document these six; anything new is not final (unknownStatusMessage).
    status: (known || !run.status ? run.status || 'Queued' : 'InProgress') as RunStatus,
    message: run.message || (known || !run.status ? '' : unknownStatusMessage('The service', run.status)),
    runStart: start,
    runEnd: end,
    durationMs,
    parameters: run.parameters,
    invokedByType: run.invokedBy?.invokedByType ?? run.invokedBy?.name,
    ...groupOf(run),
    raw: run,
  };
}

/** The run-group fields, where the service sent them. */
function groupOf(run: PipelineRun): Pick<RunView, 'runGroupId' | 'isLatest' | 'recovery'> {
  const out: Pick<RunView, 'runGroupId' | 'isLatest' | 'recovery'> = {};
  if (typeof run.runGroupId === 'string' && run.runGroupId) {
    out.runGroupId = run.runGroupId;
    out.recovery = typeof run.runId === 'string' && run.runGroupId.toLowerCase() !== run.runId.toLowerCase();
  }
  if (typeof run.isLatest === 'boolean') out.isLatest = run.isLatest;
  return out;
}

export function runFilter(q: RunQuery): RunFilterParameters {
  const filters: RunFilterParameters['filters'] = [
    { operand: 'PipelineName', operator: 'Equals', values: [q.pipelineName] },
  ];
  if (q.statuses?.length) filters.push({ operand: 'Status', operator: 'In', values: [...q.statuses] });
  return {
    lastUpdatedAfter: q.after.toISOString(),
    lastUpdatedBefore: q.before.toISOString(),
    filters,
    orderBy: [{ orderBy: 'RunStart', order: 'DESC' }],
  };
}

/** The activity-run query window: required; a day either side covers clock skew and long queues. */
export function activityFilter(anchor: string | undefined): RunFilterParameters {
  const start = Date.parse(anchor ?? '') || Date.now();
  return {
    lastUpdatedAfter: new Date(start - 86_400_000).toISOString(),
    lastUpdatedBefore: new Date(Date.now() + 86_400_000).toISOString(),
    orderBy: [{ orderBy: 'ActivityRunStart', order: 'ASC' }],
  };
}

/** Several pipelines' runs in one query: RunId is no filter operand, so the names and a window. */
export function batchFilter(refs: RunRef[], window: { after: Date; before: Date }): RunFilterParameters {
  const names = [...new Set(refs.map((r) => r.pipelineName))];
  return {
    lastUpdatedAfter: window.after.toISOString(),
    lastUpdatedBefore: window.before.toISOString(),
    filters: [{ operand: 'PipelineName', operator: 'In', values: names }],
    orderBy: [{ orderBy: 'RunStart', order: 'DESC' }],
  };
}

/** The runs asked for, out of a batch query's answer. */
export function pickRuns(refs: RunRef[], runs: PipelineRun[]): RunView[] {
  const ids = new Set(refs.map((r) => r.runId.toLowerCase()));
  return runs.filter((r) => typeof r.runId === 'string' && ids.has(r.runId.toLowerCase())).map(toRunView);
}

/**
 * The latest run of a recovery group. `RunGroupId` takes one value only (a list is refused:
 * Azure/azure-sdk-for-net#22025); `LatestOnly` takes the string "true".
 */
export function runGroupFilter(runGroupId: string, window: { after: Date; before: Date }): RunFilterParameters {
  return {
    lastUpdatedAfter: window.after.toISOString(),
    lastUpdatedBefore: window.before.toISOString(),
    filters: [
      { operand: 'RunGroupId', operator: 'Equals', values: [runGroupId] },
      { operand: 'LatestOnly', operator: 'Equals', values: ['true'] },
    ],
    orderBy: [{ orderBy: 'RunStart', order: 'DESC' }],
  };
}

/** The newest of the runs by runStart (the query's order is not relied on). */
export function newestRun(runs: RunView[]): RunView | undefined {
  let newest: RunView | undefined;
  for (const r of runs)
    if (!newest || (Date.parse(r.runStart ?? '') || 0) > (Date.parse(newest.runStart ?? '') || 0)) newest = r;
  return newest;
}
