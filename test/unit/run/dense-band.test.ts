// The duration-aware `auto` schedule: dense reads around the usual end, within the read budget.
import { describe, expect, it } from 'vitest';
import { usualDuration } from '../../../src/run/history.ts';
import { MAX_READS_PER_HOUR, busiestHour, denseBand, nextPollDelay, pollTimes } from '../../../src/run/schedule.ts';
import type { UsualDuration } from '../../../src/model/result.ts';

const MIN = 60_000;
const usual = (medianMs: number, spread: number): UsualDuration => ({
  medianMs,
  lowMs: medianMs * (1 - spread),
  highMs: medianMs * (1 + spread),
  runs: 10,
});

/** The gap between the two reads around an end at `endMs`: how late that end is noticed at worst. */
const delayAt = (times: number[], endMs: number) => {
  const k = times.findIndex((t) => t >= endMs);
  return times[k]! - (k > 0 ? times[k - 1]! : 0);
};

describe('usualDuration', () => {
  it('needs three runs, and gives the median and a padded 10th-90th percentile band', () => {
    expect(usualDuration([60_000, 61_000])).toBeUndefined();
    const u = usualDuration([40 * MIN, 38 * MIN, 42 * MIN, 39 * MIN, 41 * MIN])!;
    expect(u.medianMs).toBe(40 * MIN);
    expect(u.lowMs).toBeLessThan(38.4 * MIN);
    expect(u.highMs).toBeGreaterThan(41.6 * MIN);
    expect(u.runs).toBe(5);
  });
});

describe('denseBand', () => {
  it('is v1 auto without a history', () => {
    expect(denseBand(undefined)).toBeUndefined();
    expect(pollTimes('auto', 90 * MIN, undefined)).toEqual(pollTimes('auto', 90 * MIN));
  });

  it('reads every 5 s through a band that fits the budget, so an end inside it is seen within 5 s', () => {
    for (const [median, spread] of [
      [2 * MIN, 0.1],
      [10 * MIN, 0.1],
      [40 * MIN, 0.02],
      [6 * 60 * MIN, 0.005],
    ] as const) {
      const u = usual(median, spread);
      const band = denseBand(u)!;
      expect(band.everyMs).toBe(5_000);
      for (let end = u.lowMs; end <= u.highMs; end += 1_000) {
        expect(delayAt(pollTimes('auto', end, band), end)).toBeLessThanOrEqual(5_000);
      }
    }
  });

  it(`never puts more than ${MAX_READS_PER_HOUR} reads in any hour, whatever the history and the end`, () => {
    for (const median of [20_000, MIN, 5 * MIN, 20 * MIN, 40 * MIN, 60 * MIN, 2 * 60 * MIN, 6 * 60 * MIN]) {
      for (const spread of [0, 0.05, 0.1, 0.25, 0.5]) {
        const band = denseBand(usual(median, spread));
        for (const end of [median * 0.5, median, median * 1.5, median * 3]) {
          expect(busiestHour(pollTimes('auto', end, band)), `${median} ms ± ${spread}`).toBeLessThanOrEqual(
            MAX_READS_PER_HOUR,
          );
        }
      }
    }
  });

  it('costs about 60 reads an hour at steady state, before and after the band', () => {
    const band = denseBand(usual(4 * 60 * MIN, 0.02));
    const times = pollTimes('auto', 6 * 60 * MIN, band);
    const inHour = (from: number) => times.filter((t) => t >= from && t < from + 60 * MIN).length;
    expect(inHour(60 * MIN)).toBeLessThanOrEqual(61);
    expect(inHour(5 * 60 * MIN)).toBeLessThanOrEqual(61);
  });

  it('lands one read on the start of the band, and follows the age schedule after it', () => {
    const band = denseBand(usual(30 * MIN, 0.05))!;
    const times = pollTimes('auto', 60 * MIN, band);
    expect(times).toContain(band.fromMs);
    expect(nextPollDelay('auto', band.untilMs + 1, band)).toBe(60_000);
  });

  it('gives up the band when it would be read less often than every 30 s', () => {
    expect(denseBand(usual(6 * 60 * MIN, 0.5))).toBeUndefined();
  });

  it('leaves fixed intervals alone', () => {
    const band = denseBand(usual(10 * MIN, 0.1));
    expect(nextPollDelay(15_000, 10 * MIN, band)).toBe(15_000);
  });
});
