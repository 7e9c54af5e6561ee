import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { MAX_TIMER_MS, deadlineSignal, safeDelay } from '../../../src/runtime/deadline.ts';

const HOUR = 3_600_000;

describe('safeDelay', () => {
  test.each([
    [0, 0],
    [-5, 0],
    [Number.NaN, 0],
    [1_500, 1_500],
    [MAX_TIMER_MS, MAX_TIMER_MS],
    [MAX_TIMER_MS + 1, MAX_TIMER_MS],
    [720 * HOUR, MAX_TIMER_MS],
    [9999 * HOUR, MAX_TIMER_MS],
    [Infinity, MAX_TIMER_MS],
  ])('%d ms → %d ms', (ms, expected) => {
    expect(safeDelay(ms)).toBe(expected);
  });
});

describe('deadlineSignal', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('aborts with a TimeoutError once the time has passed, not before', () => {
    const s = deadlineSignal(5_000);
    vi.advanceTimersByTime(4_999);
    expect(s.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(s.aborted).toBe(true);
    expect((s.reason as DOMException).name).toBe('TimeoutError');
  });

  test.each([720, 9999])('%dh is not cut short by the 2^31-1 ms timer limit', (hours) => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    const spy = vi.spyOn(globalThis, 'setTimeout');
    const s = deadlineSignal(hours * HOUR);
    // Checked before the clock moves: a timer past the limit would fire every 1 ms from here on.
    expect(Number(spy.mock.calls[0]?.[1])).toBeLessThanOrEqual(MAX_TIMER_MS);
    spy.mockRestore();
    vi.advanceTimersByTime(1_000);
    expect(s.aborted).toBe(false);
    vi.advanceTimersByTime(hours * HOUR - 1_001);
    expect(s.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(s.aborted).toBe(true);
    process.off('warning', onWarning);
    expect(warnings).not.toContain('TimeoutOverflowWarning');
  });

  test('every timer it sets fits in 2^31-1 ms', () => {
    const spy = vi.spyOn(globalThis, 'setTimeout');
    deadlineSignal(9999 * HOUR);
    expect(Number(spy.mock.calls[0]?.[1])).toBeLessThanOrEqual(MAX_TIMER_MS);
    vi.advanceTimersByTime(3 * MAX_TIMER_MS);
    const delays = spy.mock.calls.map((c) => Number(c[1]));
    expect(delays.length).toBeGreaterThanOrEqual(4);
    for (const d of delays) expect(d).toBeLessThanOrEqual(MAX_TIMER_MS);
    spy.mockRestore();
  });

  test('zero or negative aborts at once; Infinity never', () => {
    expect(deadlineSignal(0).aborted).toBe(true);
    expect(deadlineSignal(-1).aborted).toBe(true);
    const never = deadlineSignal(Infinity);
    vi.advanceTimersByTime(10 * MAX_TIMER_MS);
    expect(never.aborted).toBe(false);
  });
});
