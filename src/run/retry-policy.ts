// Which failed runs are retried (`retry-on`). The service says why an activity failed: `failureType`
// SystemError (the service or the integration runtime failed) or UserError (configuration or data:
// the same input fails again), and an error code. No stable list of transient codes exists, so the
// policy is the failure type plus the codes the user names (recovery-and-cost.md §3).
import type { RunView } from '../model/run.js';
import type { FailedActivity } from '../model/result.js';

export interface RetryOn {
  systemError: boolean;
  any: boolean;
  /** Error codes, compared without regard to case. */
  codes: string[];
}

export interface RetryDecision {
  retry: boolean;
  /** For the log: "retrying: …" or "not retrying: …". */
  reason: string;
}

/** One failure to judge: a failed activity, or (Fabric) the job's own failureReason. */
type Failure = Pick<FailedActivity, 'name' | 'errorCode' | 'failureType'> & { subject: string };

/** Parses `retry-on`; the messages say what to write instead (throw them as input problems). */
export function parseRetryOn(text: string): { policy: RetryOn; problems: string[] } {
  const policy: RetryOn = { systemError: false, any: false, codes: [] };
  const problems: string[] = [];
  const items = text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
  for (const item of items) {
    const word = item.toLowerCase();
    if (word === 'system-error') policy.systemError = true;
    else if (word === 'any') policy.any = true;
    else if (word === 'systemerror' || word === 'system_error')
      problems.push(`'retry-on' item '${item}': write 'system-error'.`);
    else if (word === 'user-error' || word === 'usererror' || word === 'user_error')
      problems.push(
        `'retry-on' item '${item}': user errors fail again with the same input, so they are not a failure type to retry; name their error codes (e.g. '2200') or use 'any'.`,
      );
    else if (!/^[\w.:-]+$/.test(item))
      problems.push(
        `'retry-on' item '${item}' is neither 'system-error', 'any' nor an error code (letters, digits, '_', '-', '.', ':').`,
      );
    else if (!policy.codes.some((c) => c.toLowerCase() === word)) policy.codes.push(item);
  }
  if (items.length === 0)
    problems.push(`'retry-on' is empty: give 'system-error', 'any' or error codes (or set 'retries: 0').`);
  return { policy, problems };
}

/**
 * Whether a run that ended is retried. A Failed run is retried when every failed activity matches
 * an item; with no failed activity to judge, only `any` retries it (then nothing says the failure
 * was not the user's). Fabric's job-level failureReason counts as a failure to judge when no
 * failed activity was read. Cancelled runs are never retried: someone or something (a timeout,
 * fail-fast) stopped the run on purpose, and a retry would undo that.
 */
export function decideRetry(
  policy: RetryOn,
  run: { status: string; failureReasonCode?: string },
  failed: ReadonlyArray<Pick<FailedActivity, 'name' | 'errorCode' | 'failureType'>>,
): RetryDecision {
  if (run.status === 'Cancelled')
    return { retry: false, reason: 'not retrying: the run was cancelled, and a cancelled run is never retried' };
  if (run.status !== 'Failed') return { retry: false, reason: `not retrying: the run ended ${run.status}` };
  const runCode = run.failureReasonCode ?? '';
  const failures: Failure[] = failed.map((a) => ({ ...a, subject: `activity '${a.name}'` }));
  if (failures.length === 0 && runCode)
    failures.push({ name: '', errorCode: runCode, failureType: '', subject: 'the job' });
  if (failures.length === 0) {
    return policy.any
      ? { retry: true, reason: "retrying: no failed activity to judge, and retry-on has 'any'" }
      : {
          retry: false,
          reason: "not retrying: no failed activity says why the run failed; only retry-on 'any' retries such a run",
        };
  }
  if (policy.any) return { retry: true, reason: "retrying: retry-on has 'any'" };
  const unmatched = failures.find((f) => !matches(policy, f, runCode));
  if (unmatched)
    return { retry: false, reason: `not retrying: ${unmatched.subject} failed with ${describe(unmatched)}` };
  if (failures.every((f) => policy.systemError && f.failureType === 'SystemError'))
    return { retry: true, reason: 'retrying: every failed activity is a SystemError' };
  return {
    retry: true,
    reason: `retrying: every failure is listed in retry-on (${failures.map((f) => `${f.subject}: ${describe(f)}`).join('; ')})`,
  };
}

function matches(policy: RetryOn, f: Failure, runCode: string): boolean {
  if (policy.systemError && f.failureType === 'SystemError') return true;
  const codes = [f.errorCode, runCode].filter(Boolean).map((c) => c.toLowerCase());
  return policy.codes.some((c) => codes.includes(c.toLowerCase()));
}

/** "UserError 2200", "SystemError", "code JobInstanceStatusFailed", "no error code". */
function describe(f: Failure): string {
  if (f.failureType && f.errorCode) return `${f.failureType} ${f.errorCode}`;
  if (f.failureType) return f.failureType;
  if (f.errorCode) return `code ${f.errorCode}`;
  return 'no failure type or error code';
}

/** Fabric's job-level error code (`failureReason.errorCode` of the job instance), for decideRetry. */
export function failureReasonCode(run: Pick<RunView, 'raw'>): string | undefined {
  const reason = run.raw.failureReason as { errorCode?: unknown } | null | undefined;
  return typeof reason?.errorCode === 'string' && reason.errorCode ? reason.errorCode : undefined;
}
