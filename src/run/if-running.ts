// `if-running`: one query before the start finds the pipeline's runs that are Queued, InProgress or
// Canceling (whoever started them), and the policy decides. The check is not atomic: another
// workflow may start a run between the query and createRun (the README shows `concurrency:`).
import { CancelledError, errorMessage } from '../http/errors.js';
import { retry } from '../http/retry.js';
import { formatDuration } from '../inputs/duration.js';
import type { IfRunning } from '../inputs/inputs.js';
import { sleep } from '../runtime/sleep.js';
import { CANCEL_BUDGET_MS } from '../runtime/tuning.js';
import type { PipelineService } from '../services/service.js';
import type { RunStatus, RunView } from '../model/run.js';
import { describeRun } from './attach.js';
import { cancelRun, describeCancel } from './cancel.js';
import { nextPollDelay } from './schedule.js';

export const ACTIVE_STATUSES: RunStatus[] = ['Queued', 'InProgress', 'Canceling'];
const DAY_MS = 86_400_000;

export interface IfRunningOptions {
  pipelineName: string;
  policy: Exclude<IfRunning, 'start'>;
  pollInterval: 'auto' | number;
  /** Waiting and cancelling before the start end here (the step's timeout). */
  deadline: number;
  timeoutMs: number;
  cancelRecursive: boolean;
  signal: AbortSignal;
  log: { info(line: string): void; warning(line: string): void };
}

/** Start a run, or the run found to report (skip) or wait for (attach). */
export type IfRunningDecision = { kind: 'start' } | { kind: 'skip' | 'attach'; run: RunView; others: RunView[] };

/** Thrown when the policy ends the step before any run is started. */
export class IfRunningStop extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IfRunningStop';
  }
}

export async function findActiveRuns(
  service: PipelineService,
  pipelineName: string,
  signal: AbortSignal,
  until: number,
): Promise<RunView[]> {
  const now = Date.now();
  const runs = await retry(
    () =>
      service.findRuns(
        {
          pipelineName,
          statuses: ACTIVE_STATUSES,
          after: new Date(now - 45 * DAY_MS),
          before: new Date(now + DAY_MS),
        },
        { abortSignal: signal },
      ),
    { until: Math.max(until, Date.now() + 60_000), signal },
  );
  // Newest (latest start) first; the status filter is applied again in case a service ignores it.
  return runs
    .filter((r) => ACTIVE_STATUSES.includes(r.status))
    .sort((a, b) => (Date.parse(b.runStart ?? '') || 0) - (Date.parse(a.runStart ?? '') || 0));
}

export async function applyIfRunning(service: PipelineService, o: IfRunningOptions): Promise<IfRunningDecision> {
  const found = await findActiveRuns(service, o.pipelineName, o.signal, o.deadline);
  if (!found.length) {
    o.log.info(
      `No run of '${o.pipelineName}' is Queued, InProgress or Canceling; starting one (if-running: ${o.policy}).`,
    );
    return { kind: 'start' };
  }
  const list = found.map(describeRun).join(', ');
  o.log.info(`Found ${found.length} run(s) of '${o.pipelineName}' not yet ended: ${list}.`);
  const [newest, ...others] = found;
  switch (o.policy) {
    case 'fail':
      throw new IfRunningStop(
        `${found.length} run(s) of pipeline '${o.pipelineName}' are in progress, and 'if-running' is 'fail': ${list}. Nothing was started. Wait for them to end, or choose another 'if-running' (skip, attach, wait, cancel, start).`,
      );
    case 'skip':
      o.log.info(
        `if-running: skip: not starting a run; reporting the newest one, ${newest.runId}${others.length ? `, and leaving ${others.map((r) => r.runId).join(', ')} alone` : ''}.`,
      );
      return { kind: 'skip', run: newest, others };
    case 'attach':
      o.log.info(
        `if-running: attach: not starting a run; waiting for the newest one, ${newest.runId}${others.length ? `, and leaving ${others.map((r) => r.runId).join(', ')} alone` : ''}.`,
      );
      return { kind: 'attach', run: newest, others };
    case 'cancel':
      for (const r of found) {
        if (r.status === 'Canceling') {
          o.log.info(`Run ${r.runId} is already Canceling; waiting for it to end.`);
          continue;
        }
        o.log.info(
          `if-running: cancel: cancelling run ${r.runId}${o.cancelRecursive ? ' and its child pipelines' : ''}.`,
        );
        const c = await cancelRun(
          service,
          { runId: r.runId, pipelineName: o.pipelineName },
          {
            recursive: o.cancelRecursive,
            budgetMs: Math.max(1_000, Math.min(CANCEL_BUDGET_MS, o.deadline - Date.now())),
            signal: o.signal,
          },
        );
        if (o.signal.aborted) throw cancelledBeforeStart(o);
        const line = describeCancel(r.runId, c, service.studioName);
        if (c.outcome === 'failed') {
          throw new IfRunningStop(`${line} Nothing was started (if-running: cancel).`);
        }
        o.log.info(line);
      }
      break;
    case 'wait':
      o.log.info(`if-running: wait: waiting until none of them is left before starting.`);
      break;
  }
  await waitUntilNoneActive(service, found, o);
  return { kind: 'start' };
}

async function waitUntilNoneActive(service: PipelineService, found: RunView[], o: IfRunningOptions): Promise<void> {
  const since = Date.now();
  let active = found;
  for (;;) {
    const left = o.deadline - Date.now();
    if (left <= 0) {
      throw new IfRunningStop(
        `Timed out after ${formatDuration(o.timeoutMs)} waiting for ${active.map(describeRun).join(', ')} of '${o.pipelineName}' to end (if-running: ${o.policy}; the time before the start counts against 'timeout'). Nothing was started.`,
      );
    }
    const delay = Math.min(left, nextPollDelay(o.pollInterval, Date.now() - since));
    if (!(await sleep(delay, o.signal))) throw cancelledBeforeStart(o);
    if (Date.now() >= o.deadline) continue;
    let now: RunView[];
    try {
      now = await findActiveRuns(service, o.pipelineName, o.signal, o.deadline);
    } catch (e) {
      if (e instanceof CancelledError || o.signal.aborted) throw cancelledBeforeStart(o);
      throw new Error(
        `Could not list the runs of '${o.pipelineName}' while waiting for them to end: ${errorMessage(e)}`,
        {
          cause: e,
        },
      );
    }
    const ids = new Set(now.map((r) => r.runId));
    for (const r of active) if (!ids.has(r.runId)) o.log.info(`Run ${r.runId} has ended.`);
    for (const r of now) {
      if (!active.some((a) => a.runId === r.runId))
        o.log.info(`Another run appeared: ${describeRun(r)}; waiting for it too.`);
    }
    active = now;
    if (!active.length) {
      o.log.info(
        `No run of '${o.pipelineName}' is left in progress after ${formatDuration(Date.now() - since)}; starting one.`,
      );
      return;
    }
  }
}

function cancelledBeforeStart(o: IfRunningOptions): IfRunningStop {
  return new IfRunningStop(
    `The workflow was cancelled while waiting for the runs of '${o.pipelineName}' to end (if-running: ${o.policy}); no run was started, nothing to clean up.`,
  );
}
