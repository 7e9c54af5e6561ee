// The pipeline's usual duration, from one query of its recent successful runs. A courtesy: without
// the permission to query runs, or without history, the wait works as it always did.
import { errorMessage } from '../http/errors.js';
import type { PipelineService } from '../services/service.js';
import type { UsualDuration } from './schedule.js';

/** How many of the newest successful runs count. */
export const HISTORY_RUNS = 20;
/** Fewer than this many runs say nothing usual. */
export const MIN_HISTORY_RUNS = 3;
const WINDOW_MS = 30 * 86_400_000;

/** The quantile q (0..1) of sorted values, interpolated. */
export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

/**
 * Median, and the band most runs end in: the 10th to 90th percentile, widened by 5% of the median
 * (at least 10 s) on each side, because the next run is rarely exactly like the last ones.
 */
export function usualDuration(durationsMs: number[]): UsualDuration | undefined {
  const d = durationsMs.filter((x) => Number.isFinite(x) && x > 0).sort((a, b) => a - b);
  if (d.length < MIN_HISTORY_RUNS) return undefined;
  const medianMs = Math.round(quantile(d, 0.5));
  const pad = Math.max(10_000, 0.05 * medianMs);
  return {
    medianMs,
    lowMs: Math.max(0, Math.round(quantile(d, 0.1) - pad)),
    highMs: Math.round(quantile(d, 0.9) + pad),
    runs: d.length,
  };
}

export interface HistoryLog {
  info(line: string): void;
  debug(line: string): void;
}

/** One query; never throws. */
export async function readUsualDuration(
  service: PipelineService,
  pipelineName: string,
  o: { signal?: AbortSignal; log: HistoryLog; now?: number },
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
    o.log.debug(`Run history unavailable (${errorMessage(e)}); polling by the run's age only.`);
    return undefined;
  }
}
