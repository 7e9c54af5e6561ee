// How the wait for one run ends, as one pure function (the same for every run of a batch): whether the step fails, what the user
// is told, and whether the post step still has work (a run we meant to cancel may still be going).
import { formatDuration } from '../inputs/duration.js';
import type { CancelOutcome } from './cancel.js';
import { describeCancel } from './cancel.js';

/** What became of the cancel we were asked to make, or why none was made. */
export type CancelResult = CancelOutcome | { outcome: 'not-asked'; input: string };

export type Ending =
  | { kind: 'final'; status: string }
  | { kind: 'timeout'; timeoutMs: number; lastStatus: string; cancel: CancelResult }
  | { kind: 'cancelled'; lastStatus: string; cancel: CancelResult }
  | { kind: 'error'; error: string; lastStatus: string; cancel: CancelResult | { outcome: 'run-ended' } }
  /** The step stopped waiting for this run because of another (a batch's fail-fast). */
  | { kind: 'stopped'; reason: string; lastStatus: string; cancel: CancelResult };

export interface EndingContext {
  runId: string;
  pipelineName: string;
  runUrl: string;
  /** "ADF Studio", … */
  studioName: string;
  /** The step attached to the run (run-id, if-running: attach) rather than starting it. */
  attached?: boolean;
}

export interface Decision {
  /** The step fails. */
  fail: boolean;
  /** The run's own end decides the report (its activities are read, its failure explained). */
  reportRun: boolean;
  /** Nothing is left for the post step: the run ended, was cancelled, or is to be left alone. */
  handled: boolean;
  /** Why the step ended when it was not the run's own end, for the summary. */
  note?: string;
  /** The step's failure message, or the closing log line when it succeeds (empty: the run's own report). */
  message: string;
  /** A line for the log before the step ends. */
  log?: string;
}

export function decide(e: Ending, c: EndingContext): Decision {
  const link = c.runUrl ? `\nRun in ${c.studioName}: ${c.runUrl}` : '';
  switch (e.kind) {
    case 'final':
      return { fail: e.status !== 'Succeeded', reportRun: true, handled: true, message: '' };

    case 'timeout': {
      const after = formatDuration(e.timeoutMs);
      if (e.cancel.outcome === 'already-final' && e.cancel.run.status === 'Succeeded') {
        // It finished as we gave up: the run succeeded, so the step does too.
        const note = `The run succeeded at the deadline: it ended as the wait timed out after ${after}.`;
        return { fail: false, reportRun: true, handled: true, note, message: note };
      }
      const what = cancelText(
        e.cancel,
        c,
        c.attached
          ? `The run was left ${e.lastStatus}: this step did not start it (set 'cancel-on-timeout: true' to cancel attached runs).`
          : `The run was left ${e.lastStatus} (cancel-on-timeout: false).`,
      );
      return {
        fail: true,
        reportRun: e.cancel.outcome === 'already-final',
        handled: e.cancel.outcome !== 'failed',
        note: `The wait timed out after ${after}. ${what}`,
        message: `Timed out after ${after} waiting for run ${c.runId} of '${c.pipelineName}'. ${what}${link}`,
      };
    }

    case 'cancelled': {
      const what = cancelText(
        e.cancel,
        c,
        c.attached
          ? `Run ${c.runId} was left running: this step did not start it (set 'cancel-on-workflow-cancel: true' to cancel attached runs); it is still ${e.lastStatus}.`
          : `Run ${c.runId} was left running (cancel-on-workflow-cancel: false); it is still ${e.lastStatus}.`,
      );
      return {
        fail: true,
        reportRun: false,
        handled: e.cancel.outcome !== 'failed',
        note: `The workflow was cancelled. ${what}`,
        message: `The workflow was cancelled while waiting for run ${c.runId}. ${what}`,
        log: what,
      };
    }

    case 'stopped': {
      if (e.cancel.outcome === 'already-final') {
        const ended = e.cancel.run.status;
        return {
          fail: ended !== 'Succeeded',
          reportRun: true,
          handled: true,
          note: `${e.reason}; the run had already ended ${ended}.`,
          message: '',
        };
      }
      const what = cancelText(
        e.cancel,
        c,
        c.attached
          ? `The run was left ${e.lastStatus}: this step did not start it.`
          : `The run was left ${e.lastStatus}.`,
      );
      return {
        fail: true,
        reportRun: false,
        handled: e.cancel.outcome !== 'failed',
        note: `${e.reason}. ${what}`,
        message: `${e.reason}. ${what}`,
      };
    }

    case 'error': {
      const what =
        e.cancel.outcome === 'run-ended'
          ? `The run itself ended ${e.lastStatus}.`
          : cancelText(
              e.cancel,
              c,
              c.attached
                ? `The run was left running: this step did not start it.`
                : `The run was left running (cancel-on-workflow-cancel: false).`,
            );
      return {
        fail: true,
        reportRun: false,
        handled: e.cancel.outcome !== 'failed',
        note: `The action failed: ${e.error} ${what}`,
        message: `\nRun ${c.runId}: ${c.runUrl || '(no link)'}\n${what}`,
      };
    }
  }
}

function cancelText(r: CancelResult, c: EndingContext, notAsked: string): string {
  if (r.outcome === 'not-asked') return notAsked;
  return describeCancel(c.runId, r, c.studioName);
}
