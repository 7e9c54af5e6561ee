// Cancels a run and finds out what became of it. A run that had already finished is reported
// plainly: that is a normal race, not an error.
import type { AdfClient } from './adf-client.js';
import { isFinal, type PipelineRun } from './adf-types.js';
import { ArmError, errorMessage, isTransient } from './errors.js';
import { isTransientAuthError } from './explain.js';
import { sleep } from './sleep.js';

export type CancelOutcome =
  | { outcome: 'cancelled'; run?: PipelineRun }
  | { outcome: 'already-final'; run: PipelineRun }
  | { outcome: 'failed'; run?: PipelineRun; error: string };

export interface CancelOptions {
  recursive: boolean;
  /** Everything, including confirming the new status, must finish within this budget. */
  budgetMs: number;
  signal?: AbortSignal;
}

export async function cancelRun(client: AdfClient, runId: string, o: CancelOptions): Promise<CancelOutcome> {
  const until = Date.now() + o.budgetMs;
  const timeoutMs = () => Math.max(500, Math.min(5_000, until - Date.now()));
  const read = async (): Promise<PipelineRun | undefined> => {
    try {
      return await client.getRun(runId, { timeoutMs: timeoutMs(), abortSignal: o.signal });
    } catch {
      return undefined;
    }
  };

  let run = await read();
  if (run && isFinal(run.status)) return { outcome: 'already-final', run };
  for (let attempt = 1; ; attempt++) {
    try {
      await client.cancelRun(runId, o.recursive, { timeoutMs: timeoutMs(), abortSignal: o.signal });
      break;
    } catch (e) {
      // ADF refuses to cancel a run that just finished; look before calling it an error.
      run = (await read()) ?? run;
      if (run && isFinal(run.status) && run.status !== 'Cancelled') return { outcome: 'already-final', run };
      if (run?.status === 'Cancelled' || run?.status === 'Canceling') return { outcome: 'cancelled', run };
      // Cancelling twice does no harm, so a transient failure is tried again while the budget lasts.
      const pause = Math.max(e instanceof ArmError ? (e.retryAfterMs ?? 0) : 0, Math.min(1_000 * attempt, 5_000));
      const transient = isTransient(e) || isTransientAuthError(e);
      if (transient && Date.now() + pause < until - 1_000 && (await sleep(pause, o.signal))) continue;
      return { outcome: 'failed', run, error: errorMessage(e) };
    }
  }
  // Confirm: a cancel moves the run to Canceling, then Cancelled.
  while (Date.now() < until - 300) {
    run = (await read()) ?? run;
    if (run && isFinal(run.status)) break;
    if (!(await sleep(Math.min(1_000, until - Date.now() - 300), o.signal))) break;
  }
  if (run && isFinal(run.status) && run.status !== 'Cancelled') return { outcome: 'already-final', run };
  return { outcome: 'cancelled', run };
}

export function describeCancel(runId: string, c: CancelOutcome): string {
  switch (c.outcome) {
    case 'cancelled':
      return `Cancelled run ${runId}${c.run ? `; its status is now ${c.run.status}` : ''}.`;
    case 'already-final':
      return `Run ${runId} had already ended (${c.run.status}) before it could be cancelled; nothing to cancel.`;
    case 'failed':
      return `Could not cancel run ${runId}: ${c.error}${c.run ? ` (last known status ${c.run.status})` : ''}. Cancel it in ADF Studio if it is still running.`;
  }
}
