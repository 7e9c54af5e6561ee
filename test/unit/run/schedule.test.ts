import { describe, expect, it } from 'vitest';
import { AUTO_AGE_FRACTION, AUTO_MAX_MS, AUTO_MIN_MS, nextPollDelay, pollTimes } from '../../../src/run/schedule.js';

const MIN = 60_000;
const HOUR = 3_600_000;

describe('nextPollDelay', () => {
  it('has the documented constants', () => {
    expect(AUTO_MIN_MS).toBe(5_000);
    expect(AUTO_MAX_MS).toBe(60_000);
    expect(AUTO_AGE_FRACTION).toBe(0.1);
  });

  it.each([
    [0, 5_000],
    [10_000, 5_000],
    [50_000, 5_000],
    [80_000, 8_000],
    [123_456, 12_346],
    [300_000, 30_000],
    [600_000, 60_000],
    [6 * HOUR, 60_000],
  ])('auto at age %d ms → %d ms', (age, delay) => {
    expect(nextPollDelay('auto', age)).toBe(delay);
  });

  it('auto never leaves [5 s, 60 s] and never shrinks as the run ages', () => {
    let previous = 0;
    for (let age = 0; age <= 2 * HOUR; age += 997) {
      const d = nextPollDelay('auto', age);
      expect(d).toBeGreaterThanOrEqual(5_000);
      expect(d).toBeLessThanOrEqual(60_000);
      expect(d).toBeGreaterThanOrEqual(previous);
      previous = d;
    }
  });

  it('grows with the run age between the bounds', () => {
    expect(nextPollDelay('auto', 200_000)).toBeGreaterThan(nextPollDelay('auto', 100_000));
    expect(nextPollDelay('auto', 400_000)).toBe(2 * nextPollDelay('auto', 200_000));
  });

  it('a fixed interval is used as is, at any age', () => {
    for (const age of [0, 1_000, 10 * MIN, 5 * HOUR]) {
      expect(nextPollDelay(15_000, age)).toBe(15_000);
      expect(nextPollDelay(1_000, age)).toBe(1_000);
      expect(nextPollDelay(300_000, age)).toBe(300_000);
    }
  });
});

describe('pollTimes', () => {
  it('a fixed interval polls at its multiples until the run ends', () => {
    expect(pollTimes(15_000, MIN)).toEqual([15_000, 30_000, 45_000, 60_000]);
    expect(pollTimes(20_000, 50_000)).toEqual([20_000, 40_000, 60_000]);
    expect(pollTimes(HOUR, 1)).toEqual([HOUR]);
  });

  it('auto starts every 5 s', () => {
    expect(pollTimes('auto', 20_000)).toEqual([5_000, 10_000, 15_000, 20_000]);
  });

  it('stops at the limit', () => {
    expect(pollTimes(1_000, HOUR, undefined, 10)).toHaveLength(10);
  });

  it('is strictly increasing and ends at or after the run end', () => {
    const times = pollTimes('auto', 90 * MIN);
    for (let i = 1; i < times.length; i++) expect(times[i]).toBeGreaterThan(times[i - 1]);
    expect(times.at(-1)).toBeGreaterThanOrEqual(90 * MIN);
    expect(times.at(-2)).toBeLessThan(90 * MIN);
  });

  // Request counts for `auto`: every 5 s up to age 50 s (10 polls), then ×1.1 per poll until the
  // interval reaches 60 s (age ~10 min, 27 more), then once a minute.
  const RUNS: [number, number][] = [
    [1, 12],
    [5, 29],
    [15, 42],
    [60, 87],
    [360, 387],
  ];

  it.each(RUNS)('auto, %d-minute run: %d status requests', (minutes, count) => {
    expect(pollTimes('auto', minutes * MIN)).toHaveLength(count);
  });

  it.each(RUNS)('auto, %d-minute run: never more than 120 status requests in any hour of waiting', (minutes) => {
    const times = pollTimes('auto', minutes * MIN);
    // Per hour of waiting, rounded up (a 1-minute wait has a budget of 120, not 2).
    expect(times.length).toBeLessThanOrEqual(120 * Math.ceil((minutes * MIN) / HOUR));
    // And in every sliding one-hour window.
    let start = 0;
    for (let end = 0; end < times.length; end++) {
      while (times[end] - times[start] >= HOUR) start++;
      expect(end - start + 1).toBeLessThanOrEqual(120);
    }
  });

  it.each(RUNS)('auto, %d-minute run: a finish is seen within max(5 s, 10%% of the run age)', (minutes) => {
    const runMs = minutes * MIN;
    const times = pollTimes('auto', runMs);
    // The run may end just after any poll (or before the first); the next poll then sees it.
    // Allowed: max(5 s, 10% of the age at that moment); the delay is rounded to whole ms.
    let previous = 0;
    for (const t of times) {
      const gap = t - previous;
      expect(gap).toBeLessThanOrEqual(Math.max(5_000, Math.ceil(previous * 0.1)));
      expect(gap).toBeLessThanOrEqual(60_000);
      previous = t;
    }
    // The end of this very run is noticed in time.
    expect(times.at(-1)! - runMs).toBeLessThanOrEqual(Math.max(5_000, runMs * 0.1));
  });

  it('a six-hour run costs about 60 reads per hour once it is old', () => {
    const times = pollTimes('auto', 6 * HOUR);
    const inLastHour = times.filter((t) => t > 5 * HOUR && t <= 6 * HOUR).length;
    expect(inLastHour).toBe(60);
  });

  it('a fixed interval is honoured for long runs', () => {
    const times = pollTimes(30_000, 2 * HOUR);
    expect(times).toHaveLength(240);
    expect(new Set(times.map((t, i) => t - (i ? times[i - 1] : 0)))).toEqual(new Set([30_000]));
  });
});
