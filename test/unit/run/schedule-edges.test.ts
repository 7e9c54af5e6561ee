// The schedule's edges, exactly: the quantiles, the history's filter and padding, the busiest
// hour's window, and where a dense band starts and ends (src/run/schedule.ts is pure).
import { describe, expect, it } from 'vitest';
import {
  busiestHour,
  denseBand,
  nextPollDelay,
  pollTimes,
  quantile,
  usualDuration,
} from '../../../src/run/schedule.ts';

const S = 1_000;
const MIN = 60 * S;
const HOUR = 60 * MIN;

describe('quantile', () => {
  it('interpolates between neighbours, and is NaN for no values', () => {
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantile([10], 0.9)).toBe(10);
    expect(quantile([10, 20], 0.5)).toBe(15);
    expect(quantile([0, 10, 20, 30, 40], 0.1)).toBe(4);
    expect(quantile([0, 10, 20, 30, 40], 0.9)).toBe(36);
    expect(quantile([0, 10, 20, 30, 40], 0)).toBe(0);
    expect(quantile([0, 10, 20, 30, 40], 1)).toBe(40);
  });
});

describe('usualDuration', () => {
  it('drops durations that are not positive numbers, and needs three that are', () => {
    expect(usualDuration([MIN, 2 * MIN, 0, -5, NaN, Infinity])).toBeUndefined();
    expect(usualDuration([MIN, 2 * MIN, 3 * MIN, 0, NaN])).toMatchObject({ runs: 3, medianMs: 2 * MIN });
  });

  it('sorts before it reads the quantiles', () => {
    expect(usualDuration([3 * MIN, MIN, 2 * MIN])).toEqual(usualDuration([MIN, 2 * MIN, 3 * MIN]));
  });

  it('pads the band by 10 s for short pipelines and by 2% of the median for long ones', () => {
    const short = usualDuration([MIN, MIN, MIN])!;
    expect(short).toEqual({ medianMs: MIN, lowMs: MIN - 10 * S, highMs: MIN + 10 * S, runs: 3 });
    const long = usualDuration([HOUR, HOUR, HOUR])!;
    expect(long).toEqual({ medianMs: HOUR, lowMs: HOUR - 72 * S, highMs: HOUR + 72 * S, runs: 3 });
  });

  it('never starts the band before the run', () => {
    expect(usualDuration([S, S, S])!.lowMs).toBe(0);
  });
});

describe('busiestHour', () => {
  it('counts reads in a window of exactly an hour, the end excluded', () => {
    expect(busiestHour([])).toBe(0);
    expect(busiestHour([0, HOUR - 1])).toBe(2);
    expect(busiestHour([0, HOUR])).toBe(1);
    expect(busiestHour([0, 10, 20, HOUR + 5, HOUR + 15])).toBe(3);
  });
});

describe('the dense band', () => {
  it('none without a usual end that makes sense', () => {
    expect(denseBand(undefined)).toBeUndefined();
    expect(denseBand({ medianMs: 0, lowMs: 0, highMs: 0, runs: 3 })).toBeUndefined();
    expect(denseBand({ medianMs: MIN, lowMs: 2 * MIN, highMs: MIN, runs: 3 })).toBeUndefined();
  });

  it('starts one interval before the band and ends one after it', () => {
    expect(denseBand({ medianMs: 10 * MIN, lowMs: 9 * MIN, highMs: 11 * MIN, runs: 5 })).toEqual({
      fromMs: 9 * MIN - 5 * S,
      untilMs: 11 * MIN + 5 * S,
      everyMs: 5 * S,
    });
  });

  it('a band that starts at once starts at 0', () => {
    expect(denseBand({ medianMs: 2 * S, lowMs: 0, highMs: 20 * S, runs: 5 })!.fromMs).toBe(0);
  });

  it('a band too long for 5 s reads is read as densely as the budget allows, no wider', () => {
    const band = denseBand({ medianMs: HOUR, lowMs: 40 * MIN, highMs: 80 * MIN, runs: 9 })!;
    expect(band.everyMs).toBeGreaterThan(5 * S);
    expect(band.everyMs).toBeLessThanOrEqual(30 * S);
    expect(busiestHour(pollTimes('auto', band.untilMs + HOUR, band))).toBeLessThanOrEqual(118);
    // The next denser step would have crossed the budget.
    const denser = Math.floor(band.everyMs / 1.05);
    const tighter = { fromMs: 40 * MIN - denser, untilMs: 80 * MIN + denser, everyMs: denser };
    expect(busiestHour(pollTimes('auto', tighter.untilMs + HOUR, tighter))).toBeGreaterThan(118);
  });
});

describe('nextPollDelay with a band', () => {
  const band = { fromMs: 10 * MIN, untilMs: 12 * MIN, everyMs: 5 * S };
  it('the age schedule before the band, but one read lands on its start', () => {
    expect(nextPollDelay('auto', 9 * MIN, band)).toBe(54 * S);
    expect(nextPollDelay('auto', 10 * MIN - 20 * S, band)).toBe(20 * S);
    // Never less than a second before the band.
    expect(nextPollDelay('auto', 10 * MIN - 200, band)).toBe(S);
  });

  it('every interval inside it, from its first millisecond to its last', () => {
    expect(nextPollDelay('auto', 10 * MIN, band)).toBe(5 * S);
    expect(nextPollDelay('auto', 12 * MIN - 1, band)).toBe(5 * S);
  });

  it('the age schedule after it', () => {
    expect(nextPollDelay('auto', 12 * MIN, band)).toBe(60 * S);
  });

  it('the age schedule rounds 10% of the age', () => {
    expect(nextPollDelay('auto', 123_456)).toBe(12_346);
    expect(nextPollDelay('auto', 49_999)).toBe(5_000);
    expect(nextPollDelay('auto', 600_001)).toBe(60_000);
  });
});

describe('pollTimes', () => {
  it('ends at the first read at or after the run end, and never passes the limit', () => {
    expect(pollTimes(1_000, 3_000)).toEqual([1_000, 2_000, 3_000]);
    expect(pollTimes(1_000, 2_500)).toEqual([1_000, 2_000, 3_000]);
    expect(pollTimes(1_000, HOUR, undefined, 2)).toEqual([1_000, 2_000]);
  });
});
