// Waits for a run to reach a final status. Transient faults (throttling, 5xx, lost connections,
// hung sockets) never end the wait: only a final status, the timeout, cancellation, or an error
// that asking again cannot fix.
import { CancelledError, ServiceError, errorMessage } from '../http/errors.js';
import { isRetryable } from '../http/retry.js';
import { formatDuration } from '../inputs/duration.js';
import { sleep } from '../runtime/sleep.js';
import { isFinal, type ActivityRun, type RunRef, type RunView } from '../model/run.js';
import { type PipelineService } from '../services/service.js';
import { Progress } from './progress.js';
import { denseBand, nextPollDelay, type UsualDuration } from './schedule.js';

export interface WaitOptions {
  run: RunRef;
  /** When the run was created (ms epoch): the poll interval grows with the run's age. */
  createdAt: number;
  /** The wait ends at this time (ms epoch). */
  deadline: number;
  pollInterval: 'auto' | number;
  /** Aborted when the workflow is cancelled. */
  signal: AbortSignal;
  /** The status createRun implies, or what we last saw. */
  initial?: RunView;
  log: WaitLog;
  /** Told of every run read, so a caller that fails later still knows the last status. */
  onRun?: (run: RunView) => void;
  /** How long the pipeline's runs usually take (src/run/history.ts): progress lines and `auto`'s dense band. */
  usual?: UsualDuration;
  /** The run's activities now, for the periodic progress lines (one query per line). */
  activities?: () => Promise<ActivityRun[]>;
  now?: () => number;
}

export interface WaitLog {
  info(line: string): void;
  warning(line: string): void;
  debug?(line: string): void;
}

export type WaitResult =
  | { outcome: 'final'; run: RunView; polls: number }
  | { outcome: 'timeout' | 'cancelled'; run?: RunView; polls: number };

export async function waitForRun(service: PipelineService, o: WaitOptions): Promise<WaitResult> {
  const now = o.now ?? Date.now;
  let run = o.initial;
  let polls = 0;
  const band = o.pollInterval === 'auto' ? denseBand(o.usual) : undefined;
  const progress = new Progress({ usual: o.usual, log: o.log, activities: o.activities, now }, run?.status);
  let failingSince: number | undefined;
  let failures = 0;
  let extraDelay = 0;

  for (;;) {
    if (o.signal.aborted) return { outcome: 'cancelled', run, polls };
    const remaining = o.deadline - now();
    if (remaining <= 0) return { outcome: 'timeout', run, polls };

    const asked = (service.pollNotBefore?.(o.run) ?? 0) - now();
    const delay = Math.max(nextPollDelay(o.pollInterval, now() - o.createdAt, band), extraDelay, asked);
    if (!(await sleep(Math.min(delay, remaining), o.signal))) return { outcome: 'cancelled', run, polls };
    if (now() >= o.deadline) return { outcome: 'timeout', run, polls };
    extraDelay = 0;

    try {
      // Neither a retry delay nor a hung socket may carry the wait past its deadline.
      const signal = AbortSignal.any([o.signal, AbortSignal.timeout(Math.max(1, o.deadline - now()))]);
      polls++;
      // This loop is the retry loop (Retry-After, logging, bounded by the deadline), so the SDK's
      // own retries would only hide faults from the log.
      run = await service.getRun(o.run, { abortSignal: signal });
      o.onRun?.(run);
    } catch (e) {
      if (o.signal.aborted) return { outcome: 'cancelled', run, polls };
      if (e instanceof CancelledError) return { outcome: 'timeout', run, polls };
      if (!isRetryable(e)) throw e;
      failures++;
      if (failingSince === undefined) {
        failingSince = now();
        o.log.warning(`${describeFault(e)}; still waiting for run ${o.run.runId} and asking again.`);
      }
      if (e instanceof ServiceError && e.retryAfterMs) extraDelay = e.retryAfterMs;
      continue;
    }

    if (failingSince !== undefined) {
      o.log.info(
        `Azure answers again after ${failures} failed attempt(s) over ${formatDuration(now() - failingSince)}.`,
      );
      failingSince = undefined;
      failures = 0;
    }
    await progress.seen(run.status, now() - o.createdAt, isFinal(run.status), run.durationMs);
    if (isFinal(run.status)) return { outcome: 'final', run, polls };
  }
}

function describeFault(e: unknown): string {
  if (e instanceof ServiceError) {
    if (e.status === 429) {
      return `Azure is throttling requests (HTTP 429 ${e.code}${e.retryAfterMs ? `, retry after ${formatDuration(e.retryAfterMs)}` : ''})`;
    }
    return `Azure answered HTTP ${e.status} ${e.code}${e.requestId ? ` (${e.requestIdHeader} ${e.requestId})` : ''}`;
  }
  return `Could not reach Azure: ${errorMessage(e)}`;
}
