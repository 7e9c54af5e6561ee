// Reading the status of the runs being waited for: one query for all of them where the service has
// one (queryPipelineRuns) and more than one run is waiting, else one read per run. Transient faults
// never end the wait: they are said once, and once more when the service answers again.
import { CancelledError, ServiceError, errorMessage } from '../http/errors.js';
import { isRetryable } from '../http/retry.js';
import { formatDuration } from '../inputs/duration.js';
import type { RunView } from '../model/run.js';
import type { PipelineService } from '../services/service.js';
import { refOf, type Item, type ItemLog } from './item.js';

/** The query window reaches back this far before its earliest run's start (clock skew). */
const WINDOW_MARGIN_MS = 5 * 60_000;

export class StatusReads {
  /** False once the service refused the list query (no permission): every run is then read alone. */
  private listQuery: boolean;
  private faultSince: number | undefined;
  private failures = 0;
  /** A throttled read's Retry-After: no status read before this (ms epoch). */
  retryAt = 0;

  constructor(
    private readonly service: PipelineService,
    private readonly log: ItemLog,
    /** A batch waits on the list query (batch economy); one run is read alone. */
    batch: boolean,
  ) {
    this.listQuery = batch && Boolean(service.readRuns);
  }

  /** Whether a read may go out now: a throttled answer's Retry-After holds for every query of the step. */
  get throttled(): boolean {
    return Date.now() < this.retryAt;
  }

  /** Another request of the step was throttled: its Retry-After holds for the status reads too. */
  noteFault(e: unknown): void {
    if (e instanceof ServiceError && e.retryAfterMs) this.retryAt = Math.max(this.retryAt, Date.now() + e.retryAfterMs);
  }

  /**
   * The runs' current views by lower-case run ID; a run the service could not be asked about this
   * time is absent. Throws only what asking again cannot fix.
   */
  async read(items: Item[], signal: AbortSignal, stepSignal: AbortSignal): Promise<Map<string, RunView>> {
    const views = new Map<string, RunView>();
    let fault: unknown;
    const note = (e: unknown) => {
      if (stepSignal.aborted || e instanceof CancelledError) return;
      if (!isRetryable(e)) throw e;
      fault ??= e;
    };
    if (this.listQuery) {
      try {
        const now = Date.now();
        const runs = await this.service.readRuns!(
          items.map(refOf),
          {
            after: new Date(Math.min(...items.map((i) => i.createdAt)) - WINDOW_MARGIN_MS),
            before: new Date(now + 86_400_000),
          },
          { abortSignal: signal },
        );
        for (const r of runs) views.set(r.runId.toLowerCase(), r);
      } catch (e) {
        if (refused(e)) this.fallBack(e, items.length);
        else note(e);
      }
    }
    // Runs the query does not show yet (or every run, where there is no such query).
    const missing = fault ? [] : items.filter((i) => !views.has(i.runId.toLowerCase()));
    await Promise.all(
      missing.map(async (i) => {
        try {
          views.set(i.runId.toLowerCase(), await this.service.getRun(refOf(i), { abortSignal: signal }));
        } catch (e) {
          note(e);
        }
      }),
    );
    this.account(fault, items);
    return views;
  }

  private fallBack(e: unknown, waiting: number): void {
    this.listQuery = false;
    this.log.warning(
      `${errorMessage(e)}\nThe identity may not query this ${this.service.home.label.toLowerCase()}'s runs, so the wait reads each of the ${waiting} runs instead (one request per run per interval). Grant the query permission (see the README's roles) to wait on one request per interval.`,
    );
  }

  private account(fault: unknown, items: Item[]): void {
    if (fault) {
      this.failures++;
      if (fault instanceof ServiceError && fault.retryAfterMs) this.retryAt = Date.now() + fault.retryAfterMs;
      if (this.faultSince === undefined) {
        this.faultSince = Date.now();
        const what = items.length === 1 ? `run ${items[0]!.runId}` : `${items.length} runs`;
        this.log.warning(`${describeFault(fault)}; still waiting for ${what} and asking again.`);
      }
      return;
    }
    if (this.faultSince !== undefined) {
      this.log.info(
        `Azure answers again after ${this.failures} failed attempt(s) over ${formatDuration(Date.now() - this.faultSince)}.`,
      );
      this.faultSince = undefined;
      this.failures = 0;
    }
  }
}

/** A list query the identity may not make: 403 (no role for it), or 401 on it alone. */
function refused(e: unknown): boolean {
  return e instanceof ServiceError && (e.status === 403 || e.status === 401);
}

export function describeFault(e: unknown): string {
  if (e instanceof ServiceError) {
    if (e.status === 429) {
      return `Azure is throttling requests (HTTP 429 ${e.code}${e.retryAfterMs ? `, retry after ${formatDuration(e.retryAfterMs)}` : ''})`;
    }
    return `Azure answered HTTP ${e.status} ${e.code}${e.requestId ? ` (${e.requestIdHeader} ${e.requestId})` : ''}`;
  }
  return `Could not reach Azure: ${errorMessage(e)}`;
}
