// Cancels a run and finds out what became of it. A run that had already finished is reported
// plainly: that is a normal race, not an error.
import { errorMessage } from '../http/errors.js';
import { isRetryable, retryDelay } from '../http/retry.js';
import { sleep } from '../runtime/sleep.js';
import { isFinal, type RunRef, type RunView } from '../model/run.js';
import { type PipelineService } from '../services/service.js';

export type CancelOutcome =
  | { outcome: 'cancelled'; run?: RunView }
  | { outcome: 'already-final'; run: RunView }
  | { outcome: 'failed'; run?: RunView; error: string };

export interface CancelOptions {
  recursive: boolean;
  /** Everything, including confirming the new status, must finish within this budget. */
  budgetMs: number;
  signal?: AbortSignal;
}

/** After this many reads in a row fail, stop confirming: the cancel was accepted, say so and go. */
const CONFIRM_READ_FAILURES = 3;

export async function cancelRun(service: PipelineService, ref: RunRef, o: CancelOptions): Promise<CancelOutcome> {
  const until = Date.now() + o.budgetMs;
  const timeoutMs = () => Math.max(500, Math.min(5_000, until - Date.now()));
  const read = async (): Promise<RunView | undefined> => {
    try {
      return await service.getRun(ref, { timeoutMs: timeoutMs(), abortSignal: o.signal });
    } catch {
      return undefined;
    }
  };

  let run = await read();
  if (run && isFinal(run.status)) return { outcome: 'already-final', run };
  for (let attempt = 1; ; attempt++) {
    try {
      await service.cancelRun(ref, o.recursive, { timeoutMs: timeoutMs(), abortSignal: o.signal });
      break;
    } catch (e) {
      // The services refuse to cancel a run that just finished; look before calling it an error.
      run = (await read()) ?? run;
      if (run && isFinal(run.status) && run.status !== 'Cancelled') return { outcome: 'already-final', run };
      if (run?.status === 'Cancelled' || run?.status === 'Canceling') return { outcome: 'cancelled', run };
      // Cancelling twice does no harm, so a transient failure is tried again while the budget lasts.
      const pause = retryDelay(e, attempt, { baseMs: 500, maxMs: 5_000 });
      if (isRetryable(e) && Date.now() + pause < until - 1_000 && (await sleep(pause, o.signal))) continue;
      return { outcome: 'failed', run, error: errorMessage(e) };
    }
  }
  // Confirm: a cancel moves the run to Canceling, then Cancelled.
  let failedReads = 0;
  while (Date.now() < until - 300 && failedReads < CONFIRM_READ_FAILURES) {
    const seen = await read();
    if (seen) {
      run = seen;
      failedReads = 0;
    } else failedReads++;
    if (run && isFinal(run.status)) break;
    if (!(await sleep(Math.min(1_000, until - Date.now() - 300), o.signal))) break;
  }
  if (run && isFinal(run.status) && run.status !== 'Cancelled') return { outcome: 'already-final', run };
  return { outcome: 'cancelled', run };
}

export function describeCancel(runId: string, c: CancelOutcome, where: string): string {
  switch (c.outcome) {
    case 'cancelled':
      return `Cancelled run ${runId}${c.run ? `; its status is now ${c.run.status}` : ''}.`;
    case 'already-final':
      return `Run ${runId} had already ended (${c.run.status}) before it could be cancelled; nothing to cancel.`;
    case 'failed':
      return `Could not cancel run ${runId}: ${c.error}${c.run ? ` (last known status ${c.run.status})` : ''}. Cancel it in ${where} if it is still running.`;
  }
}
