// When to ask the service for the run's status. Pure, so the bench can compute request counts and
// the worst-case detection delay for any run length and any history without the network.
import type { UsualDuration } from '../model/result.js';

export const AUTO_MIN_MS = 5_000;
export const AUTO_MAX_MS = 60_000;
/** The delay before noticing a finished run stays under this share of the run's age. */
export const AUTO_AGE_FRACTION = 0.1;
/** No 60-minute window of a wait holds more status reads than this (ARM reads are budgeted). */
export const MAX_READS_PER_HOUR = 120;
const HOUR_MS = 3_600_000;
/** Room left under MAX_READS_PER_HOUR, so a late read or two never crosses it. */
const BUDGET_SLACK = 2;
/** A band read less often than this is not worth its reads. */
const DENSE_MAX_MS = 30_000;

/** Fewer than this many runs say nothing usual. */
export const MIN_HISTORY_RUNS = 3;

/** The quantile q (0..1) of sorted values, interpolated. */
export function quantile(sorted: number[], q: number): number {
  if (!sorted.length) return NaN;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (i - lo);
}

/**
 * Median, and the band most runs end in: the 10th to 90th percentile, widened by 2% of the median
 * (at least 10 s) on each side, because the next run is rarely exactly like the last ones.
 */
export function usualDuration(durationsMs: number[]): UsualDuration | undefined {
  const d = durationsMs.filter((x) => Number.isFinite(x) && x > 0).sort((a, b) => a - b);
  if (d.length < MIN_HISTORY_RUNS) return undefined;
  const medianMs = Math.round(quantile(d, 0.5));
  const pad = Math.max(10_000, 0.02 * medianMs);
  return {
    medianMs,
    lowMs: Math.max(0, Math.round(quantile(d, 0.1) - pad)),
    highMs: Math.round(quantile(d, 0.9) + pad),
    runs: d.length,
  };
}

/** The dense stretch of a wait: status is read every `everyMs` from `fromMs` to `untilMs` (ages). */
export interface DenseBand {
  fromMs: number;
  untilMs: number;
  everyMs: number;
}

/** v1's `auto`: every 5 s while the run is young, then 10% of its age, at most once a minute. */
function ageDelay(ageMs: number): number {
  return Math.min(AUTO_MAX_MS, Math.max(AUTO_MIN_MS, Math.round(ageMs * AUTO_AGE_FRACTION)));
}

/** Most reads in any 60-minute window of these (sorted) ages. */
export function busiestHour(times: number[]): number {
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (j < times.length && times[j]! < times[i]! + HOUR_MS) j++;
    most = Math.max(most, j - i);
  }
  return most;
}

/**
 * Where to read densely for a pipeline that usually ends between `lowMs` and `highMs`: every 5 s
 * through the band, unless that would put more than MAX_READS_PER_HOUR reads in some hour of the
 * wait (counted by laying out the whole schedule, from the start to an hour past the band); then
 * as densely as that budget allows. Undefined when the band is so wide that its reads could come
 * no closer than every 30 s: then the age schedule (once a minute) is as good.
 */
export function denseBand(usual: UsualDuration | undefined): DenseBand | undefined {
  if (!usual || !(usual.highMs > 0) || usual.highMs < usual.lowMs) return undefined;
  for (let everyMs = AUTO_MIN_MS; everyMs <= DENSE_MAX_MS; everyMs = Math.ceil(everyMs * 1.05)) {
    // The first dense read comes one interval before the band, so an end at its very start is seen in time.
    const band = { fromMs: Math.max(0, usual.lowMs - everyMs), untilMs: usual.highMs + everyMs, everyMs };
    if (busiestHour(pollTimes('auto', band.untilMs + HOUR_MS, band)) <= MAX_READS_PER_HOUR - BUDGET_SLACK) return band;
  }
  return undefined;
}

/**
 * The delay before the next status read. `auto` without a band is v1's age schedule. With a band
 * (the pipeline's usual end), the reads before it follow the age schedule but one of them lands
 * on the band's start; inside it they come every `everyMs`; after it (the run is later than
 * usual) the age schedule takes over again, which by then means once a minute.
 */
export function nextPollDelay(interval: 'auto' | number, ageMs: number, band?: DenseBand): number {
  if (interval !== 'auto') return interval;
  const base = ageDelay(ageMs);
  if (!band || ageMs >= band.untilMs) return base;
  if (ageMs >= band.fromMs) return band.everyMs;
  return Math.min(base, Math.max(1_000, band.fromMs - ageMs));
}

/** The ages (ms since the run was created) at which status is read for a run of this length. */
export function pollTimes(interval: 'auto' | number, runMs: number, band?: DenseBand, limit = 100_000): number[] {
  const times: number[] = [];
  let age = 0;
  while (times.length < limit) {
    age += nextPollDelay(interval, age, band);
    times.push(age);
    if (age >= runMs) break;
  }
  return times;
}
