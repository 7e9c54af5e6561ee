// When to ask ARM for the run's status. Pure, so the bench can compute request counts and the
// worst-case detection delay for any run length without the network.

export const AUTO_MIN_MS = 5_000;
export const AUTO_MAX_MS = 60_000;
/** The delay before noticing a finished run stays under this share of the run's age. */
export const AUTO_AGE_FRACTION = 0.1;

/**
 * `auto`: every 5 s while the run is young, then 10% of its age, at most once a minute. A short
 * run is seen finishing within seconds; a six-hour run costs about 60 reads an hour, far under
 * ARM's per-principal read budget, and its end is noticed within a minute.
 */
export function nextPollDelay(interval: 'auto' | number, ageMs: number): number {
  if (interval !== 'auto') return interval;
  return Math.min(AUTO_MAX_MS, Math.max(AUTO_MIN_MS, Math.round(ageMs * AUTO_AGE_FRACTION)));
}

/** The ages (ms since the run was created) at which status is read for a run of this length. */
export function pollTimes(interval: 'auto' | number, runMs: number, limit = 100_000): number[] {
  const times: number[] = [];
  let age = 0;
  while (times.length < limit) {
    age += nextPollDelay(interval, age);
    times.push(age);
    if (age >= runMs) break;
  }
  return times;
}
