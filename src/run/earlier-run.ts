// What an earlier attempt of this step did for one item (`on-rerun: resume`). Each earlier attempt
// that started anything started its try 0 with an ID this attempt can compute (run-ids.ts): one
// read per earlier attempt, newest first, finds the newest such run; one run-group query then finds
// the latest run of its recovery group (retries and recoveries started since, by any attempt).
import type { CallOptions } from '../http/rest-client.js';
import { ServiceError } from '../http/errors.js';
import { isFinal, type RunView } from '../model/run.js';
import { type PipelineService } from '../services/service.js';
import { earlierAttemptIds, type RunIdentity } from './run-ids.js';

export type EarlierRun =
  | {
      kind: 'none';
      /** Requests made to find out. */
      reads: number;
      /** For the user (Fabric: why a re-run starts anew). */
      notice?: string;
    }
  | {
      /** attach: not ended; reuse: ended Succeeded; recover: ended Failed or Cancelled. */
      kind: 'attach' | 'reuse' | 'recover';
      /** The run to attach to, take as the result, or recover (the latest of its group). */
      run: RunView;
      /** The earlier attempt (GITHUB_RUN_ATTEMPT) whose try 0 led here. */
      attempt: number;
      /** That attempt's try 0, where it differs from `run` (a retry or recovery came after it). */
      firstRunId: string;
      reads: number;
    };

export const FABRIC_RERUN_NOTICE =
  'Fabric chooses its own job IDs, so a re-run cannot tell the job an earlier attempt started apart from other jobs of the pipeline: this attempt starts a new job.';

/** Runs of a group are looked for from this long before the run found (clock skew between services). */
const WINDOW_SLACK_MS = 15 * 60_000;

export async function findEarlierRun(
  service: Pick<PipelineService, 'kind' | 'getRun' | 'latestInRunGroup'>,
  identity: RunIdentity | undefined,
  attempt: number,
  o?: CallOptions & { now?: () => number },
): Promise<EarlierRun> {
  if (service.kind === 'fabric')
    return attempt > 1 ? { kind: 'none', reads: 0, notice: FABRIC_RERUN_NOTICE } : { kind: 'none', reads: 0 };
  const ids = earlierAttemptIds(identity, attempt);
  let reads = 0;
  for (let a = ids.length; a >= 1; a--) {
    const runId = ids[a - 1]!;
    reads++;
    let found: RunView;
    try {
      found = await service.getRun({ runId, pipelineName: identity!.pipeline }, o);
    } catch (e) {
      // That attempt started nothing with this ID: it attached to an earlier run, or never got there.
      if (e instanceof ServiceError && e.status === 404) continue;
      throw e;
    }
    let run = found;
    if (found.runGroupId && service.latestInRunGroup) {
      reads++;
      const now = o?.now?.() ?? Date.now();
      const from = Date.parse(found.runStart ?? '') || now;
      const latest = await service.latestInRunGroup(
        found.runGroupId,
        { after: new Date(from - WINDOW_SLACK_MS), before: new Date(now + 86_400_000) },
        o,
      );
      // isLatest was seen false on a run nothing had followed yet (real-recordings README), so a
      // query that shows no run, or an older one, does not replace the run read directly.
      if (latest && startOf(latest) >= startOf(found)) run = latest;
    }
    return { kind: kindOf(run), run, attempt: a, firstRunId: found.runId, reads };
  }
  return { kind: 'none', reads };
}

const startOf = (r: RunView) => Date.parse(r.runStart ?? '') || 0;

/** A run still Canceling is not ended: attach to it, and see it end Cancelled. */
function kindOf(run: RunView): 'attach' | 'reuse' | 'recover' {
  if (!isFinal(run.status)) return 'attach';
  return run.status === 'Succeeded' ? 'reuse' : 'recover';
}
