// The pipeline's usual duration, from one query of its recent successful runs. A courtesy: without
// the permission to query runs, or without history, the wait works as it always did.
import { errorMessage } from '../http/errors.js';
import type { PipelineService } from '../services/service.js';
import type { UsualDuration } from '../model/result.js';
import { usualDuration } from './schedule.js';

export { usualDuration } from './schedule.js';

/** How many of the newest successful runs count. */
export const HISTORY_RUNS = 20;
const WINDOW_MS = 30 * 86_400_000;

export interface HistoryLog {
  info(line: string): void;
  debug(line: string): void;
}

/** One query; never throws. */
export async function readUsualDuration(
  service: PipelineService,
  pipelineName: string,
  o: { signal?: AbortSignal; log: HistoryLog; now?: number; onError?: (e: unknown) => void },
): Promise<UsualDuration | undefined> {
  const now = o.now ?? Date.now();
  try {
    const runs = await service.findRuns(
      {
        pipelineName,
        statuses: ['Succeeded'],
        after: new Date(now - WINDOW_MS),
        before: new Date(now),
        limit: HISTORY_RUNS,
      },
      {
        abortSignal: o.signal ? AbortSignal.any([o.signal, AbortSignal.timeout(15_000)]) : AbortSignal.timeout(15_000),
      },
    );
    const newest = runs
      .filter((r) => r.status === 'Succeeded' && typeof r.durationMs === 'number')
      .sort((a, b) => Date.parse(b.runStart ?? '') - Date.parse(a.runStart ?? ''))
      .slice(0, HISTORY_RUNS);
    const usual = usualDuration(newest.map((r) => r.durationMs!));
    if (!usual) {
      o.log.debug(
        `Run history: ${newest.length} successful run(s) of '${pipelineName}' in 30 days; too few to say what is usual.`,
      );
    }
    return usual;
  } catch (e) {
    o.onError?.(e);
    o.log.debug(`Run history unavailable (${errorMessage(e)}); polling by the run's age only.`);
    return undefined;
  }
}
